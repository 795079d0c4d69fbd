"""/api/v1/contacts: validation, references, versions, search, and the call.center method."""

from __future__ import annotations

import pytest

from tests.factories_contacts import (
    CONTACTS,
    call_center_method_id,
    contact_body,
    count_rows,
    create_contact,
    etag,
    make_device,
    make_internal_number,
    make_phone_number,
    place_contact_method,
)
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.devices.models import Device
from workspace.extensions import db


def _nothing_written(app) -> None:
    for model in (Contact, ContactNumber, ContactEmail, ContactMethod, CallCenterSettings):
        assert count_rows(app, model) == 0, model.__name__


def _errors(response) -> dict:
    return response.get_json()["errors"]["json"]


# --- refusals -----------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get(CONTACTS).status_code == 401
    assert client.post(CONTACTS, json=contact_body()).status_code == 401


@pytest.mark.parametrize("field", ["first_name", "last_name", "emails"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, field
):
    body = contact_body()
    del body[field]
    response = admin_client.post(CONTACTS, json=body)
    assert response.status_code == 422
    assert field in _errors(response)
    _nothing_written(app)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"first_name": "   "}, "first_name"),
        ({"last_name": ""}, "last_name"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"company": "x" * 201}, "company"),
        ({"job_title": "x" * 201}, "job_title"),
        ({"first_name": "Mi\x00ke"}, "first_name"),
        ({"first_name": 5}, "first_name"),
        ({"first_name": None}, "first_name"),
        ({"show_in_directory": "maybe"}, "show_in_directory"),
        ({"numbers": "+14155550100"}, "numbers"),
        ({"emails": []}, "emails"),
        ({"emails": "mike@example.com"}, "emails"),
        ({"nickname": "Mikey"}, "nickname"),
    ],
)
def test_when_field_invalid_then_422_naming_it_and_nothing_written(
    app, admin_client, overrides, field
):
    response = admin_client.post(CONTACTS, json=contact_body(**overrides))
    assert response.status_code == 422, response.get_json()
    assert field in _errors(response)
    _nothing_written(app)


def test_when_emails_empty_then_message_asks_for_one(admin_client):
    response = admin_client.post(CONTACTS, json=contact_body(emails=[]))
    assert _errors(response)["emails"] == ["Add at least one email address."]


@pytest.mark.parametrize(
    ("emails", "field"),
    [
        ([{"address": "not-an-email"}], "address"),
        ([{"label": "work"}], "address"),
        ([{"address": "mike@example.com", "label": "office"}], "label"),
        ([{"address": "mike@example.com", "fax": "1"}], "fax"),
    ],
)
def test_when_email_item_invalid_then_422_names_its_path(app, admin_client, emails, field):
    body = contact_body(emails=[{"address": "ok@example.com"}, *emails])
    response = admin_client.post(CONTACTS, json=body)
    assert response.status_code == 422
    assert field in _errors(response)["emails"]["1"]
    _nothing_written(app)


def test_when_email_listed_twice_then_422_at_the_second(app, admin_client):
    emails = [{"address": "mike@example.com"}, {"address": "MIKE@example.com", "label": "home"}]
    response = admin_client.post(CONTACTS, json=contact_body(emails=emails))
    assert response.status_code == 422
    assert list(_errors(response)["emails"]) == ["1"]
    assert "address" in _errors(response)["emails"]["1"]
    _nothing_written(app)


@pytest.mark.parametrize(
    ("number", "field"),
    [
        ({"type": "fax", "number": "+14155550100"}, "type"),
        ({"number": "+14155550100"}, "type"),
        ({"type": "mobile"}, "number"),
        ({"type": "mobile", "number": "12345"}, "number"),
        ({"type": "mobile", "number": "415 555 0100"}, "number"),
        (
            {"type": "landline", "number": "+1 415 555 0100", "internal_number_id": 1},
            "internal_number_id",
        ),
        ({"type": "internal"}, "internal_number_id"),
        ({"type": "internal", "internal_number_id": "1"}, "internal_number_id"),
        ({"type": "internal", "internal_number_id": 1, "number": "101"}, "number"),
        ({"type": "mobile", "number": "+14155550100", "extension": "9"}, "extension"),
    ],
)
def test_when_number_item_invalid_then_422_names_its_path(app, admin_client, number, field):
    response = admin_client.post(CONTACTS, json=contact_body(numbers=[number]))
    assert response.status_code == 422, response.get_json()
    assert field in _errors(response)["numbers"]["0"]
    _nothing_written(app)


