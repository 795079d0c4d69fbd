"""/api/v1/account/settings: name and "Setup using Wizard" (off by default, as the guide says)."""

from __future__ import annotations

from tests.factories_devices import make_sip_accounts
from tests.support import count_rows, etag
from workspace.contact_center.contacts.models import Contact

SETTINGS = "/api/v1/account/settings"
WIZARD = "/api/v1/wizard/contact"


def _wizard_body(sip_ids: list[int]) -> dict:
    return {
        "contact": {
            "first_name": "Mike",
            "last_name": "Brown",
            "emails": [{"address": "mike.brown@example.com"}],
        },
        "internal_number": {"number": "101"},
        "phone_number": {"number": "+14155550100"},
        "tab": {"name": "Sales"},
        "device": {"name": "Android Phone", "sip_account_ids": sip_ids},
    }


def test_when_not_logged_in_then_401(client):
    assert client.get(SETTINGS).status_code == 401


def test_when_if_match_is_missing_or_stale_then_428_or_412_and_unchanged(admin_client):
    assert admin_client.patch(SETTINGS, json={"setup_wizard": True}).status_code == 428
    stale = admin_client.patch(SETTINGS, json={"setup_wizard": True}, headers=etag(9))
    assert stale.status_code == 412
    assert admin_client.get(SETTINGS).get_json()["setup_wizard"] is False


def test_when_values_are_invalid_then_422_naming_the_field(admin_client):
    for body, field in (({"name": ""}, "name"), ({"setup_wizard": "yes"}, "setup_wizard")):
        response = admin_client.patch(SETTINGS, json=body, headers=etag(1))
        assert response.status_code == 422
        assert field in response.get_json()["errors"]["json"]


def test_when_the_wizard_is_off_then_it_is_refused_and_nothing_is_written(app, admin, admin_client):
    sips = make_sip_accounts(app, admin["account_id"], 1)
    response = admin_client.post(WIZARD, json=_wizard_body(sips))
    assert response.status_code == 403
    assert "Setup using Wizard" in response.get_json()["message"]
    assert count_rows(app, Contact) == 0


def test_when_an_admin_turns_the_wizard_on_then_it_runs_and_other_accounts_stay_off(
    app, admin, admin_client, other_client
):
    current = admin_client.get(SETTINGS)
    assert current.get_json() == {"name": "Acme", "setup_wizard": False, "version": 1}
    turned_on = admin_client.patch(
        SETTINGS, json={"setup_wizard": True}, headers={"If-Match": current.headers["ETag"]}
    )
    assert turned_on.status_code == 200
    assert turned_on.get_json() == {"name": "Acme", "setup_wizard": True, "version": 2}
    assert turned_on.headers["ETag"] == '"2"'
    sips = make_sip_accounts(app, admin["account_id"], 1)
    created = admin_client.post(WIZARD, json=_wizard_body(sips))
    assert created.status_code == 201, created.get_json()
    assert other_client.get(SETTINGS).get_json()["setup_wizard"] is False
