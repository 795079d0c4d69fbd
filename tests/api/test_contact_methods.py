"""/api/v1/contacts/{id}/methods: the fixed call.center method, SIP account and phone methods."""

from __future__ import annotations

import pytest

from tests.factories_contacts import (
    CONTACTS,
    call_center_method_id,
    count_rows,
    create_contact,
    etag,
    make_device,
    make_sip_account,
    place_contact_method,
)
from workspace.contact_center.contacts.models import CallCenterSettings, ContactMethod


def _methods_url(contact: dict) -> str:
    return f"{CONTACTS}/{contact['id']}/methods"


def _errors(response) -> dict:
    return response.get_json()["errors"]["json"]


def _phone(admin_client, contact, number="+1 415 555 0100", number_type="mobile") -> dict:
    body = {"kind": "phone", "number": number, "number_type": number_type}
    response = admin_client.post(_methods_url(contact), json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


# --- refusals -----------------------------------------------------------------------------


def test_when_creating_a_second_call_center_method_then_409_and_nothing_written(app, admin_client):
    contact = create_contact(admin_client)
    response = admin_client.post(_methods_url(contact), json={"kind": "call_center"})
    assert response.status_code == 409
    assert "call.center" in response.get_json()["message"]
    assert count_rows(app, ContactMethod) == 1 and count_rows(app, CallCenterSettings) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "kind"),
        ({"kind": "fax"}, "kind"),
        ({"kind": "sip_account"}, "sip_account_id"),
        ({"kind": "sip_account", "sip_account_id": "1"}, "sip_account_id"),
        ({"kind": "sip_account", "sip_account_id": 1, "number": "+14155550100"}, "number"),
        ({"kind": "phone", "number_type": "mobile"}, "number"),
        ({"kind": "phone", "number": "+14155550100"}, "number_type"),
        ({"kind": "phone", "number": "0800 123", "number_type": "mobile"}, "number"),
        ({"kind": "phone", "number": "+14155550100", "number_type": "fax"}, "number_type"),
        ({"kind": "phone", "number": None, "number_type": "mobile"}, "number"),
        (
            {
                "kind": "phone",
                "number": "+14155550100",
                "number_type": "mobile",
                "sip_account_id": 1,
            },
            "sip_account_id",
        ),
        ({"kind": "phone", "number": "+14155550100", "number_type": "mobile", "x": 1}, "x"),
    ],
)
def test_when_create_body_invalid_then_422_naming_field_and_nothing_written(
    app, admin_client, body, field
):
    contact = create_contact(admin_client)
    response = admin_client.post(_methods_url(contact), json=body)
    assert response.status_code == 422, response.get_json()
    assert field in _errors(response)
    assert count_rows(app, ContactMethod) == 1


def test_when_sip_account_of_other_account_then_404_naming_field_and_nothing_written(
    app, admin_client, other_admin
):
    theirs = make_sip_account(app, other_admin["account_id"])
    contact = create_contact(admin_client)
    body = {"kind": "sip_account", "sip_account_id": theirs}
    response = admin_client.post(_methods_url(contact), json=body)
    assert response.status_code == 404
    assert "sip_account_id" in _errors(response)
    assert count_rows(app, ContactMethod) == 1


def test_when_same_sip_account_or_number_added_twice_then_422(app, admin_client, admin):
    sip = make_sip_account(app, admin["account_id"])
    contact = create_contact(admin_client)
    body = {"kind": "sip_account", "sip_account_id": sip}
    assert admin_client.post(_methods_url(contact), json=body).status_code == 201
    again = admin_client.post(_methods_url(contact), json=body)
    assert again.status_code == 422 and "sip_account_id" in _errors(again)
    _phone(admin_client, contact, "+14155550100")
    twice = admin_client.post(
        _methods_url(contact),
        json={"kind": "phone", "number": "+1 (415) 555-0100", "number_type": "landline"},
    )
    assert twice.status_code == 422 and "number" in _errors(twice)
    assert count_rows(app, ContactMethod) == 3


