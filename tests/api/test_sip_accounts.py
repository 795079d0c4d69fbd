"""/api/v1/sip-accounts: write-only passwords, manual passwords, dialing rules, status."""

from __future__ import annotations

import json

import pytest

from tests.factories_providers import (
    GUIDE_RULE,
    PROVIDERS,
    SIP_ACCOUNTS,
    add_contact,
    add_device,
    add_sip_method,
    count,
    make_provider,
    make_sip_account,
)
from workspace.contact_center.providers.models import SipAccount
from workspace.extensions import db
from workspace.secrets_key import decrypt

CANARY = "canary-7f3a9c1e-never-shown"
IF_1 = {"If-Match": '"1"'}


@pytest.fixture
def provider(admin_client) -> dict:
    return make_provider(admin_client)


def _body(provider: dict, **overrides) -> dict:
    return {"provider_id": provider["id"], "username": "1001"} | overrides


def _field_errors(response) -> dict:
    assert response.status_code == 422, response.get_json()
    return response.get_json()["errors"]["json"]


def _stored(app, sip_id: int) -> SipAccount:
    with app.app_context():
        row = db.session.get(SipAccount, sip_id)
        db.session.expunge(row)
        return row


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["provider_id", "username"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, provider, field
):
    body = {k: v for k, v in _body(provider).items() if k != field}
    assert field in _field_errors(admin_client.post(SIP_ACCOUNTS, json=body))
    assert count(app, SipAccount) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("provider_id", "1"),
        ("provider_id", None),
        ("username", ""),
        ("username", "   "),
        ("username", "u" * 101),
        ("username", 1001),
        ("friendly_name", "f" * 101),
        ("friendly_name", "tab\there"),
        ("password", ""),
        ("password", "p" * 201),
        ("password", "\U0001f600" * 76),
        ("password", None),
        ("password", 1234),
        ("password", "nul\x00byte"),
        ("manual_password", "sometimes"),
        ("protocol", "sctp"),
        ("protocol", "UDP"),
        ("protocol", None),
        ("push_proxy", "maybe"),
        ("auth_username", "a" * 101),
        ("display_name", "d" * 101),
        ("dialing_rules", "017>1"),
        ("dialing_rules", [GUIDE_RULE] * 51),
        ("has_password", True),
        ("status", "online"),
    ],
)
def test_when_field_invalid_then_422_naming_it_and_nothing_written(
    app, admin_client, provider, field, value
):
    errors = _field_errors(admin_client.post(SIP_ACCOUNTS, json=_body(provider, **{field: value})))
    assert list(errors) == [field]
    assert count(app, SipAccount) == 0


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        ({"replace_with": "1"}, "start_with"),
        ({"start_with": ""}, "start_with"),
        ({"start_with": "abc"}, "start_with"),
        ({"start_with": "0+1"}, "start_with"),
        ({"start_with": "1" * 21}, "start_with"),
        ({"start_with": 17}, "start_with"),
        ({"start_with": "017", "replace_with": "+1"}, "replace_with"),
        ({"start_with": "017", "replace_with": "1a"}, "replace_with"),
        ({"start_with": "017", "replace_with": "1" * 21}, "replace_with"),
        ({"start_with": "017", "min_length": -1}, "min_length"),
        ({"start_with": "017", "min_length": 33}, "min_length"),
        ({"start_with": "017", "min_length": "10"}, "min_length"),
        ({"start_with": "017", "priority": 1}, "priority"),
    ],
)
def test_when_dialing_rule_invalid_then_422_naming_its_path_and_nothing_written(
    app, admin_client, provider, rule, key
):
    body = _body(provider, dialing_rules=[GUIDE_RULE, rule])
    errors = _field_errors(admin_client.post(SIP_ACCOUNTS, json=body))
    assert list(errors["dialing_rules"]["1"]) == [key]
    assert count(app, SipAccount) == 0


def test_when_password_sent_with_manual_password_then_422_on_password(app, admin_client, provider):
    body = _body(provider, password=CANARY, manual_password=True)
    response = admin_client.post(SIP_ACCOUNTS, json=body)
    assert "typed on the device" in _field_errors(response)["password"][0]
    assert CANARY not in response.get_data(as_text=True)
    assert count(app, SipAccount) == 0


