"""/api/v1/providers: service providers, the built-in phone.systems one, delete guards."""

from __future__ import annotations

import pytest

from tests.factories import registration
from tests.factories_providers import (
    PROVIDERS,
    builtin_provider,
    count,
    make_provider,
    make_sip_account,
)
from workspace.auth.models import Admin
from workspace.contact_center.providers.models import Provider
from workspace.extensions import db

VALID = {"name": "Acme SIP", "server": "sip.example.net"}


def _field_errors(response) -> dict:
    assert response.status_code == 422, response.get_json()
    return response.get_json()["errors"]["json"]


# --- refusals -------------------------------------------------------------------------------


def test_when_not_logged_in_then_401_and_without_csrf_then_403(app, client, admin_client):
    assert client.get(PROVIDERS).status_code == 401
    assert admin_client.post(PROVIDERS, json=VALID, csrf=False).status_code == 403
    assert count(app, Provider) == 1  # the built-in one only


@pytest.mark.parametrize("field", ["name", "server"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, field
):
    body = {k: v for k, v in VALID.items() if k != field}
    assert field in _field_errors(admin_client.post(PROVIDERS, json=body))
    assert count(app, Provider) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "   "),
        ("name", "x" * 101),
        ("name", 42),
        ("name", "bad\x00name"),
        ("server", ""),
        ("server", "not a host"),
        ("server", "sip_example.net"),
        ("server", "-sip.example.net"),
        ("server", "10.0.0.300"),
        ("server", "1.2.3"),
        ("server", "a" * 64 + ".example.net"),
        ("server", None),
        ("server", "fe80::1%" + "eth0" * 80),
        ("port", 0),
        ("port", 65536),
        ("port", -1),
        ("port", "abc"),
        ("port", "5060"),
        ("port", 5060.5),
        ("port", True),
        ("proxy", "proxy.example.net:0"),
        ("proxy", "proxy.example.net:65536"),
        ("proxy", "proxy.example.net:abc"),
        ("proxy", "bad host:5060"),
        ("proxy", "[2001:db8::1"),
        ("proxy", "[proxy.example.net]:5060"),
        ("proxy", 5060),
        ("builtin", True),
        ("sip_accounts_count", 3),
    ],
)
def test_when_field_invalid_then_422_naming_it_and_nothing_written(app, admin_client, field, value):
    errors = _field_errors(admin_client.post(PROVIDERS, json=VALID | {field: value}))
    assert list(errors) == [field]
    assert count(app, Provider) == 1


