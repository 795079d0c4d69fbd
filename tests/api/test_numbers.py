"""/api/v1/numbers/phone and /api/v1/numbers/internal: the number inventory."""

from __future__ import annotations

import pytest

from tests.factories_providers import (
    INTERNAL_NUMBERS,
    PHONE_NUMBERS,
    add_contact,
    add_contact_number,
    count,
    make_internal_number,
    make_phone_number,
)
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.numbers.service import number_users

IF_1 = {"If-Match": '"1"'}
KINDS = [(PHONE_NUMBERS, PhoneNumber, "+1 415 555 0100"), (INTERNAL_NUMBERS, InternalNumber, "101")]


def _field_errors(response) -> dict:
    assert response.status_code == 422, response.get_json()
    return response.get_json()["errors"]["json"]


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "model", "number"), KINDS)
def test_when_number_missing_or_unknown_field_then_422_and_nothing_written(
    app, admin_client, url, model, number
):
    assert "number" in _field_errors(admin_client.post(url, json={"label": "Main"}))
    errors = _field_errors(admin_client.post(url, json={"number": number, "colour": "red"}))
    assert list(errors) == ["colour"]
    long_label = admin_client.post(url, json={"number": number, "label": "x" * 101})
    assert list(_field_errors(long_label)) == ["label"]
    assert count(app, model) == 0


@pytest.mark.parametrize(
    "value",
    [
        "",
        "4155550100",  # no country code
        "+1 415 555",
        "+1 999 555 0100",  # no such area code
        "call me",
        "+" + "1" * 40,
        14155550100,
        None,
        "+1 415 555 0100\x00",
    ],
)
def test_when_phone_number_invalid_then_422_on_number_and_nothing_written(app, admin_client, value):
    errors = _field_errors(admin_client.post(PHONE_NUMBERS, json={"number": value}))
    assert list(errors) == ["number"]
    assert count(app, PhoneNumber) == 0


@pytest.mark.parametrize("value", ["", " ", "1234567", "12a", "1 01", "+101", "١٠١", 101, None])
def test_when_internal_number_invalid_then_422_on_number_and_nothing_written(
    app, admin_client, value
):
    errors = _field_errors(admin_client.post(INTERNAL_NUMBERS, json={"number": value}))
    assert list(errors) == ["number"]
    assert count(app, InternalNumber) == 0


@pytest.mark.parametrize(
    ("url", "model", "first", "again"),
    [
        (PHONE_NUMBERS, PhoneNumber, "+14155550100", "+1 (415) 555-0100"),
        (INTERNAL_NUMBERS, InternalNumber, "101", " 101 "),
    ],
)
def test_when_number_already_in_inventory_then_422_naming_the_clash(
    app, admin_client, url, model, first, again
):
    assert admin_client.post(url, json={"number": first, "label": "Main line"}).status_code == 201
    message = _field_errors(admin_client.post(url, json={"number": again}))["number"][0]
    assert "already in your inventory" in message and "Main line" in message
    assert count(app, model) == 1


@pytest.mark.parametrize(("url", "model", "number"), KINDS)
def test_when_patched_onto_an_existing_number_then_422_and_unchanged(
    admin_client, url, model, number
):
    admin_client.post(url, json={"number": number})
    other = admin_client.post(url, json={"number": "+1 415 555 0111" if "phone" in url else "102"})
    item = f"{url}/{other.get_json()['id']}"
    response = admin_client.patch(item, json={"number": number}, headers=IF_1)
    assert "already in your inventory" in _field_errors(response)["number"][0]
    assert admin_client.get(item).get_json()["version"] == 1


@pytest.mark.parametrize(("url", "model", "number"), KINDS)
def test_when_if_match_missing_then_428_and_stale_then_412_and_nothing_changed(
    app, admin_client, url, model, number
):
    item = f"{url}/{admin_client.post(url, json={'number': number}).get_json()['id']}"
    assert admin_client.patch(item, json={"label": "x"}).status_code == 428
    assert (
        admin_client.patch(item, json={"label": "x"}, headers={"If-Match": '"3"'}).status_code
        == 412
    )
    assert admin_client.delete(item).status_code == 428
    assert admin_client.delete(item, headers={"If-Match": '"3"'}).status_code == 412
    assert admin_client.get(item).get_json()["label"] == ""
    assert count(app, model) == 1


@pytest.mark.parametrize(("url", "model", "number"), KINDS)
def test_when_unknown_id_then_404(admin_client, url, model, number):
    assert admin_client.get(f"{url}/424242").status_code == 404
    assert admin_client.delete(f"{url}/424242", headers=IF_1).status_code == 404


def test_when_internal_number_used_by_contact_or_caller_id_then_delete_is_409_naming_them(
    app, admin_client, admin
):
    ext = make_internal_number(admin_client, "101")
    mike = add_contact(app, admin["account_id"], "Mike", "Brown")
    add_contact_number(app, mike, ext["id"])
    add_contact_number(app, mike, ext["id"])
    ann = add_contact(app, admin["account_id"], "Ann", "Lee", internal_caller_id=ext["id"])
    response = admin_client.delete(f"{INTERNAL_NUMBERS}/{ext['id']}", headers=IF_1)
    assert response.status_code == 409
    body = response.get_json()
    assert "101" in body["message"] and "Mike Brown" in body["message"]
    assert "Ann Lee (internal caller ID)" in body["message"]
    assert body["errors"]["used_by"] == [
        {"type": "contact", "id": mike, "name": "Mike Brown", "as": "contact number"},
        {"type": "contact", "id": ann, "name": "Ann Lee", "as": "internal caller ID"},
    ]
    assert count(app, InternalNumber) == 1