def test_when_password_patched_while_manual_password_on_then_422_and_unchanged(
    app, admin_client, provider
):
    sip = make_sip_account(admin_client, provider["id"], manual_password=True)
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    response = admin_client.patch(url, json={"password": CANARY}, headers=IF_1)
    assert "password" in _field_errors(response)
    stored = _stored(app, sip["id"])
    assert (stored.password_encrypted, stored.version) == (None, 1)


def test_when_provider_of_other_account_then_404_naming_field_and_nothing_written(
    app, admin_client, other_client
):
    foreign = make_provider(other_client)
    response = admin_client.post(SIP_ACCOUNTS, json={"provider_id": foreign["id"], "username": "1"})
    assert response.status_code == 404
    assert "provider_id" in response.get_json()["errors"]["json"]
    assert count(app, SipAccount) == 0
    missing = admin_client.post(SIP_ACCOUNTS, json={"provider_id": 999999, "username": "1"})
    assert missing.status_code == 404


def test_when_patched_to_provider_of_other_account_then_404_and_unchanged(
    app, admin_client, other_client, provider
):
    sip = make_sip_account(admin_client, provider["id"])
    foreign = make_provider(other_client)
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    response = admin_client.patch(
        url, json={"provider_id": foreign["id"], "username": "changed"}, headers=IF_1
    )
    assert response.status_code == 404
    assert "provider_id" in response.get_json()["errors"]["json"]
    after = admin_client.get(url).get_json()
    assert (after["provider_id"], after["username"], after["version"]) == (
        provider["id"],
        "1001",
        1,
    )


def test_when_listing_by_provider_of_other_account_then_404(admin_client, other_client):
    foreign = make_provider(other_client)
    make_sip_account(other_client, foreign["id"])
    response = admin_client.get(f"{SIP_ACCOUNTS}?provider_id={foreign['id']}")
    assert response.status_code == 404


def test_when_if_match_missing_then_428_and_stale_then_412_and_nothing_changed(
    admin_client, provider
):
    sip = make_sip_account(admin_client, provider["id"])
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    assert admin_client.patch(url, json={"username": "x"}).status_code == 428
    assert (
        admin_client.patch(url, json={"username": "x"}, headers={"If-Match": '"9"'}).status_code
        == 412
    )
    assert admin_client.delete(url).status_code == 428
    assert admin_client.delete(url, headers={"If-Match": '"9"'}).status_code == 412
    after = admin_client.get(url).get_json()
    assert (after["username"], after["version"]) == ("1001", 1)


def test_when_sip_account_used_by_device_or_contact_method_then_delete_is_409_naming_them(
    app, admin_client, admin, provider
):
    sip = make_sip_account(admin_client, provider["id"], friendly_name="Mike's line")
    mike = add_contact(app, admin["account_id"], "Mike", "Brown")
    ann = add_contact(app, admin["account_id"], "Ann", "Lee")
    device = add_device(app, admin["account_id"], mike, "Mike's laptop", sip["id"])
    method = add_sip_method(app, admin["account_id"], ann, sip["id"])
    response = admin_client.delete(f"{SIP_ACCOUNTS}/{sip['id']}", headers=IF_1)
    assert response.status_code == 409
    body = response.get_json()
    assert "Mike's laptop" in body["message"] and "Ann Lee" in body["message"]
    assert body["errors"]["used_by"] == [
        {"type": "device", "id": device, "name": "Mike's laptop of Mike Brown"},
        {"type": "contact_method", "id": method, "name": "Ann Lee", "contact_id": ann},
    ]
    assert count(app, SipAccount) == 1


# --- the password is write-only -------------------------------------------------------------


