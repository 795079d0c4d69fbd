"""GET /api/v1/devices/{id}/effective-config: refusals first, then the slice and the reasons."""

from __future__ import annotations

import pytest

from tests.factories_publishing import (
    PUBLISH,
    make_contact,
    make_device,
    make_sip_account,
    simple_call_flow,
)
from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.devices.models import DeviceSipAccount
from workspace.contact_center.providers.models import SipAccount
from workspace.extensions import db
from workspace.objects.device_config import device_slice
from workspace.secrets_key import encrypt

SIP_PASSWORD = "s3cret-sip-password"


def url(device_id: int) -> str:
    return f"/api/v1/devices/{device_id}/effective-config"


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


@pytest.fixture
def published(admin_client, flow):
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    return flow


# ---- refusals ---------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client, published):
    assert client.get(url(published["laptop"])).status_code == 401


def test_when_device_unknown_then_404(admin_client, published):
    response = admin_client.get(url(9999))
    assert response.status_code == 404
    assert response.get_json()["message"] == "Device 9999 not found."


def test_when_device_of_another_account_then_404(other_client, published):
    assert other_client.get(url(published["laptop"])).status_code == 404


# ---- the slice --------------------------------------------------------------------------------


def test_when_nothing_published_then_not_in_plan_and_says_so(admin_client, flow):
    body = admin_client.get(url(flow["laptop"])).get_json()
    assert body["in_plan"] is False and body["config"] is None
    assert body["revision"] is None and body["hash"] is None
    assert "Nothing is published yet" in body["message"]


def test_when_in_plan_then_the_plan_slice_with_revision_and_hash(app, admin_client, published):
    response = admin_client.get(url(published["phone"]))
    assert response.status_code == 200
    body = response.get_json()
    plan = admin_client.get("/api/v1/revisions/1/plan").get_json()
    assert body["in_plan"] is True and body["message"] is None
    assert body["revision"] == 1 and body["hash"] == plan["hash"]
    assert body["device"] == published["phone"] and body["name"] == "Android Phone"
    assert body["config"] == plan["devices"][str(published["phone"])]
    assert body["config"]["caller_id"] == {
        "name": "Mike Brown",
        "internal": "101",
        "external": "+14155550100",
        "outbound": True,
    }
    assert [line["username"] for line in body["config"]["lines"]] == ["1001", "1002"]


def test_when_sip_account_has_a_password_then_it_never_appears(app, admin, admin_client, flow):
    with app.app_context():
        sip = db.session.get(SipAccount, flow["sip_1"])
        sip.password_encrypted = encrypt(
            SIP_PASSWORD,
            account_id=admin["account_id"],
            table="sip_accounts",
            row_id=sip.id,
            field="password",
        )
        ciphertext = sip.password_encrypted
        db.session.commit()
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    response = admin_client.get(url(flow["laptop"]))
    text = response.get_data(as_text=True)
    assert SIP_PASSWORD not in text and ciphertext not in text
    assert response.get_json()["config"]["lines"][0]["password"] == "provisioned"


def test_when_contact_method_is_on_no_route_then_not_in_plan_and_says_why(
    app, admin, admin_client, published
):
    with app.app_context():
        ann = make_contact(
            admin["account_id"], first_name="Ann", last_name="Lee", email="ann@example.com"
        )
        desk = make_device(admin["account_id"], ann["contact"], "Ann's desk", [published["sip_1"]])
    body = admin_client.get(url(desk)).get_json()
    assert body["in_plan"] is False and body["config"] is None
    assert body["revision"] == 1
    assert "on no route" in body["message"] and "Ann's desk" in body["message"]


def test_when_device_was_added_after_publishing_then_not_in_plan_until_published_again(
    app, admin, admin_client, published
):
    with app.app_context():
        tablet = make_device(admin["account_id"], published["contact"], "Tablet", [])
    body = admin_client.get(url(tablet)).get_json()
    assert body["in_plan"] is False
    assert "added after revision 1" in body["message"]
    assert admin_client.post(PUBLISH, json={"message": "tablet"}).status_code == 201
    again = admin_client.get(url(tablet)).get_json()
    assert again["in_plan"] is True and again["revision"] == 2
    assert again["config"]["lines"] == []


def test_when_contact_has_no_call_center_method_then_says_so(app, admin, admin_client, published):
    with app.app_context():
        ann = make_contact(admin["account_id"], first_name="Ann", last_name="Lee", email="a@x.io")
        desk = make_device(admin["account_id"], ann["contact"], "Ann's desk", [])
        db.session.delete(db.session.get(ContactMethod, ann["method"]))
        db.session.commit()
    body = admin_client.get(url(desk)).get_json()
    assert body["in_plan"] is False
    assert "no call.center contact method" in body["message"]


def test_when_a_line_is_added_after_publishing_then_it_shows_at_once(
    app, admin, admin_client, published
):
    # Settings take effect on save (decisions: lines are contact-center settings).
    with app.app_context():
        extra = make_sip_account(admin["account_id"], published["provider"], "2002")
        db.session.add(DeviceSipAccount(device_id=published["laptop"], sip_account_id=extra))
        db.session.commit()
    body = admin_client.get(url(published["laptop"])).get_json()
    assert [line["username"] for line in body["config"]["lines"]] == ["1001", "2002"]
    assert body["revision"] == 1  # where it rings is still what revision 1 published


# ---- device_slice (reads a stored revision's entry) -------------------------------------------


def test_when_a_plan_holds_a_secret_then_the_slice_leaves_it_out():
    plan = {
        "devices": {
            "5": {
                "lines": [{"sip_account": 3, "password": "hunter2", "secret": "x"}],
                "token": "t",
                "caller_id": {"name": "Mike"},
            }
        }
    }
    config = device_slice(plan, 5)
    assert config == {
        "lines": [{"sip_account": 3, "password": "provisioned"}],
        "caller_id": {"name": "Mike"},
    }
    assert plan["devices"]["5"]["lines"][0]["password"] == "hunter2"  # the plan is not changed
    assert device_slice(plan, 6) is None