def test_when_contact_missing_then_404(admin_client):
    assert admin_client.get(f"{CONTACTS}/999/methods").status_code == 404
    body = {"kind": "phone", "number": "+14155550100", "number_type": "mobile"}
    assert admin_client.post(f"{CONTACTS}/999/methods", json=body).status_code == 404


def test_when_other_account_touches_methods_then_404_and_nothing_changes(
    app, admin_client, other_client
):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    url = f"{_methods_url(contact)}/{method['id']}"
    body = {"kind": "phone", "number": "+12125550100", "number_type": "mobile"}
    assert other_client.post(_methods_url(contact), json=body).status_code == 404
    assert other_client.get(_methods_url(contact)).status_code == 404
    assert (
        other_client.patch(url, json={"number_type": "landline"}, headers=etag(1)).status_code
        == 404
    )
    assert other_client.delete(url, headers=etag(1)).status_code == 404
    assert admin_client.get(url).get_json() == method
    assert count_rows(app, ContactMethod) == 2


def test_when_method_belongs_to_another_contact_then_404(admin_client):
    mike = create_contact(admin_client)
    ann = create_contact(admin_client, first_name="Ann", last_name="Lee")
    method = _phone(admin_client, mike)
    url = f"{_methods_url(ann)}/{method['id']}"
    assert admin_client.get(url).status_code == 404
    assert admin_client.delete(url, headers=etag(1)).status_code == 404
    assert admin_client.get(f"{_methods_url(mike)}/{method['id']}").status_code == 200


def test_when_deleting_call_center_method_then_409_and_it_stays(admin_client):
    contact = create_contact(admin_client)
    url = f"{_methods_url(contact)}/{call_center_method_id(contact)}"
    response = admin_client.delete(url, headers=etag(1))
    assert response.status_code == 409
    assert "Delete the contact instead" in response.get_json()["message"]
    assert admin_client.get(url).status_code == 200


def test_when_delete_without_if_match_then_428_and_stale_then_412(admin_client):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    url = f"{_methods_url(contact)}/{method['id']}"
    assert admin_client.delete(url).status_code == 428
    assert admin_client.delete(url, headers=etag(5)).status_code == 412
    assert admin_client.get(url).status_code == 200


def test_when_deleting_method_placed_on_workspace_then_409_naming_object(app, admin_client, admin):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    object_id = place_contact_method(app, admin["account_id"], method["id"], name="Mobile")
    response = admin_client.delete(f"{_methods_url(contact)}/{method['id']}", headers=etag(1))
    assert response.status_code == 409
    used = response.get_json()["errors"]["used_by"][0]
    assert response.get_json()["errors"]["used_by"] == [
        {
            "type": "object",
            "id": object_id,
            "name": "Mobile",
            "tab": used["tab"],
            "tab_name": "Main",
        }
    ]
    assert count_rows(app, ContactMethod) == 2


@pytest.mark.parametrize(
    ("kind", "body", "field"),
    [
        ("call_center", {"number": "+14155550100"}, "number"),
        ("sip_account", {"number": "+14155550100"}, "number"),
        ("phone", {"sip_account_id": 1}, "sip_account_id"),
        ("phone", {"number": "nope"}, "number"),
        ("phone", {"number_type": "fax"}, "number_type"),
        ("phone", {"kind": "sip_account"}, "kind"),
    ],
)
def test_when_patch_does_not_fit_the_kind_then_422_and_unchanged(
    app, admin_client, admin, kind, body, field
):
    contact = create_contact(admin_client)
    if kind == "call_center":
        method_id = call_center_method_id(contact)
    elif kind == "sip_account":
        sip = make_sip_account(app, admin["account_id"])
        created = admin_client.post(
            _methods_url(contact), json={"kind": "sip_account", "sip_account_id": sip}
        )
        method_id = created.get_json()["id"]
    else:
        method_id = _phone(admin_client, contact)["id"]
    url = f"{_methods_url(contact)}/{method_id}"
    before = admin_client.get(url).get_json()
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422, response.get_json()
    assert field in _errors(response)
    assert admin_client.get(url).get_json() == before