def test_when_password_is_a_canary_then_no_response_and_no_column_carries_it(
    app, admin_client, admin, provider
):
    seen = []

    def keep(response):
        headers = json.dumps(list(response.headers.items()))
        seen.append(response.get_data(as_text=True) + headers)
        return response

    created = keep(admin_client.post(SIP_ACCOUNTS, json=_body(provider, password=CANARY)))
    assert created.status_code == 201
    sip_id = created.get_json()["id"]
    url = f"{SIP_ACCOUNTS}/{sip_id}"
    keep(admin_client.get(url))
    keep(admin_client.get(SIP_ACCOUNTS))
    keep(admin_client.get(f"{SIP_ACCOUNTS}?provider_id={provider['id']}&q=1001"))
    keep(admin_client.get(f"{PROVIDERS}/{provider['id']}"))
    keep(admin_client.get(PROVIDERS))
    keep(admin_client.patch(url, json={"password": CANARY, "username": "x" * 101}, headers=IF_1))
    keep(admin_client.patch(url, json={"password": CANARY}, headers={"If-Match": '"5"'}))
    keep(admin_client.patch(url, json={"password": CANARY}))
    keep(admin_client.patch(url, json={"password": CANARY, "manual_password": True}, headers=IF_1))
    keep(admin_client.patch(url, json={"password": CANARY * 10}, headers=IF_1))
    patched = keep(admin_client.patch(url, json={"password": CANARY}, headers=IF_1))
    assert patched.status_code == 200
    keep(admin_client.delete(f"{PROVIDERS}/{provider['id']}", headers=IF_1))
    assert len(seen) == 13
    assert all(CANARY not in text for text in seen)
    assert patched.get_json()["has_password"] is True
    assert "password" not in patched.get_json()

    stored = _stored(app, sip_id)
    assert CANARY not in stored.password_encrypted
    with app.app_context():
        raw = db.session.execute(
            db.text("SELECT * FROM sip_accounts WHERE id = :id"), {"id": sip_id}
        ).one()
        assert all(CANARY not in str(value) for value in raw)
        where = {"account_id": admin["account_id"], "table": "sip_accounts", "field": "password"}
        assert decrypt(stored.password_encrypted, row_id=sip_id, **where) == CANARY
        with pytest.raises(ValueError):
            decrypt(stored.password_encrypted, row_id=sip_id + 1, **where)
        with pytest.raises(ValueError):
            decrypt(stored.password_encrypted, row_id=sip_id, **where | {"field": "username"})


@pytest.mark.parametrize("password", ["s3cret", "p" * 200, "\U0001f600" * 75])
def test_when_created_with_password_then_has_password_and_version_1(
    app, admin_client, provider, password
):
    response = admin_client.post(SIP_ACCOUNTS, json=_body(provider, password=password))
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    data = response.get_json()
    assert (data["has_password"], data["version"]) == (True, 1)
    assert _stored(app, data["id"]).version == 1


def test_when_manual_password_turned_on_then_stored_password_is_cleared(
    app, admin_client, provider
):
    sip = make_sip_account(admin_client, provider["id"], password="s3cret")
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    response = admin_client.patch(url, json={"manual_password": True}, headers=IF_1)
    assert response.status_code == 200
    assert sip["has_password"] is True
    data = response.get_json()
    assert (data["has_password"], data["manual_password"]) == (False, True)
    assert _stored(app, sip["id"]).password_encrypted is None
    back = admin_client.patch(
        url, json={"manual_password": False, "password": "n3w"}, headers={"If-Match": '"2"'}
    )
    assert (back.get_json()["has_password"], back.get_json()["manual_password"]) == (True, False)


def test_when_password_patched_then_replaced_and_other_fields_kept(
    app, admin_client, admin, provider
):
    sip = make_sip_account(admin_client, provider["id"], password="old", display_name="Mike")
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    response = admin_client.patch(url, json={"password": "new"}, headers=IF_1)
    assert response.status_code == 200
    assert response.get_json()["display_name"] == "Mike"
    with app.app_context():
        stored = db.session.get(SipAccount, sip["id"])
        assert (
            decrypt(
                stored.password_encrypted,
                account_id=admin["account_id"],
                table="sip_accounts",
                row_id=sip["id"],
                field="password",
            )
            == "new"
        )


# --- fields, defaults, status ---------------------------------------------------------------


def test_when_created_with_only_required_fields_then_guide_defaults(admin_client, provider):
    response = admin_client.post(SIP_ACCOUNTS, json=_body(provider))
    assert response.status_code == 201
    data = response.get_json()
    assert data | {"id": 0, "created_at": ""} == {
        "id": 0,
        "version": 1,
        "provider_id": provider["id"],
        "provider_name": "Acme SIP",
        "friendly_name": "",
        "username": "1001",
        "has_password": False,
        "manual_password": False,
        "protocol": "udp",
        "push_proxy": True,
        "auth_username": None,
        "display_name": None,
        "dialing_rules": [],
        "status": "not_in_use",
        "assigned_to": [],
        "created_at": "",
    }


