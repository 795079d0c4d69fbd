"""/api/v1/feature-codes: valid, unique, unambiguous codes, and the record-on-demand guard."""

from __future__ import annotations

import pytest

from tests.factories_devices import count_rows, make_contact, make_internal_number
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.extensions import db

CODES = "/api/v1/feature-codes"


def _create(api, code: str = "*1", **extra) -> dict:
    response = api.post(CODES, json={"code": code, "purpose": "record_on_demand", **extra})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _field_errors(response) -> dict:
    return response.get_json()["errors"]["json"]


def _codes(app) -> list[tuple[str, bool]]:
    with app.app_context():
        rows = db.session.execute(db.select(FeatureCode).order_by(FeatureCode.id)).scalars()
        return [(row.code, row.enabled) for row in rows]


# --- refusals ------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get(CODES).status_code == 401


@pytest.mark.parametrize("field", ["code", "purpose"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, field
):
    body = {"code": "*1", "purpose": "record_on_demand"}
    del body[field]
    response = admin_client.post(CODES, json=body)
    assert response.status_code == 422
    assert field in _field_errors(response)
    assert count_rows(app, FeatureCode) == 0


@pytest.mark.parametrize(
    "code", ["", "1", "*", "#", "**1", "*1234567", "*12a", "1*", " *1", "*1\n", "*١", 12, None]
)
def test_when_code_not_symbol_and_1_to_6_digits_then_422_and_nothing_written(
    app, admin_client, code
):
    response = admin_client.post(CODES, json={"code": code, "purpose": "record_on_demand"})
    assert response.status_code == 422
    assert "code" in _field_errors(response)
    assert count_rows(app, FeatureCode) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("purpose", "park"), ("purpose", ""), ("purpose", None), ("enabled", "maybe")],
)
def test_when_purpose_or_enabled_invalid_then_422_naming_it_and_nothing_written(
    app, admin_client, field, value
):
    body = {"code": "*1", "purpose": "record_on_demand", field: value}
    response = admin_client.post(CODES, json=body)
    assert response.status_code == 422
    assert field in _field_errors(response)
    assert count_rows(app, FeatureCode) == 0


@pytest.mark.parametrize("field", ["id", "version", "account_id", "label"])
def test_when_unknown_field_then_422_naming_it_and_nothing_written(app, admin_client, field):
    body = {"code": "*1", "purpose": "record_on_demand", field: 1}
    response = admin_client.post(CODES, json=body)
    assert response.status_code == 422
    assert field in _field_errors(response)
    assert count_rows(app, FeatureCode) == 0


def test_when_code_exists_then_422_and_nothing_written(app, admin_client):
    _create(admin_client, "*1")
    response = admin_client.post(CODES, json={"code": "*1", "purpose": "record_on_demand"})
    assert response.status_code == 422
    assert _field_errors(response)["code"] == ["*1 is already a feature code."]
    assert count_rows(app, FeatureCode) == 1


@pytest.mark.parametrize(("existing", "new"), [("*12", "*1"), ("*1", "*123")])
def test_when_code_is_prefix_of_another_or_reverse_then_422_naming_clash(
    app, admin_client, existing, new
):
    _create(admin_client, existing, enabled=False)  # disabled codes still count
    response = admin_client.post(CODES, json={"code": new, "purpose": "record_on_demand"})
    assert response.status_code == 422
    assert _field_errors(response)["code"] == [
        f"{new} clashes with {existing}: one is a prefix of the other."
    ]
    assert _codes(app) == [(existing, False)]


@pytest.mark.parametrize(("number", "code"), [("101", "*10"), ("100", "*1"), ("101", "#101")])
def test_when_code_shares_digits_with_internal_number_then_created(
    app, admin, admin_client, number, code
):
    # The */# key makes the dial strings differ: *1 beside extension 100 is an everyday plan.
    make_internal_number(app, admin["account_id"], number)
    response = admin_client.post(CODES, json={"code": code, "purpose": "record_on_demand"})
    assert response.status_code == 201, response.get_json()
    assert count_rows(app, FeatureCode) == 1