def test_when_phone_number_is_an_external_caller_id_then_delete_is_409_naming_it(
    app, admin_client, admin
):
    did = make_phone_number(admin_client)
    ann = add_contact(app, admin["account_id"], "Ann", "Lee", external_caller_id=did["id"])
    response = admin_client.delete(f"{PHONE_NUMBERS}/{did['id']}", headers=IF_1)
    assert response.status_code == 409
    assert "Ann Lee (external caller ID)" in response.get_json()["message"]
    assert response.get_json()["errors"]["used_by"] == [
        {"type": "contact", "id": ann, "name": "Ann Lee", "as": "external caller ID"}
    ]
    assert count(app, PhoneNumber) == 1


# --- success --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("+1 415 555 0100", "+14155550100"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("+44 20 7946 0958", "+442079460958"),
        ("  +49 30 1234567 ", "+49301234567"),
    ],
)
def test_when_phone_number_created_then_stored_as_e164(admin_client, sent, stored):
    response = admin_client.post(PHONE_NUMBERS, json={"number": sent, "label": " Main "})
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"] == '"1"'
    data = response.get_json()
    assert (data["number"], data["label"], data["version"]) == (stored, "Main", 1)
    assert admin_client.get(f"{PHONE_NUMBERS}/{data['id']}").get_json() == data


def test_when_internal_numbers_listed_then_in_dialling_order_with_search(admin_client):
    for number in ["9", "100", "10", "0", "000123"]:
        make_internal_number(admin_client, number, label=f"ext {number}")
    listed = admin_client.get(INTERNAL_NUMBERS).get_json()
    assert (listed["total"], [n["number"] for n in listed["items"]]) == (
        5,
        ["0", "9", "10", "100", "000123"],
    )
    found = admin_client.get(f"{INTERNAL_NUMBERS}?q=10").get_json()["items"]
    assert [n["number"] for n in found] == ["10", "100"]
    page = admin_client.get(f"{INTERNAL_NUMBERS}?per_page=2&page=3").get_json()
    assert [n["number"] for n in page["items"]] == ["000123"]


def test_when_phone_numbers_listed_then_by_number(admin_client):
    make_phone_number(admin_client, "+44 20 7946 0958")
    make_phone_number(admin_client, "+1 415 555 0100")
    listed = admin_client.get(PHONE_NUMBERS).get_json()
    assert [n["number"] for n in listed["items"]] == ["+14155550100", "+442079460958"]


def test_when_same_number_in_two_accounts_then_both_allowed(admin_client, other_client):
    make_phone_number(admin_client)
    make_phone_number(other_client)
    make_internal_number(admin_client)
    make_internal_number(other_client)


@pytest.mark.parametrize(
    ("url", "number", "new", "stored"),
    [
        (PHONE_NUMBERS, "+1 415 555 0100", "+1 415 555 0111", "+14155550111"),
        (INTERNAL_NUMBERS, "101", "201", "201"),
    ],
)
def test_when_patched_then_sent_fields_change_and_version_moves(
    admin_client, url, number, new, stored
):
    item = admin_client.post(url, json={"number": number, "label": "Main"}).get_json()
    response = admin_client.patch(f"{url}/{item['id']}", json={"number": new}, headers=IF_1)
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    data = response.get_json()
    assert (data["number"], data["label"], data["version"]) == (stored, "Main", 2)
    same = admin_client.patch(
        f"{url}/{item['id']}", json={"number": new, "label": ""}, headers={"If-Match": '"2"'}
    )
    assert same.status_code == 200 and same.get_json()["label"] == ""


def test_when_used_internal_number_relabelled_then_200_and_users_keep_it(app, admin_client, admin):
    ext = make_internal_number(admin_client, "101")
    mike = add_contact(app, admin["account_id"], "Mike", "Brown", internal_caller_id=ext["id"])
    response = admin_client.patch(
        f"{INTERNAL_NUMBERS}/{ext['id']}", json={"label": "Mike", "number": "101"}, headers=IF_1
    )
    assert response.status_code == 200, response.get_json()
    with app.app_context():
        assert [u["id"] for u in number_users(admin["account_id"], "internal", ext["id"])] == [mike]


@pytest.mark.parametrize(("url", "model", "number"), KINDS)
def test_when_unused_number_deleted_then_204_and_gone(app, admin_client, url, model, number):
    item = admin_client.post(url, json={"number": number}).get_json()
    assert admin_client.delete(f"{url}/{item['id']}", headers=IF_1).status_code == 204
    assert admin_client.get(f"{url}/{item['id']}").status_code == 404
    assert count(app, model) == 0


def test_when_number_users_asked_for_other_account_then_nothing(
    app, admin_client, admin, other_admin
):
    ext = make_internal_number(admin_client, "101")
    mike = add_contact(app, admin["account_id"], "Mike", "Brown", internal_caller_id=ext["id"])
    with app.app_context():
        assert number_users(admin["account_id"], "internal", ext["id"])[0]["id"] == mike
        assert number_users(other_admin["account_id"], "internal", ext["id"]) == []
        assert number_users(admin["account_id"], "phone", ext["id"]) == []