def test_when_number_listed_twice_then_422_at_the_second(app, admin_client):
    numbers = [
        {"type": "mobile", "number": "+1 415 555 0100"},
        {"type": "landline", "number": "+14155550100"},
    ]
    response = admin_client.post(CONTACTS, json=contact_body(numbers=numbers))
    assert response.status_code == 422
    assert "number" in _errors(response)["numbers"]["1"]
    _nothing_written(app)


def test_when_internal_number_of_other_account_then_404_naming_path_and_nothing_written(
    app, admin_client, other_admin
):
    theirs = make_internal_number(app, other_admin["account_id"], "555")
    numbers = [
        {"type": "mobile", "number": "+14155550100"},
        {"type": "internal", "internal_number_id": theirs},
    ]
    response = admin_client.post(CONTACTS, json=contact_body(numbers=numbers))
    assert response.status_code == 404
    assert "internal_number_id" in _errors(response)["numbers"]["1"]
    _nothing_written(app)


def test_when_internal_number_does_not_exist_then_404(app, admin_client):
    numbers = [{"type": "internal", "internal_number_id": 9999}]
    response = admin_client.post(CONTACTS, json=contact_body(numbers=numbers))
    assert response.status_code == 404
    _nothing_written(app)


def test_when_contact_does_not_exist_then_404(admin_client):
    assert admin_client.get(f"{CONTACTS}/9999").status_code == 404
    assert admin_client.patch(f"{CONTACTS}/9999", json={}, headers=etag(1)).status_code == 404
    assert admin_client.delete(f"{CONTACTS}/9999", headers=etag(1)).status_code == 404


@pytest.mark.parametrize("query", ["page=0", "per_page=0", "per_page=201", "page=two"])
def test_when_paging_arguments_invalid_then_422(admin_client, query):
    response = admin_client.get(f"{CONTACTS}?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in response.get_json()["errors"]["query"]


def test_when_patch_without_if_match_then_428_and_unchanged(app, admin_client):
    contact = create_contact(admin_client)
    response = admin_client.patch(f"{CONTACTS}/{contact['id']}", json={"first_name": "Michael"})
    assert response.status_code == 428
    assert admin_client.get(f"{CONTACTS}/{contact['id']}").get_json()["first_name"] == "Mike"


def test_when_patch_with_stale_version_then_412_and_unchanged(admin_client):
    contact = create_contact(admin_client)
    url = f"{CONTACTS}/{contact['id']}"
    assert admin_client.patch(url, json={"company": "Acme"}, headers=etag(1)).status_code == 200
    stale = admin_client.patch(url, json={"company": "Globex"}, headers=etag(1))
    assert stale.status_code == 412
    after = admin_client.get(url).get_json()
    assert after["company"] == "Acme"
    assert after["version"] == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"emails": []}, "emails"),
        ({"first_name": None}, "first_name"),
        ({"last_name": " "}, "last_name"),
        ({"numbers": [{"type": "mobile", "number": "nope"}]}, "numbers"),
        ({"kind": "person"}, "kind"),
    ],
)
def test_when_patch_invalid_then_422_and_unchanged(admin_client, body, field):
    contact = create_contact(admin_client, numbers=[{"type": "mobile", "number": "+14155550100"}])
    url = f"{CONTACTS}/{contact['id']}"
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    assert field in _errors(response)
    after = admin_client.get(url).get_json()
    assert after == contact


def test_when_patch_names_other_accounts_internal_number_then_404_and_unchanged(
    app, admin_client, admin, other_admin
):
    mine = make_internal_number(app, admin["account_id"], "101")
    theirs = make_internal_number(app, other_admin["account_id"], "102")
    contact = create_contact(
        admin_client, numbers=[{"type": "internal", "internal_number_id": mine}]
    )
    url = f"{CONTACTS}/{contact['id']}"
    body = {"company": "Globex", "numbers": [{"type": "internal", "internal_number_id": theirs}]}
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 404
    assert "internal_number_id" in _errors(response)["numbers"]["0"]
    assert admin_client.get(url).get_json() == contact


def test_when_delete_without_if_match_then_428_and_stale_then_412(admin_client):
    contact = create_contact(admin_client)
    url = f"{CONTACTS}/{contact['id']}"
    assert admin_client.delete(url).status_code == 428
    assert admin_client.delete(url, headers=etag(7)).status_code == 412
    assert admin_client.get(url).status_code == 200


