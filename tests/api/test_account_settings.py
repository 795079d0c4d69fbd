"""/api/v1/account/settings: name, time zone and "Setup using Wizard" (off by default, as the
guide says)."""

from __future__ import annotations

import pytest

from tests.factories import DEFAULT_PASSWORD, make_member
from tests.factories_devices import make_sip_accounts
from tests.support import ApiClient, count_rows, etag
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
    cases = (
        ({"name": ""}, "name"),
        ({"setup_wizard": "yes"}, "setup_wizard"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"time_zone": ""}, "time_zone"),
        ({"time_zone": 3}, "time_zone"),
    )
    for body, field in cases:
        response = admin_client.patch(SETTINGS, json=body, headers=etag(1))
        assert response.status_code == 422
        assert field in response.get_json()["errors"]["json"]
    assert admin_client.get(SETTINGS).get_json()["time_zone"] == "UTC"


@pytest.mark.parametrize("role", ["admin", "viewer"])
def test_when_a_non_owner_changes_the_time_zone_then_403_and_unchanged(
    app, admin, admin_client, role
):
    with app.app_context():
        make_member(email="mo@example.com", colleague=admin["email"], role=role)
    member = ApiClient(app.test_client())
    member.login("mo@example.com", DEFAULT_PASSWORD)
    response = member.patch(SETTINGS, json={"time_zone": "Europe/Berlin"}, headers=etag(1))
    assert response.status_code == 403
    assert member.get(SETTINGS).get_json()["time_zone"] == "UTC"


def test_when_the_owner_sets_the_time_zone_then_new_schedules_take_it(admin_client, other_client):
    changed = admin_client.patch(SETTINGS, json={"time_zone": "Europe/Berlin"}, headers=etag(1))
    assert changed.status_code == 200
    assert changed.get_json()["time_zone"] == "Europe/Berlin"
    body = {"name": "Office hours"}
    assert admin_client.post("/api/v1/schedules", json=body).get_json()["time_zone"] == (
        "Europe/Berlin"
    )
    given = admin_client.post(
        "/api/v1/schedules", json={"name": "NY", "time_zone": "America/New_York"}
    )
    assert given.get_json()["time_zone"] == "America/New_York"
    assert other_client.get(SETTINGS).get_json()["time_zone"] == "UTC"
    assert other_client.post("/api/v1/schedules", json=body).get_json()["time_zone"] == "UTC"


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
    assert current.get_json() == {
        "name": "Acme",
        "setup_wizard": False,
        "time_zone": "UTC",
        "version": 1,
    }
    turned_on = admin_client.patch(
        SETTINGS, json={"setup_wizard": True}, headers={"If-Match": current.headers["ETag"]}
    )
    assert turned_on.status_code == 200
    assert turned_on.get_json() == {
        "name": "Acme",
        "setup_wizard": True,
        "time_zone": "UTC",
        "version": 2,
    }
    assert turned_on.headers["ETag"] == '"2"'
    sips = make_sip_accounts(app, admin["account_id"], 1)
    created = admin_client.post(WIZARD, json=_wizard_body(sips))
    assert created.status_code == 201, created.get_json()
    assert other_client.get(SETTINGS).get_json()["setup_wizard"] is False