def test_when_patch_stale_or_without_if_match_then_412_or_428(admin_client):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    url = f"{_methods_url(contact)}/{method['id']}"
    assert admin_client.patch(url, json={"number_type": "landline"}).status_code == 428
    assert (
        admin_client.patch(url, json={"number_type": "landline"}, headers=etag(2)).status_code
        == 412
    )
    assert admin_client.get(url).get_json()["number_type"] == "mobile"


def test_when_patch_names_other_accounts_sip_account_then_404_and_unchanged(
    app, admin_client, admin, other_admin
):
    mine = make_sip_account(app, admin["account_id"])
    theirs = make_sip_account(app, other_admin["account_id"], "2002")
    contact = create_contact(admin_client)
    created = admin_client.post(
        _methods_url(contact), json={"kind": "sip_account", "sip_account_id": mine}
    ).get_json()
    url = f"{_methods_url(contact)}/{created['id']}"
    response = admin_client.patch(url, json={"sip_account_id": theirs}, headers=etag(1))
    assert response.status_code == 404
    assert "sip_account_id" in _errors(response)
    assert admin_client.get(url).get_json()["sip_account_id"] == mine


# --- success ------------------------------------------------------------------------------


def test_when_listing_then_call_center_method_first_with_device_count(app, admin_client, admin):
    contact = create_contact(admin_client)
    make_device(app, admin["account_id"], contact["id"])
    _phone(admin_client, contact)
    body = admin_client.get(_methods_url(contact)).get_json()
    assert body["total"] == 2
    first, second = body["items"]
    assert first["kind"] == "call_center" and first["label"] == "call.center"
    assert first["device_count"] == 1 and second["device_count"] == 0
    assert first["contact_id"] == contact["id"]


def test_when_sip_account_method_created_then_201_with_label_and_etag(app, admin_client, admin):
    sip = make_sip_account(app, admin["account_id"])
    contact = create_contact(admin_client)
    response = admin_client.post(
        _methods_url(contact), json={"kind": "sip_account", "sip_account_id": sip}
    )
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["kind"] == "sip_account" and body["sip_account_id"] == sip
    assert body["label"] == "SIP account Desk"
    assert body["number"] is None and body["number_type"] is None
    summary = admin_client.get(f"{CONTACTS}/{contact['id']}").get_json()["methods"]
    assert [m["kind"] for m in summary] == ["call_center", "sip_account"]


def test_when_phone_method_created_then_number_is_e164(admin_client):
    contact = create_contact(admin_client)
    body = _phone(admin_client, contact, "+44 20 7946 0958", "landline")
    assert body["number"] == "+442079460958"
    assert body["label"] == "Landline +442079460958"


def test_when_phone_method_patched_then_200_new_version_and_etag(admin_client):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    url = f"{_methods_url(contact)}/{method['id']}"
    response = admin_client.patch(
        url, json={"number": "+1 212 555 0100", "number_type": "landline"}, headers=etag(1)
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    body = response.get_json()
    assert body["number"] == "+12125550100" and body["number_type"] == "landline"
    assert body["version"] == 2
    assert admin_client.get(url).headers["ETag"] == '"2"'


def test_when_phone_method_deleted_then_204_and_gone(app, admin_client):
    contact = create_contact(admin_client)
    method = _phone(admin_client, contact)
    url = f"{_methods_url(contact)}/{method['id']}"
    assert admin_client.delete(url, headers=etag(1)).status_code == 204
    assert admin_client.get(url).status_code == 404
    assert count_rows(app, ContactMethod) == 1