def test_when_deleting_contact_placed_on_workspace_then_409_naming_the_object(
    app, admin_client, admin
):
    contact = create_contact(admin_client)
    object_id = place_contact_method(
        app, admin["account_id"], call_center_method_id(contact), name="Mike's phones"
    )
    response = admin_client.delete(f"{CONTACTS}/{contact['id']}", headers=etag(1))
    assert response.status_code == 409
    body = response.get_json()
    assert "Mike's phones" in body["message"]
    used = body["errors"]["used_by"][0]
    assert body["errors"]["used_by"] == [
        {
            "type": "object",
            "id": object_id,
            "name": "Mike's phones",
            "tab": used["tab"],
            "tab_name": "Main",
        }
    ]
    assert admin_client.get(f"{CONTACTS}/{contact['id']}").status_code == 200


# --- success ------------------------------------------------------------------------------


def test_when_created_then_201_with_defaults_etag_and_call_center_method(app, admin_client):
    response = admin_client.post(CONTACTS, json=contact_body(emails=[{"address": "m@example.com"}]))
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["ETag"] == '"1"'
    assert body["version"] == 1
    assert body["full_name"] == "Mike Brown"
    assert body["company"] == "" and body["job_title"] == ""
    assert body["show_in_directory"] is True
    assert body["numbers"] == []
    assert body["emails"] == [{"address": "m@example.com", "label": "work"}]
    assert body["methods"] == [
        {"id": call_center_method_id(body), "kind": "call_center", "label": "call.center"}
    ]
    assert body["device_count"] == 0
    assert body["internal_caller_id"] is None and body["external_caller_id"] is None
    with app.app_context():
        method = db.session.get(ContactMethod, call_center_method_id(body))
        assert method.contact_id == body["id"]
        settings = method.call_center
        assert settings.caller_id_name is None
        assert settings.outbound_calling is False and settings.recording_enabled is False


def test_when_numbers_given_formatted_then_stored_as_e164_and_internal_shows_digits(
    app, admin_client, admin
):
    internal = make_internal_number(app, admin["account_id"], "101")
    numbers = [
        {"type": "mobile", "number": "+1 (415) 555-0199"},
        {"type": "landline", "number": "+44 20 7946 0958"},
        {"type": "internal", "internal_number_id": internal},
    ]
    body = create_contact(admin_client, numbers=numbers, company=" Acme ", job_title="Sales")
    assert body["company"] == "Acme"
    assert body["numbers"] == [
        {
            "type": "mobile",
            "number": "+14155550199",
            "internal_number_id": None,
            "internal_number": None,
        },
        {
            "type": "landline",
            "number": "+442079460958",
            "internal_number_id": None,
            "internal_number": None,
        },
        {
            "type": "internal",
            "number": None,
            "internal_number_id": internal,
            "internal_number": "101",
        },
    ]
    with app.app_context():
        stored = db.session.execute(
            db.select(ContactNumber.number).order_by(ContactNumber.position)
        )
        assert [row[0] for row in stored] == ["+14155550199", "+442079460958", None]


def test_when_devices_and_caller_ids_exist_then_contact_shows_them(app, admin_client, admin):
    account = admin["account_id"]
    contact = create_contact(admin_client)
    make_device(app, account, contact["id"], "Android")
    make_device(app, account, contact["id"], "Desktop")
    internal = make_internal_number(app, account, "101")
    phone = make_phone_number(app, account, "+14155550100")
    with app.app_context():
        settings = db.session.get(CallCenterSettings, call_center_method_id(contact))
        settings.internal_caller_id, settings.external_caller_id = internal, phone
        db.session.commit()
    body = admin_client.get(f"{CONTACTS}/{contact['id']}").get_json()
    assert body["device_count"] == 2
    assert body["internal_caller_id"] == "101"
    assert body["external_caller_id"] == "+14155550100"
    listed = admin_client.get(CONTACTS).get_json()["items"][0]
    assert listed["device_count"] == 2 and listed["internal_caller_id"] == "101"