def test_when_patch_without_if_match_then_428_and_stale_then_412_and_nothing_changed(
    admin_client,
):
    provider = make_provider(admin_client)
    url = f"{PROVIDERS}/{provider['id']}"
    assert admin_client.patch(url, json={"name": "New"}).status_code == 428
    stale = admin_client.patch(url, json={"name": "New"}, headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    assert admin_client.delete(url, headers={"If-Match": '"7"'}).status_code == 412
    assert admin_client.delete(url).status_code == 428
    assert admin_client.get(url).get_json()["name"] == "Acme SIP"


def test_when_patch_invalid_then_422_and_nothing_changed(admin_client):
    provider = make_provider(admin_client, port=5080)
    url = f"{PROVIDERS}/{provider['id']}"
    response = admin_client.patch(url, json={"port": 70000}, headers={"If-Match": '"1"'})
    assert "port" in _field_errors(response)
    after = admin_client.get(url).get_json()
    assert (after["port"], after["version"]) == (5080, 1)


def test_when_unknown_id_then_404(admin_client):
    response = admin_client.get(f"{PROVIDERS}/999999")
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_when_builtin_provider_deleted_then_409_and_it_stays(app, admin_client):
    builtin = builtin_provider(admin_client)
    response = admin_client.delete(f"{PROVIDERS}/{builtin['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 409
    assert "built-in phone.systems provider" in response.get_json()["message"]
    assert "cannot be deleted" in response.get_json()["message"]
    assert count(app, Provider) == 1


def test_when_builtin_server_changed_then_422_on_server_and_unchanged(admin_client):
    builtin = builtin_provider(admin_client)
    url = f"{PROVIDERS}/{builtin['id']}"
    response = admin_client.patch(
        url, json={"server": "sip.elsewhere.net"}, headers={"If-Match": '"1"'}
    )
    assert "cannot be changed" in _field_errors(response)["server"][0]
    after = admin_client.get(url).get_json()
    assert (after["server"], after["version"]) == ("sip.phone.systems", 1)


def test_when_provider_has_sip_accounts_then_delete_is_409_naming_them(app, admin_client):
    provider = make_provider(admin_client)
    first = make_sip_account(admin_client, provider["id"], friendly_name="Reception")
    second = make_sip_account(admin_client, provider["id"], friendly_name="", username="2002")
    response = admin_client.delete(f"{PROVIDERS}/{provider['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 409
    body = response.get_json()
    assert "Reception" in body["message"] and "2002" in body["message"]
    assert body["errors"]["used_by"] == [
        {"type": "sip_account", "id": first["id"], "name": "Reception"},
        {"type": "sip_account", "id": second["id"], "name": "2002"},
    ]
    assert count(app, Provider) == 2


def test_when_list_query_invalid_then_422(admin_client):
    assert "per_page" in admin_client.get(f"{PROVIDERS}?per_page=0").get_json()["errors"]["query"]
    assert "page" in admin_client.get(f"{PROVIDERS}?page=x").get_json()["errors"]["query"]


# --- the built-in provider ------------------------------------------------------------------


def test_when_account_created_then_it_has_the_builtin_provider(app, admin_client, admin):
    builtin = builtin_provider(admin_client)
    assert builtin | {"id": 0, "created_at": ""} == {
        "id": 0,
        "version": 1,
        "name": "phone.systems",
        "server": "sip.phone.systems",
        "port": None,
        "effective_port": 5060,
        "proxy": None,
        "builtin": True,
        "sip_accounts_count": 0,
        "created_at": "",
    }


def test_when_account_registered_then_builtin_provider_created_with_it(app, client):
    assert client.post("/api/v1/auth/register", json=registration()).status_code == 201
    with app.app_context():
        account_id = db.session.execute(db.select(Admin.account_id)).scalar_one()
        rows = db.session.execute(db.select(Provider)).scalars().all()
        assert [(p.account_id, p.name, p.builtin) for p in rows] == [
            (account_id, "phone.systems", True)
        ]


def test_when_builtin_provider_edited_except_server_then_saved(admin_client):
    builtin = builtin_provider(admin_client)
    url = f"{PROVIDERS}/{builtin['id']}"
    body = {"name": "Our PBX", "server": "SIP.phone.systems", "port": 5062}
    response = admin_client.patch(url, json=body, headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    assert (data["name"], data["server"], data["effective_port"], data["builtin"]) == (
        "Our PBX",
        "sip.phone.systems",
        5062,
        True,
    )


# --- success --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "port", "effective"),
    [
        ({}, None, 5060),
        ({"port": None}, None, 5060),
        ({"port": ""}, None, 5060),
        ({"port": 5080}, 5080, 5080),
    ],
)
def test_when_port_empty_then_5060_is_effective(admin_client, sent, port, effective):
    response = admin_client.post(PROVIDERS, json=VALID | sent)
    assert response.status_code == 201
    assert (response.get_json()["port"], response.get_json()["effective_port"]) == (
        port,
        effective,
    )


@pytest.mark.parametrize(
    ("field", "sent", "stored"),
    [
        ("server", "  SIP.Example.NET ", "sip.example.net"),
        ("server", "192.0.2.10", "192.0.2.10"),
        ("server", "2001:DB8:0::1", "2001:db8::1"),
        ("server", "pbx", "pbx"),
        ("proxy", "Proxy.Example.net", "proxy.example.net"),
        ("proxy", "proxy.example.net:5070", "proxy.example.net:5070"),
        ("proxy", "192.0.2.1:05060", "192.0.2.1:5060"),
        ("proxy", "[2001:db8::1]:5060", "[2001:db8::1]:5060"),
        ("proxy", "2001:db8::1", "2001:db8::1"),
        ("proxy", "", None),
        ("proxy", None, None),
    ],
)
def test_when_host_given_then_stored_in_canonical_form(admin_client, field, sent, stored):
    response = admin_client.post(PROVIDERS, json=VALID | {field: sent})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()[field] == stored


def test_when_provider_created_then_201_with_etag_and_listed_after_builtin(admin_client):
    response = admin_client.post(
        PROVIDERS, json=VALID | {"port": 5061, "proxy": "proxy.example.net"}
    )
    assert response.status_code == 201
    created = response.get_json()
    assert response.headers["ETag"] == '"1"'
    assert created["sip_accounts_count"] == 0 and created["builtin"] is False
    listed = admin_client.get(PROVIDERS).get_json()
    assert listed["total"] == 2
    assert [p["name"] for p in listed["items"]] == ["phone.systems", "Acme SIP"]
    got = admin_client.get(f"{PROVIDERS}/{created['id']}")
    assert got.get_json() == created and got.headers["ETag"] == '"1"'


def test_when_listing_with_search_and_pages_then_matching_page(admin_client):
    for name in ["Alpha 50% off", "Beta", "Alphabet"]:
        make_provider(admin_client, name=name)
    found = admin_client.get(f"{PROVIDERS}?q=alpha").get_json()
    assert [p["name"] for p in found["items"]] == ["Alpha 50% off", "Alphabet"]
    assert admin_client.get(f"{PROVIDERS}?q=50%25").get_json()["total"] == 1
    assert admin_client.get(f"{PROVIDERS}?q=phone.systems").get_json()["total"] == 1
    page = admin_client.get(f"{PROVIDERS}?page=2&per_page=3").get_json()
    assert (page["total"], [p["name"] for p in page["items"]]) == (4, ["Alphabet"])


def test_when_sip_accounts_added_then_count_shows_them(admin_client):
    provider = make_provider(admin_client)
    make_sip_account(admin_client, provider["id"])
    make_sip_account(admin_client, provider["id"], username="1002")
    assert admin_client.get(f"{PROVIDERS}/{provider['id']}").get_json()["sip_accounts_count"] == 2
    listed = {p["id"]: p for p in admin_client.get(PROVIDERS).get_json()["items"]}
    assert listed[provider["id"]]["sip_accounts_count"] == 2


def test_when_patched_then_only_sent_fields_change_and_version_moves(admin_client):
    provider = make_provider(admin_client, port=5080, proxy="proxy.example.net")
    url = f"{PROVIDERS}/{provider['id']}"
    response = admin_client.patch(url, json={"port": None}, headers={"If-Match": '"1"'})
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    data = response.get_json()
    assert (data["port"], data["effective_port"], data["proxy"], data["name"]) == (
        None,
        5060,
        "proxy.example.net",
        "Acme SIP",
    )
    again = admin_client.patch(
        url, json={"proxy": None, "name": "Renamed"}, headers={"If-Match": '"2"'}
    )
    assert (again.get_json()["proxy"], again.get_json()["name"]) == (None, "Renamed")


def test_when_provider_without_sip_accounts_deleted_then_204_and_gone(app, admin_client):
    provider = make_provider(admin_client)
    url = f"{PROVIDERS}/{provider['id']}"
    assert admin_client.delete(url, headers={"If-Match": '"1"'}).status_code == 204
    assert admin_client.get(url).status_code == 404
    assert count(app, Provider) == 1