def test_when_created_with_every_field_then_all_returned_and_rules_in_order(admin_client, provider):
    rules = [
        GUIDE_RULE,
        {"start_with": "+49"},
        {"start_with": "00", "replace_with": "", "min_length": 0},
    ]
    body = _body(
        provider,
        friendly_name=" Reception ",
        password="s3cret",
        protocol="tls",
        push_proxy=False,
        auth_username="auth-1001",
        display_name="Front Desk",
        dialing_rules=rules,
    )
    response = admin_client.post(SIP_ACCOUNTS, json=body)
    assert response.status_code == 201
    data = response.get_json()
    assert (data["friendly_name"], data["protocol"], data["push_proxy"]) == (
        "Reception",
        "tls",
        False,
    )
    assert (data["auth_username"], data["display_name"]) == ("auth-1001", "Front Desk")
    assert data["dialing_rules"] == [
        GUIDE_RULE,
        {"start_with": "+49", "replace_with": "", "min_length": 0},
        {"start_with": "00", "replace_with": "", "min_length": 0},
    ]
    assert admin_client.get(f"{SIP_ACCOUNTS}/{data['id']}").get_json() == data


@pytest.mark.parametrize(
    ("registered", "status"),
    [
        ([], "not_in_use"),
        ([None], "offline"),
        ([False, None], "offline"),
        ([False, True], "online"),
    ],
)
def test_when_devices_use_it_then_status_and_assigned_to_follow(
    app, admin_client, admin, provider, registered, status
):
    sip = make_sip_account(admin_client, provider["id"])
    contact = add_contact(app, admin["account_id"], "Mike", "Brown")
    devices = [
        add_device(app, admin["account_id"], contact, f"Device {i}", sip["id"], registered=state)
        for i, state in enumerate(registered)
    ]
    data = admin_client.get(f"{SIP_ACCOUNTS}/{sip['id']}").get_json()
    assert data["status"] == status
    assert data["assigned_to"] == [
        {
            "device_id": d,
            "device_name": f"Device {i}",
            "contact_id": contact,
            "contact_name": "Mike Brown",
        }
        for i, d in enumerate(devices)
    ]
    listed = admin_client.get(SIP_ACCOUNTS).get_json()["items"]
    assert [(item["status"], len(item["assigned_to"])) for item in listed] == [
        (status, len(devices))
    ]


def test_when_listed_by_provider_then_only_its_accounts(admin_client, provider):
    other = make_provider(admin_client, name="Other")
    mine = make_sip_account(admin_client, provider["id"], username="1001")
    make_sip_account(admin_client, other["id"], username="2001")
    listed = admin_client.get(f"{SIP_ACCOUNTS}?provider_id={provider['id']}").get_json()
    assert (listed["total"], [s["id"] for s in listed["items"]]) == (1, [mine["id"]])
    assert admin_client.get(SIP_ACCOUNTS).get_json()["total"] == 2
    assert admin_client.get(f"{SIP_ACCOUNTS}?q=200").get_json()["total"] == 1


def test_when_moved_to_another_provider_then_counts_follow(admin_client, provider):
    other = make_provider(admin_client, name="Other")
    sip = make_sip_account(admin_client, provider["id"])
    response = admin_client.patch(
        f"{SIP_ACCOUNTS}/{sip['id']}", json={"provider_id": other["id"]}, headers=IF_1
    )
    assert response.status_code == 200
    assert response.get_json()["provider_name"] == "Other"
    assert admin_client.get(f"{PROVIDERS}/{other['id']}").get_json()["sip_accounts_count"] == 1
    assert admin_client.get(f"{PROVIDERS}/{provider['id']}").get_json()["sip_accounts_count"] == 0


def test_when_sip_account_on_builtin_provider_then_allowed(admin_client):
    builtin = next(p for p in admin_client.get(PROVIDERS).get_json()["items"] if p["builtin"])
    sip = make_sip_account(admin_client, builtin["id"])
    assert sip["provider_name"] == "phone.systems"


def test_when_unused_sip_account_deleted_then_204_and_gone(app, admin_client, provider):
    sip = make_sip_account(admin_client, provider["id"], password="s3cret")
    url = f"{SIP_ACCOUNTS}/{sip['id']}"
    assert admin_client.delete(url, headers=IF_1).status_code == 204
    assert admin_client.get(url).status_code == 404
    assert count(app, SipAccount) == 0