def test_when_patched_then_lists_are_replaced_and_other_fields_kept(admin_client):
    contact = create_contact(
        admin_client,
        company="Acme",
        numbers=[{"type": "mobile", "number": "+14155550100"}],
        emails=[{"address": "a@example.com"}, {"address": "b@example.com", "label": "home"}],
    )
    url = f"{CONTACTS}/{contact['id']}"
    body = {"job_title": "CTO", "emails": [{"address": "c@example.com", "label": "home"}]}
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    after = response.get_json()
    assert after["version"] == 2
    assert after["job_title"] == "CTO" and after["company"] == "Acme"
    assert after["emails"] == [{"address": "c@example.com", "label": "home"}]
    assert after["numbers"] == contact["numbers"]
    cleared = admin_client.patch(url, json={"numbers": []}, headers=etag(2)).get_json()
    assert cleared["numbers"] == [] and cleared["version"] == 3


def test_when_only_emails_change_then_version_still_moves(admin_client):
    contact = create_contact(admin_client)
    url = f"{CONTACTS}/{contact['id']}"
    response = admin_client.patch(
        url, json={"emails": [{"address": "x@example.com"}]}, headers=etag(1)
    )
    assert response.get_json()["version"] == 2
    assert admin_client.patch(url, json={}, headers=etag(1)).status_code == 412


def test_when_deleted_then_204_and_methods_settings_devices_numbers_go(app, admin_client, admin):
    account = admin["account_id"]
    internal = make_internal_number(app, account, "101")
    contact = create_contact(
        admin_client, numbers=[{"type": "internal", "internal_number_id": internal}]
    )
    make_device(app, account, contact["id"])
    keep = create_contact(admin_client, first_name="Ann", last_name="Lee")
    response = admin_client.delete(f"{CONTACTS}/{contact['id']}", headers=etag(1))
    assert response.status_code == 204
    assert admin_client.get(f"{CONTACTS}/{contact['id']}").status_code == 404
    assert count_rows(app, Contact) == 1
    assert count_rows(app, ContactMethod) == 1 and count_rows(app, CallCenterSettings) == 1
    assert count_rows(app, ContactNumber) == 0 and count_rows(app, Device) == 0
    assert admin_client.get(f"{CONTACTS}/{keep['id']}").status_code == 200


def _names(response) -> list[str]:
    return [item["full_name"] for item in response.get_json()["items"]]


def test_when_listing_then_sorted_by_last_then_first_name_case_insensitively(admin_client):
    for first, last in [("zoe", "adams"), ("Bob", "Brown"), ("Anna", "brown"), ("Carl", "Able")]:
        create_contact(admin_client, first_name=first, last_name=last)
    assert _names(admin_client.get(CONTACTS)) == [
        "Carl Able",
        "zoe adams",
        "Anna brown",
        "Bob Brown",
    ]


def test_when_paging_then_total_counts_all_matches(admin_client):
    for i in range(5):
        create_contact(admin_client, first_name=f"User{i}", last_name=f"Smith{i}")
    page = admin_client.get(f"{CONTACTS}?page=2&per_page=2").get_json()
    assert page["total"] == 5
    assert [item["first_name"] for item in page["items"]] == ["User2", "User3"]
    assert admin_client.get(f"{CONTACTS}?page=9&per_page=2").get_json() == {"items": [], "total": 5}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("mike", ["Mike Brown"]),
        ("BROWN", ["Mike Brown"]),
        ("mike brown", ["Mike Brown"]),
        ("globex", ["Ann Lee"]),
        ("engineer", ["Ann Lee"]),
        ("ann@home", ["Ann Lee"]),
        ("415 555 01", ["Mike Brown"]),
        ("+1 (415) 555-0100", ["Mike Brown"]),
        ("742", ["Ann Lee"]),
        ("Mi%e", []),
        ("Mi_e", []),
        ("mike globex", []),
    ],
)
def test_when_searching_then_q_matches_names_company_title_emails_and_numbers(
    app, admin_client, admin, q, expected
):
    internal = make_internal_number(app, admin["account_id"], "742")
    create_contact(admin_client, numbers=[{"type": "mobile", "number": "+14155550100"}])
    create_contact(
        admin_client,
        first_name="Ann",
        last_name="Lee",
        company="Globex",
        job_title="Engineer",
        emails=[{"address": "ann@home.example.com", "label": "home"}],
        numbers=[{"type": "internal", "internal_number_id": internal}],
    )
    response = admin_client.get(CONTACTS, query_string={"q": q})
    assert response.status_code == 200
    assert _names(response) == expected
    assert response.get_json()["total"] == len(expected)


def test_when_search_has_a_nul_character_then_422_on_q(admin_client):
    response = admin_client.get("/api/v1/contacts?q=%00mike")
    assert response.status_code == 422
    assert "q" in response.get_json()["errors"]["query"]