def test_when_patch_makes_code_clash_then_422_and_code_unchanged(app, admin_client):
    _create(admin_client, "*12")
    other = _create(admin_client, "*3")
    response = admin_client.patch(
        f"{CODES}/{other['id']}", json={"code": "*1"}, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 422
    assert "clashes with *12" in _field_errors(response)["code"][0]
    assert _codes(app) == [("*12", True), ("*3", True)]


@pytest.mark.parametrize("body", [{"code": "*"}, {"purpose": "park"}, {"enabled": None}, {"x": 1}])
def test_when_patch_invalid_then_422_and_code_unchanged(app, admin_client, body):
    row = _create(admin_client, "*1")
    response = admin_client.patch(f"{CODES}/{row['id']}", json=body, headers={"If-Match": '"1"'})
    assert response.status_code == 422
    assert next(iter(body)) in _field_errors(response)
    assert _codes(app) == [("*1", True)]


@pytest.mark.parametrize("method", ["patch", "delete"])
def test_when_if_match_missing_then_428_and_stale_then_412_and_code_unchanged(
    app, admin_client, method
):
    row = _create(admin_client, "*1")
    url = f"{CODES}/{row['id']}"
    kwargs = {"json": {"enabled": False}} if method == "patch" else {}
    send = getattr(admin_client, method)
    assert send(url, **kwargs).status_code == 428
    assert send(url, headers={"If-Match": '"3"'}, **kwargs).status_code == 412
    assert _codes(app) == [("*1", True)]


def test_when_deleting_only_enabled_on_demand_code_in_use_then_409_naming_contacts(
    app, admin, admin_client
):
    ann = make_contact(app, admin["account_id"], "Ann", "Lee", record_on_demand=True)
    mike = make_contact(app, admin["account_id"], "Mike", "Brown", record_on_demand=True)
    make_contact(app, admin["account_id"], "Joe", "Quiet")
    row = _create(admin_client, "*1")
    response = admin_client.delete(f"{CODES}/{row['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 409
    body = response.get_json()
    assert "Mike Brown" in body["message"] and "Ann Lee" in body["message"]
    assert "Joe Quiet" not in body["message"]
    assert body["errors"]["used_by"] == [
        {"type": "contact", "id": mike, "name": "Mike Brown"},
        {"type": "contact", "id": ann, "name": "Ann Lee"},
    ]
    assert _codes(app) == [("*1", True)]


def test_when_disabling_only_enabled_on_demand_code_in_use_then_409_and_code_unchanged(
    app, admin, admin_client
):
    make_contact(app, admin["account_id"], "Ann", "Lee", record_on_demand=True)
    row = _create(admin_client, "*1")
    response = admin_client.patch(
        f"{CODES}/{row['id']}", json={"enabled": False}, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 409
    assert response.get_json()["errors"]["used_by"][0]["name"] == "Ann Lee"
    assert _codes(app) == [("*1", True)]


def test_when_search_has_control_character_then_422_naming_q(admin_client):
    response = admin_client.get(f"{CODES}?q=%00")
    assert response.status_code == 422
    assert "q" in response.get_json()["errors"]["query"]


def test_when_code_id_is_beyond_32_bits_then_404(admin_client):
    assert admin_client.get(f"{CODES}/{2**31}").status_code == 404
    response = admin_client.delete(f"{CODES}/99999999999", headers={"If-Match": '"1"'})
    assert response.status_code == 404


# --- success -------------------------------------------------------------------------------


def test_when_created_then_enabled_by_default_with_etag(admin_client):
    response = admin_client.post(CODES, json={"code": "*1", "purpose": "record_on_demand"})
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body == {
        "id": body["id"],
        "version": 1,
        "code": "*1",
        "purpose": "record_on_demand",
        "enabled": True,
    }
    fetched = admin_client.get(f"{CODES}/{body['id']}")
    assert (fetched.status_code, fetched.headers["ETag"]) == (200, '"1"')
    assert fetched.get_json() == body


def test_when_symbols_or_digits_differ_then_codes_coexist_and_list_by_code(
    app, admin, admin_client
):
    make_internal_number(app, admin["account_id"], "555")
    for code in ["*2", "#12", "*1", "*3"]:
        _create(admin_client, code)
    listed = admin_client.get(CODES).get_json()
    assert [item["code"] for item in listed["items"]] == ["#12", "*1", "*2", "*3"]
    assert listed["total"] == 4
    searched = admin_client.get(f"{CODES}?q=1").get_json()
    assert [item["code"] for item in searched["items"]] == ["#12", "*1"]


def test_when_other_account_has_code_or_number_then_same_code_is_allowed(
    app, other_admin, admin_client, other_client
):
    _create(other_client, "*1")
    make_internal_number(app, other_admin["account_id"], "101")
    assert _create(admin_client, "*1")["code"] == "*1"
    assert _create(admin_client, "#10")["code"] == "#10"


def test_when_patched_then_new_code_and_version(admin_client):
    row = _create(admin_client, "*12")
    response = admin_client.patch(
        f"{CODES}/{row['id']}", json={"code": "*123", "enabled": False}, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    assert (response.get_json()["code"], response.get_json()["enabled"]) == ("*123", False)


def test_when_another_enabled_on_demand_code_exists_then_delete_succeeds(app, admin, admin_client):
    make_contact(app, admin["account_id"], "Ann", "Lee", record_on_demand=True)
    first = _create(admin_client, "*1")
    _create(admin_client, "*2")
    response = admin_client.delete(f"{CODES}/{first['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 204
    assert _codes(app) == [("*2", True)]


def test_when_no_contact_records_on_demand_then_last_code_can_be_deleted(
    app, admin, other_admin, admin_client
):
    make_contact(app, admin["account_id"], "Joe", "Quiet")
    make_contact(app, other_admin["account_id"], "Zoe", "Globex", record_on_demand=True)
    row = _create(admin_client, "*1")
    response = admin_client.delete(f"{CODES}/{row['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 204
    assert count_rows(app, FeatureCode) == 0


def test_when_code_already_disabled_then_delete_succeeds_despite_contacts(app, admin, admin_client):
    make_contact(app, admin["account_id"], "Ann", "Lee", record_on_demand=True)
    row = _create(admin_client, "*1", enabled=False)
    response = admin_client.delete(f"{CODES}/{row['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 204
