"""/device/v1: activation with a code, config with ETag/304, heartbeats, directory, statuses.

The account is the guide's Simple Call Flow contact-center half (Mike Brown, his laptop on
SIP account 1001 and his Android phone on 1001 and 1002); 1001 provisions its password,
1002 is a manual-password line. Codes are issued as the portal issues them.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest

from tests.factories_publishing import PUBLISH, mike_brown, simple_workspace
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.providers.models import SipAccount
from workspace.database import utcnow
from workspace.extensions import db

API = "/device/v1"
PASSWORD = "s3cret-line-1001"


@pytest.fixture
def acme(app, admin, admin_client) -> SimpleNamespace:
    account = admin["account_id"]
    with app.app_context():
        ids = mike_brown(account)
    sip_1 = admin_client.get(f"/api/v1/sip-accounts/{ids['sip_1']}").get_json()
    sip_2 = admin_client.get(f"/api/v1/sip-accounts/{ids['sip_2']}").get_json()
    set_password = admin_client.patch(
        f"/api/v1/sip-accounts/{sip_1['id']}",
        json={"password": PASSWORD},
        headers={"If-Match": f'"{sip_1["version"]}"'},
    )
    assert set_password.status_code == 200, set_password.get_json()
    manual = admin_client.patch(
        f"/api/v1/sip-accounts/{sip_2['id']}",
        json={"manual_password": True},
        headers={"If-Match": f'"{sip_2["version"]}"'},
    )
    assert manual.status_code == 200, manual.get_json()
    return SimpleNamespace(account=account, **ids)


def new_code(app, device_id: int) -> str:
    """A fresh activation code for the device, as the portal issues it."""
    with app.app_context():
        device = db.session.get(Device, device_id)
        code = issue_activation_code(device)
        db.session.commit()
        return code


def activate(client, code, **overrides):
    body = {"code": code, "platform": "android", "app_version": "4.2.0"} | overrides
    return client.post(f"{API}/activate", json=body)


def activated(app, client, device_id: int) -> dict:
    response = activate(client, new_code(app, device_id))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def bearer(token: str, **more: str) -> dict:
    return {"Authorization": f"Bearer {token}", **more}


def portal_device(admin_client, device_id: int) -> dict:
    response = admin_client.get(f"/api/v1/devices/{device_id}")
    assert response.status_code == 200
    return response.get_json()


def stored(app, device_id: int) -> Device:
    with app.app_context():
        device = db.session.get(Device, device_id)
        db.session.expunge(device)
        return device


def patch_sip(admin_client, sip_id: int, body: dict) -> dict:
    current = admin_client.get(f"/api/v1/sip-accounts/{sip_id}").get_json()
    response = admin_client.patch(
        f"/api/v1/sip-accounts/{sip_id}", json=body, headers={"If-Match": f'"{current["version"]}"'}
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# ---- refusals -------------------------------------------------------------------------------


def test_when_code_is_wrong_used_reset_or_malformed_then_the_same_401(app, client, acme):
    app.config["DEVICE_ACTIVATE_RATE_LIMIT"] = "100 per minute"  # this test is no guesser
    used = new_code(app, acme.laptop)
    assert activate(client, used).status_code == 200
    replaced = new_code(app, acme.phone)
    new_code(app, acme.phone)  # a reset: the first code stops working
    answers = [
        activate(client, code)
        for code in (
            used,
            replaced,
            "K7QM-4TZP-9XWD",  # well formed, nobody's
            "not a code",
            "",
            "x" * 5000,
            12345,
            None,
            ["K7QM-4TZP-9XWD"],
        )
    ]
    assert {a.status_code for a in answers} == {401}
    assert len({a.get_data() for a in answers}) == 1
    assert "token" not in answers[0].get_json()
    with app.app_context():
        phone = db.session.get(Device, acme.phone)
        assert (phone.status, phone.token_hash) == ("not_activated", None)


def test_when_token_is_missing_unknown_or_reset_then_the_same_401_everywhere(app, client, acme):
    token = activated(app, client, acme.laptop)["token"]
    with app.app_context():  # what the portal's reset does to the token
        db.session.get(Device, acme.laptop).token_hash = None
        db.session.commit()
    answers = []
    for headers in ({}, bearer("nope"), bearer(token), {"Authorization": token}):
        answers.append(client.get(f"{API}/config", headers=headers))
        answers.append(client.get(f"{API}/directory", headers=headers))
        answers.append(client.post(f"{API}/heartbeat", json={"lines": []}, headers=headers))
    assert {a.status_code for a in answers} == {401}
    assert len({a.get_data() for a in answers}) == 1


def test_when_heartbeat_names_another_devices_sip_account_then_422_and_nothing_written(
    app, client, acme
):
    token = activated(app, client, acme.laptop)["token"]  # the laptop has only sip_1
    before = stored(app, acme.laptop).last_seen_at
    body = {
        "app_version": "9.9.9",
        "lines": [
            {"sip_account": acme.sip_1, "registered": True},
            {"sip_account": acme.sip_2, "registered": True},
        ],
    }
    response = client.post(f"{API}/heartbeat", json=body, headers=bearer(token))
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["lines"]
    assert str(acme.sip_2) in response.get_json()["errors"]["json"]["lines"][0]
    after = stored(app, acme.laptop)
    assert (after.last_seen_at, after.app_version) == (before, "4.2.0")
    with app.app_context():
        assert db.session.scalars(db.select(DeviceSipAccount.registered)).all() == [None] * 3


def test_when_heartbeat_names_another_accounts_sip_account_then_422_and_theirs_untouched(
    app, client, admin_client, other_admin, acme
):
    with app.app_context():
        theirs = mike_brown(other_admin["account_id"])
    token = activated(app, client, acme.laptop)["token"]
    body = {"lines": [{"sip_account": theirs["sip_2"], "registered": True}]}
    response = client.post(f"{API}/heartbeat", json=body, headers=bearer(token))
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["lines"]
    with app.app_context():
        assert db.session.scalars(db.select(DeviceSipAccount.registered)).all() == [None] * 6
    document = client.get(f"{API}/directory", headers=bearer(token)).get_json()
    assert [c["id"] for c in document["contacts"]] == [acme.contact]


@pytest.mark.parametrize(
    "body",
    [
        {"lines": [{"sip_account": "1", "registered": True}]},
        {"lines": [{"sip_account": 1, "registered": "yes"}]},
        {"lines": [{"sip_account": 1}]},
        {"lines": "all"},
        {"lines": [], "status": "online"},
        {"app_version": ""},
    ],
)
def test_when_heartbeat_body_is_invalid_then_422(app, client, acme, body):
    token = activated(app, client, acme.laptop)["token"]
    response = client.post(f"{API}/heartbeat", json=body, headers=bearer(token))
    assert response.status_code == 422, response.get_json()


def test_when_one_address_keeps_trying_codes_then_429(app, client, acme):
    app.config["DEVICE_ACTIVATE_RATE_LIMIT"] = "3 per minute"
    codes = [activate(client, "K7QM-4TZP-9XWD").status_code for _ in range(3)]
    assert codes == [401, 401, 401]
    refused = activate(client, new_code(app, acme.laptop))  # even the right code now
    assert refused.status_code == 429
    assert refused.get_json()["code"] == 429
    assert stored(app, acme.laptop).status == "not_activated"


def test_when_an_account_activates_too_many_devices_then_429_and_the_code_survives(
    app, client, acme
):
    app.config["DEVICE_ACTIVATE_ACCOUNT_RATE_LIMIT"] = "1 per hour"
    assert activate(client, new_code(app, acme.laptop)).status_code == 200
    code = new_code(app, acme.phone)
    other_address = {"environ_base": {"REMOTE_ADDR": "10.9.8.7"}}
    body = {"code": code, "platform": "ios", "app_version": "4.2.0"}
    refused = client.post(f"{API}/activate", json=body, **other_address)
    assert refused.status_code == 429
    phone = stored(app, acme.phone)
    assert (phone.status, phone.activation_code_hash is not None) == ("not_activated", True)


# ---- activation and config ------------------------------------------------------------------


def test_when_activated_then_token_config_with_password_and_device_online(
    app, client, admin_client, acme
):
    answer = activated(app, client, acme.phone)
    assert answer["device"] == {"id": acme.phone, "name": "Android Phone"}
    assert len(answer["token"]) >= 43  # 256 bits, urlsafe base64
    config = answer["config"]
    provisioned, manual = config["lines"]
    assert provisioned["sip_account"] == acme.sip_1
    assert (provisioned["password_mode"], provisioned["password"]) == ("provisioned", PASSWORD)
    assert provisioned["server"] == "sip.example.net" and provisioned["port"] == 5060
    assert provisioned["dialing_rules"] == [
        {"start_with": "017", "replace_with": "1", "min_length": 10}
    ]
    assert manual["sip_account"] == acme.sip_2
    assert manual["password_mode"] == "manual" and "password" not in manual
    assert config["caller_id"] == {
        "name": "Mike Brown",
        "internal": "101",
        "external": "+14155550100",
        "outbound": True,
    }
    assert (config["in_plan"], config["revision"], config["reachable_at"]) == (False, None, [])
    assert len(config["directory"]["version"]) == 64

    device = portal_device(admin_client, acme.phone)
    assert (device["status"], device["sub_status"]) == ("online", None)
    assert (device["platform"], device["app_version"]) == ("android", "4.2.0")
    row = stored(app, acme.phone)
    assert row.activation_code_hash is None and row.activation_code_encrypted is None
    assert row.config_hash == row.fetched_config_hash == config["etag"]
    assert row.version == 1  # status writes leave the admin's optimistic lock alone

    fetched = client.get(f"{API}/config", headers=bearer(answer["token"]))
    assert fetched.status_code == 200
    assert fetched.headers["ETag"] == f'"{config["etag"]}"'
    assert fetched.get_json() == config


def test_when_if_none_match_names_the_config_then_304_without_body(app, client, acme):
    answer = activated(app, client, acme.laptop)
    etag = answer["config"]["etag"]
    for tag in (f'"{etag}"', f'W/"{etag}"', etag, f'"other", "{etag}"'):
        response = client.get(
            f"{API}/config", headers=bearer(answer["token"], **{"If-None-Match": tag})
        )
        assert response.status_code == 304, tag
        assert response.get_data() == b""
        assert response.headers["ETag"] == f'"{etag}"'
    stale = client.get(f"{API}/config", headers=bearer(answer["token"], **{"If-None-Match": '"x"'}))
    assert stale.status_code == 200 and stale.get_json()["etag"] == etag


def test_when_a_password_changes_then_pending_update_until_the_device_fetches(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)
    old = laptop["config"]["etag"]
    patch_sip(admin_client, acme.sip_1, {"password": "n3w-secret"})

    assert portal_device(admin_client, acme.laptop)["sub_status"] == "pending_update"
    beat = client.post(f"{API}/heartbeat", json={"lines": []}, headers=bearer(laptop["token"]))
    assert beat.get_json()["pending_update"] is True
    assert beat.get_json()["config_etag"] not in (None, old)
    assert stored(app, acme.laptop).version == 1

    fresh = client.get(f"{API}/config", headers=bearer(laptop["token"], **{"If-None-Match": old}))
    assert fresh.status_code == 200
    assert fresh.get_json()["lines"][0]["password"] == "n3w-secret"
    assert fresh.get_json()["etag"] == beat.get_json()["config_etag"]
    assert portal_device(admin_client, acme.laptop)["sub_status"] is None
    again = client.post(f"{API}/heartbeat", json={"lines": []}, headers=bearer(laptop["token"]))
    assert again.get_json() == {
        "status": "online",
        "pending_update": False,
        "config_etag": fresh.get_json()["etag"],
    }


def test_when_an_edit_does_not_touch_a_device_then_it_stays_up_to_date(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)  # on sip_1 only
    patch_sip(admin_client, acme.sip_2, {"display_name": "Second line"})
    assert portal_device(admin_client, acme.laptop)["sub_status"] is None
    assert stored(app, acme.laptop).config_hash == laptop["config"]["etag"]
    patch_sip(admin_client, acme.sip_1, {"friendly_name": "Renamed in the portal only"})
    assert portal_device(admin_client, acme.laptop)["sub_status"] is None


def test_when_published_then_devices_in_the_plan_are_pending_and_fetch_their_routes(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)
    with app.app_context():
        simple_workspace(acme.account, {"phone_number": acme.phone_number, **vars(acme)})
    published = admin_client.post(PUBLISH, json={"message": "Mike rings"})
    assert published.status_code == 201, published.get_json()

    assert portal_device(admin_client, acme.laptop)["sub_status"] == "pending_update"
    fresh = client.get(f"{API}/config", headers=bearer(laptop["token"]))
    config = fresh.get_json()
    assert (config["in_plan"], config["revision"]) == (True, 1)
    assert sorted(config["reachable_at"]) == ["+14155550100", "ext:101"]
    assert portal_device(admin_client, acme.laptop)["sub_status"] is None

    again = admin_client.post(PUBLISH, json={"message": "same again"})
    assert again.status_code in (200, 201)
    assert portal_device(admin_client, acme.laptop)["sub_status"] is None


def test_when_a_device_is_silent_too_long_then_offline_and_its_lines_too(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)
    body = {"app_version": "4.2.1", "lines": [{"sip_account": acme.sip_1, "registered": True}]}
    beat = client.post(f"{API}/heartbeat", json=body, headers=bearer(laptop["token"]))
    assert beat.status_code == 200 and beat.get_json()["status"] == "online"
    sip = admin_client.get(f"/api/v1/sip-accounts/{acme.sip_1}").get_json()
    assert sip["status"] == "online"

    with app.app_context():
        device = db.session.get(Device, acme.laptop)
        device.last_seen_at = utcnow() - timedelta(seconds=121)
        db.session.commit()
    device = portal_device(admin_client, acme.laptop)
    assert (device["status"], device["app_version"]) == ("offline", "4.2.1")
    assert admin_client.get(f"/api/v1/sip-accounts/{acme.sip_1}").get_json()["status"] == "offline"
    listed = admin_client.get("/api/v1/devices").get_json()["items"]
    assert {d["id"]: d["status"] for d in listed}[acme.laptop] == "offline"

    app.config["DEVICE_OFFLINE_AFTER"] = 600  # the setting moves the threshold
    assert portal_device(admin_client, acme.laptop)["status"] == "online"
    app.config["DEVICE_OFFLINE_AFTER"] = 120
    client.post(f"{API}/heartbeat", json=body, headers=bearer(laptop["token"]))
    assert portal_device(admin_client, acme.laptop)["status"] == "online"
    assert admin_client.get(f"/api/v1/sip-accounts/{acme.sip_1}").get_json()["status"] == "online"


def test_when_a_line_reports_unregistered_then_the_sip_account_is_offline(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)
    body = {"lines": [{"sip_account": acme.sip_1, "registered": False}]}
    assert (
        client.post(f"{API}/heartbeat", json=body, headers=bearer(laptop["token"])).status_code
        == 200
    )
    assert admin_client.get(f"/api/v1/sip-accounts/{acme.sip_1}").get_json()["status"] == "offline"
    assert admin_client.get(f"/api/v1/sip-accounts/{acme.sip_2}").get_json()["status"] == "offline"


def test_when_the_directory_is_fetched_then_etag_and_304(app, client, admin_client, acme):
    token = activated(app, client, acme.laptop)["token"]
    first = client.get(f"{API}/directory", headers=bearer(token))
    assert first.status_code == 200
    document = first.get_json()
    assert [c["last_name"] for c in document["contacts"]] == ["Brown"]
    assert first.headers["ETag"] == f'"{document["version"]}"'
    assert document == admin_client.get("/api/v1/directory").get_json()
    same = client.get(
        f"{API}/directory", headers=bearer(token, **{"If-None-Match": first.headers["ETag"]})
    )
    assert (same.status_code, same.get_data()) == (304, b"")


def test_when_a_contact_joins_the_directory_then_devices_are_pending_update(
    app, client, admin_client, acme
):
    laptop = activated(app, client, acme.laptop)
    body = {
        "first_name": "Ann",
        "last_name": "Lee",
        "emails": [{"address": "ann@example.com", "label": "work"}],
    }
    created = admin_client.post("/api/v1/contacts", json=body)
    assert created.status_code == 201, created.get_json()
    assert portal_device(admin_client, acme.laptop)["sub_status"] == "pending_update"
    config = client.get(f"{API}/config", headers=bearer(laptop["token"])).get_json()
    assert config["directory"]["version"] != laptop["config"]["directory"]["version"]


def test_when_the_token_is_reset_then_the_old_one_fails_and_a_new_code_works(app, client, acme):
    first = activated(app, client, acme.laptop)
    with app.app_context():
        device = db.session.get(Device, acme.laptop)
        device.token_hash = None
        device.status = "not_activated"
        db.session.commit()
    assert client.get(f"{API}/config", headers=bearer(first["token"])).status_code == 401
    second = activated(app, client, acme.laptop)
    assert second["token"] != first["token"]
    assert client.get(f"{API}/config", headers=bearer(second["token"])).status_code == 200
    assert client.get(f"{API}/config", headers=bearer(first["token"])).status_code == 401


def test_when_a_device_uses_the_api_then_no_csrf_or_session_is_needed(app, client, acme):
    token = activated(app, client, acme.laptop)["token"]
    with app.app_context():
        assert db.session.get(SipAccount, acme.sip_1).password_encrypted.startswith("v1:")
    response = client.post(f"{API}/heartbeat", json={}, headers=bearer(token))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_when_a_feature_code_is_added_then_devices_are_pending_update(
    app, client, admin_client, acme
):
    activated(app, client, acme.laptop)
    created = admin_client.post(
        "/api/v1/feature-codes",
        json={"code": "*7", "purpose": "record_on_demand", "enabled": True},
    )
    assert created.status_code == 201, created.get_json()
    assert portal_device(admin_client, acme.laptop)["sub_status"] == "pending_update"


def test_when_the_caller_id_extension_is_renumbered_then_409_and_devices_keep_theirs(
    app, client, admin_client, acme
):
    # A number in use cannot be renumbered under its users (issue 16): the contact's caller
    # ID names it, so the renumber is refused and the device keeps what it has.
    laptop = activated(app, client, acme.laptop)
    before = portal_device(admin_client, acme.laptop)["sub_status"]
    url = f"/api/v1/numbers/internal/{acme.internal_number}"
    current = admin_client.get(url).get_json()
    renumbered = admin_client.patch(
        url, json={"number": "199"}, headers={"If-Match": f'"{current["version"]}"'}
    )
    assert renumbered.status_code == 409, renumbered.get_json()
    assert renumbered.get_json()["errors"]["used_by"][0]["as"] == "internal caller ID"
    assert portal_device(admin_client, acme.laptop)["sub_status"] == before
    config = client.get(f"{API}/config", headers=bearer(laptop["token"])).get_json()
    assert config["caller_id"]["internal"] == current["number"]
