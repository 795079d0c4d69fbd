"""422s whose errors mix list indexes with `_schema` ({"5": [...], "_schema": [...]}).

Marshmallow keys a bad list item by its index (an int) next to the list's own "_schema"
message; the error handler must still answer in the one shape, and the device API must
not describe a body to a caller without a valid token.
"""

from __future__ import annotations

import pytest

from tests.factories_devices import create_device, make_contact, make_sip_accounts
from tests.support import assert_error, etag, row_counts
from workspace.auth.models import Account
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device
from workspace.extensions import db

# Five ids (one too many for a device) and one of them invalid: both kinds of error at once.
MIXED = [1, 2, 3, 4, 5, 0]


@pytest.fixture
def mike(app, admin) -> int:
    return make_contact(app, admin["account_id"])


def _sip_account_errors(body: dict) -> dict:
    errors = body["errors"]["json"]["sip_account_ids"]
    assert "5" in errors and "_schema" in errors, errors
    return errors


def test_when_device_created_with_bad_and_too_many_sip_accounts_then_422(app, admin_client, mike):
    before = row_counts(app)
    response = admin_client.post(
        "/api/v1/devices", json={"contact_id": mike, "name": "Phone", "sip_account_ids": MIXED}
    )
    _sip_account_errors(assert_error(response, 422, "json", "sip_account_ids"))
    assert row_counts(app) == before


def test_when_device_updated_with_bad_and_too_many_sip_accounts_then_422(
    app, admin, admin_client, mike
):
    sips = make_sip_accounts(app, admin["account_id"], 1)
    device = create_device(admin_client, mike, sips)
    response = admin_client.patch(
        f"/api/v1/devices/{device['id']}",
        json={"sip_account_ids": MIXED},
        headers=etag(device["version"]),
    )
    _sip_account_errors(assert_error(response, 422, "json", "sip_account_ids"))
    assert admin_client.get(f"/api/v1/devices/{device['id']}").get_json() == device


def test_when_wizard_device_has_bad_and_too_many_sip_accounts_then_422(app, admin, admin_client):
    with app.app_context():
        db.session.get(Account, admin["account_id"]).setup_wizard_enabled = True
        db.session.commit()
    before = row_counts(app)
    body = {
        "contact": {"first_name": "Mike", "last_name": "Brown", "emails": []},
        "phone_number": {"number": "+14155550100"},
        "tab": {"name": "Sales"},
        "device": {"name": "Phone", "sip_account_ids": MIXED},
    }
    response = admin_client.post("/api/v1/wizard/contact", json=body)
    errors = assert_error(response, 422, "json", "device")["errors"]["json"]["device"]
    assert "5" in errors["sip_account_ids"] and "_schema" in errors["sip_account_ids"], errors
    assert row_counts(app) == before


def _lines(ids: list[int]) -> list[dict]:
    return [{"sip_account": i, "registered": True} for i in ids]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer not-a-device-token"}, {"Authorization": "Basic x"}]
)
def test_when_heartbeat_without_valid_token_then_401_before_the_body_is_read(app, client, headers):
    before = row_counts(app)
    for body in ({"lines": _lines(MIXED)}, {"lines": "nonsense", "extra": 1}, {}):
        response = client.post("/device/v1/heartbeat", json=body, headers=headers)
        assert_error(response, 401)
    assert row_counts(app) == before


def test_when_activated_device_heartbeat_has_bad_and_too_many_lines_then_422(
    app, admin, admin_client, client, mike
):
    sips = make_sip_accounts(app, admin["account_id"], 1)
    device = create_device(admin_client, mike, sips)
    with app.app_context():
        code = issue_activation_code(db.session.get(Device, device["id"]))
        db.session.commit()
    activated = client.post(
        "/device/v1/activate", json={"code": code, "platform": "android", "app_version": "4.2"}
    )
    assert activated.status_code == 200, activated.get_json()
    token = activated.get_json()["token"]
    response = client.post(
        "/device/v1/heartbeat",
        json={"lines": _lines(MIXED)},
        headers={"Authorization": f"Bearer {token}"},
    )
    errors = assert_error(response, 422, "json", "lines")["errors"]["json"]["lines"]
    assert "5" in errors and "_schema" in errors, errors
