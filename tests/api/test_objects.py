"""/api/v1/objects: placing, editing, moving and deleting workspace objects."""

from __future__ import annotations

import pytest

from tests.factories_workspace import (
    OBJECTS,
    counts,
    draft_version,
    if_match,
    make_call_center_method,
    make_internal_number,
    make_phone_number,
    new_cable,
    new_object,
    new_tab,
)


@pytest.fixture
def tab(admin_client) -> dict:
    return new_tab(admin_client, "Main")


def _body(tab_id: int, **overrides) -> dict:
    body = {"tab_id": tab_id, "type": "ring_group", "position": {"x": 10, "y": 20}}
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def _assert_nothing_written(app, api, objects: int, draft: int) -> None:
    with app.app_context():
        assert counts()["objects"] == objects
    assert draft_version(api) == draft


# ---- refusals ----


def test_when_not_logged_in_then_401(client):
    assert client.get(OBJECTS).status_code == 401
    assert client.post(OBJECTS, json={}).status_code == 401


@pytest.mark.parametrize("missing", ["tab_id", "type", "position"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, tab, missing
):
    body = _body(tab["id"])
    del body[missing]
    response = admin_client.post(OBJECTS, json=body)
    assert response.status_code == 422
    assert missing in response.get_json()["errors"]["json"]
    _assert_nothing_written(app, admin_client, 0, 1)


@pytest.mark.parametrize(
    ("overrides", "path"),
    [
        ({"tab_id": "one"}, ["tab_id"]),
        ({"tab_id": 2**40}, ["tab_id"]),
        ({"name": ""}, ["name"]),
        ({"name": "x" * 101}, ["name"]),
        ({"position": {"x": 1}}, ["position", "y"]),
        ({"position": {"x": "left", "y": 0}}, ["position", "x"]),
        ({"position": {"x": 2_000_000, "y": 0}}, ["position", "x"]),
        ({"position": {"x": 1, "y": 2, "z": 3}}, ["position", "z"]),
        ({"properties": ["number"]}, ["properties"]),
        ({"colour": "red"}, ["colour"]),
    ],
)
def test_when_field_invalid_then_422_naming_it_and_nothing_written(
    app, admin_client, tab, overrides, path
):
    response = admin_client.post(OBJECTS, json={**_body(tab["id"]), **overrides})
    assert response.status_code == 422, response.get_json()
    errors = response.get_json()["errors"]["json"]
    for key in path:
        errors = errors[key]
    _assert_nothing_written(app, admin_client, 0, 1)


def test_when_type_unknown_then_422_on_type_with_its_rule_code(app, admin_client, tab):
    response = admin_client.post(OBJECTS, json=_body(tab["id"], type="teleporter"))
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["rule"] == errors["code_name"] == "object.unknown_type"
    assert "teleporter" in errors["json"]["type"][0]
    assert "ring_group" in errors["json"]["type"][0]
    _assert_nothing_written(app, admin_client, 0, 1)


@pytest.mark.parametrize(
    ("type_", "properties", "path"),
    [
        ("phone_number", {"number": "abc"}, ["number"]),
        ("phone_number", {"number": 1.5}, ["number"]),
        ("internal_number", {"extension": 101}, ["extension"]),
        ("contact_method", {"contact_method": True}, ["contact_method"]),
        ("ring_group", {"preset": "random"}, ["preset"]),
        ("ring_group", {"members": "all"}, ["members"]),
        ("ring_group", {"members": [{"target": 1, "start": 400}]}, ["members", "0", "start"]),
        ("ring_group", {"members": [{"start": 0}]}, ["members", "0", "target"]),
    ],
)
def test_when_properties_fail_the_type_schema_then_422_under_properties_field(
    app, admin_client, tab, type_, properties, path
):
    response = admin_client.post(OBJECTS, json=_body(tab["id"], type=type_, properties=properties))
    assert response.status_code == 422, response.get_json()
    errors = response.get_json()["errors"]["json"]["properties"]
    for key in path:
        errors = errors[key]
    assert errors
    _assert_nothing_written(app, admin_client, 0, 1)


def test_when_tab_is_of_another_account_or_missing_then_404_on_tab_id(
    app, admin_client, other_client
):
    theirs = new_tab(other_client, "Theirs")
    new_tab(admin_client, "Mine")
    for tab_id in (theirs["id"], 999):
        response = admin_client.post(OBJECTS, json=_body(tab_id))
        assert response.status_code == 404
        assert "tab_id" in response.get_json()["errors"]["json"]
    with app.app_context():
        assert counts()["objects"] == 0


@pytest.mark.parametrize(
    ("type_", "prop", "maker"),
    [
        ("phone_number", "number", make_phone_number),
        ("internal_number", "number", make_internal_number),
        ("contact_method", "contact_method", make_call_center_method),
    ],
)
def test_when_referenced_inventory_row_is_another_accounts_then_404_naming_it(
    app, admin, other_admin, admin_client, tab, type_, prop, maker
):
    with app.app_context():
        theirs = maker(other_admin["account_id"])
        mine = maker(admin["account_id"])
    for row in (theirs, 9999, 2**63):
        response = admin_client.post(
            OBJECTS, json=_body(tab["id"], type=type_, properties={prop: row})
        )
        assert response.status_code == 404, response.get_json()
        assert prop in response.get_json()["errors"]["json"]["properties"]
    _assert_nothing_written(app, admin_client, 0, 1)
    ok = admin_client.post(OBJECTS, json=_body(tab["id"], type=type_, properties={prop: mine}))
    assert ok.status_code == 201
    assert ok.get_json()["properties"] == {prop: mine}


def test_when_ring_group_member_is_another_accounts_object_then_404(
    app, admin_client, other_client, tab
):
    their_tab = new_tab(other_client, "Theirs")
    theirs = new_object(other_client, their_tab["id"], "contact_method")
    response = admin_client.post(
        OBJECTS, json=_body(tab["id"], properties={"members": [{"target": theirs["id"]}]})
    )
    assert response.status_code == 404
    assert "members" in response.get_json()["errors"]["json"]["properties"]
    with app.app_context():
        assert counts()["objects"] == 1  # theirs only


def test_when_patch_without_if_match_then_428_and_unchanged(admin_client, tab):
    obj = new_object(admin_client, tab["id"])
    response = admin_client.patch(f"{OBJECTS}/{obj['id']}", json={"name": "New"})
    assert response.status_code == 428
    assert admin_client.get(f"{OBJECTS}/{obj['id']}").get_json()["name"] == obj["name"]


def test_when_patch_with_stale_version_then_412_and_unchanged(admin_client, tab):
    obj = new_object(admin_client, tab["id"])
    admin_client.patch(f"{OBJECTS}/{obj['id']}", json={"name": "First"}, headers=if_match(obj))
    before = draft_version(admin_client)
    response = admin_client.patch(
        f"{OBJECTS}/{obj['id']}", json={"name": "Second"}, headers=if_match(obj)
    )
    assert response.status_code == 412
    assert admin_client.get(f"{OBJECTS}/{obj['id']}").get_json()["name"] == "First"
    assert draft_version(admin_client) == before


def test_when_patch_properties_invalid_then_422_and_unchanged(admin_client, tab):
    obj = new_object(admin_client, tab["id"])
    response = admin_client.patch(
        f"{OBJECTS}/{obj['id']}",
        json={"name": "Renamed", "properties": {"preset": "shuffle"}},
        headers=if_match(obj),
    )
    assert response.status_code == 422
    assert "preset" in response.get_json()["errors"]["json"]["properties"]
    after = admin_client.get(f"{OBJECTS}/{obj['id']}").get_json()
    assert (after["name"], after["version"]) == (obj["name"], 1)


def test_when_moved_to_a_tab_of_another_account_then_404_and_unchanged(
    admin_client, other_client, tab
):
    theirs = new_tab(other_client, "Theirs")
    obj = new_object(admin_client, tab["id"])
    response = admin_client.patch(
        f"{OBJECTS}/{obj['id']}", json={"tab_id": theirs["id"]}, headers=if_match(obj)
    )
    assert response.status_code == 404
    assert "tab_id" in response.get_json()["errors"]["json"]
    assert admin_client.get(f"{OBJECTS}/{obj['id']}").get_json()["tab_id"] == tab["id"]


def test_when_moved_to_another_tab_with_cables_then_409_naming_them(admin_client, tab):
    other = new_tab(admin_client, "Other")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"])
    cable = new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    response = admin_client.patch(
        f"{OBJECTS}/{group['id']}", json={"tab_id": other["id"]}, headers=if_match(group)
    )
    assert response.status_code == 409
    assert response.get_json()["errors"]["used_by"][0]["id"] == cable["id"]
    assert admin_client.get(f"{OBJECTS}/{group['id']}").get_json()["tab_id"] == tab["id"]


def test_when_position_invalid_then_422_and_unchanged(admin_client, tab):
    obj = new_object(admin_client, tab["id"], x=5, y=6)
    for body in ({"x": 1}, {"x": "a", "y": 1}, {"x": 1, "y": 1, "z": 1}, {"x": -1e9, "y": 0}):
        response = admin_client.patch(f"{OBJECTS}/{obj['id']}/position", json=body)
        assert response.status_code == 422, body
    assert admin_client.get(f"{OBJECTS}/{obj['id']}").get_json()["position"] == {"x": 5, "y": 6}


def test_when_delete_without_if_match_or_stale_then_428_or_412_and_kept(app, admin_client, tab):
    obj = new_object(admin_client, tab["id"])
    assert admin_client.delete(f"{OBJECTS}/{obj['id']}").status_code == 428
    stale = admin_client.delete(f"{OBJECTS}/{obj['id']}", headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    with app.app_context():
        assert counts()["objects"] == 1


def test_when_listing_a_tab_of_another_account_then_404(admin_client, other_client):
    theirs = new_tab(other_client, "Theirs")
    assert admin_client.get(f"{OBJECTS}?tab_id={theirs['id']}").status_code == 404


# ---- success ----


def test_when_created_then_201_with_type_defaults_etag_and_draft_version(admin_client, tab):
    response = admin_client.post(OBJECTS, json=_body(tab["id"]))
    assert response.status_code == 201
    body = response.get_json()
    assert body["type"] == "ring_group"
    assert body["tab_id"] == tab["id"]
    assert body["position"] == {"x": 10, "y": 20}
    assert body["properties"] == {"members": [], "preset": "ring_all"}
    assert body["version"] == 1
    assert body["draft_version"] == 2
    assert response.headers["ETag"] == '"1"'
    assert response.headers["X-Draft-Version"] == "2"


def test_when_created_without_name_then_named_tab_type_and_next_free_number(admin_client, tab):
    other = new_tab(admin_client, "Sales")
    first = new_object(admin_client, tab["id"], "phone_number")
    second = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    elsewhere = new_object(admin_client, other["id"], "phone_number")
    named = new_object(admin_client, tab["id"], "phone_number", name="  Reception line ")
    assert first["name"] == "Main Phone Number 1"
    assert second["name"] == "Main Phone Number 2"
    assert group["name"] == "Main Ring Group 1"
    assert elsewhere["name"] == "Sales Phone Number 1"
    assert named["name"] == "Reception line"
    admin_client.delete(f"{OBJECTS}/{first['id']}", headers=if_match(first))
    assert new_object(admin_client, tab["id"], "phone_number")["name"] == "Main Phone Number 1"
    assert new_object(admin_client, tab["id"], "phone_number")["name"] == "Main Phone Number 3"


def test_when_tab_name_is_long_then_default_name_still_fits(admin_client):
    long_tab = new_tab(admin_client, "T" * 100)
    obj = new_object(admin_client, long_tab["id"], "contact_method")
    assert len(obj["name"]) <= 100
    assert obj["name"].endswith(" Contact Method 1")


def test_when_properties_patched_then_merged_validated_and_version_bumped(app, admin, admin_client):
    tab = new_tab(admin_client, "Main")
    with app.app_context():
        number = make_phone_number(admin["account_id"])
    target = new_object(admin_client, tab["id"], "contact_method")
    group = new_object(admin_client, tab["id"], properties={"preset": "sequential"})
    response = admin_client.patch(
        f"{OBJECTS}/{group['id']}",
        json={"properties": {"members": [{"target": target["id"], "start": 5}]}, "name": "Sales"},
        headers=if_match(group),
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["properties"] == {
        "members": [{"target": target["id"], "start": 5, "duration": 30}],
        "preset": "sequential",
    }
    assert (body["name"], body["version"]) == ("Sales", 2)
    assert response.headers["ETag"] == '"2"'
    entry = new_object(admin_client, tab["id"], "phone_number")
    patched = admin_client.patch(
        f"{OBJECTS}/{entry['id']}", json={"properties": {"number": number}}, headers=if_match(entry)
    )
    assert patched.get_json()["properties"] == {"number": number}


def test_when_position_patched_then_no_if_match_needed_and_version_unchanged(admin_client, tab):
    obj = new_object(admin_client, tab["id"], x=1, y=2)
    before = draft_version(admin_client)
    first = admin_client.patch(f"{OBJECTS}/{obj['id']}/position", json={"x": 100, "y": -50.5})
    second = admin_client.patch(f"{OBJECTS}/{obj['id']}/position", json={"x": 300, "y": 40})
    assert first.status_code == second.status_code == 200
    body = second.get_json()
    assert body["position"] == {"x": 300, "y": 40}
    assert body["version"] == 1
    assert body["draft_version"] == before + 2
    # The If-Match another admin holds from before the moves still works.
    renamed = admin_client.patch(
        f"{OBJECTS}/{obj['id']}", json={"name": "X"}, headers=if_match(obj)
    )
    assert renamed.status_code == 200
    assert renamed.get_json()["position"] == {"x": 300, "y": 40}


def test_when_moved_to_another_tab_then_listed_there(admin_client, tab):
    other = new_tab(admin_client, "Other")
    obj = new_object(admin_client, tab["id"])
    response = admin_client.patch(
        f"{OBJECTS}/{obj['id']}", json={"tab_id": other["id"]}, headers=if_match(obj)
    )
    assert response.status_code == 200
    assert admin_client.get(f"{OBJECTS}?tab_id={tab['id']}").get_json()["total"] == 0
    listed = admin_client.get(f"{OBJECTS}?tab_id={other['id']}").get_json()["items"]
    assert [o["id"] for o in listed] == [obj["id"]]


def test_when_deleted_then_its_cables_go_and_ring_groups_forget_it(app, admin_client, tab):
    number = new_object(admin_client, tab["id"], "phone_number")
    member = new_object(admin_client, tab["id"], "contact_method")
    other_member = new_object(admin_client, tab["id"], "contact_method")
    members = [{"target": member["id"]}, {"target": other_member["id"], "start": 10}]
    group = new_object(admin_client, tab["id"], properties={"members": members})
    new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    new_cable(admin_client, group["id"], "members", member["id"], "calls")
    kept = new_cable(admin_client, group["id"], "members", other_member["id"], "calls")
    before = draft_version(admin_client)
    response = admin_client.delete(f"{OBJECTS}/{member['id']}", headers=if_match(member))
    assert response.status_code == 204
    assert response.headers["X-Draft-Version"] == str(before + 1)
    assert admin_client.get(f"{OBJECTS}/{member['id']}").status_code == 404
    with app.app_context():
        assert counts() == {"tabs": 1, "objects": 3, "cables": 2}
    cables = admin_client.get("/api/v1/cables").get_json()["items"]
    assert kept["id"] in [c["id"] for c in cables]
    group_now = admin_client.get(f"{OBJECTS}/{group['id']}").get_json()
    assert group_now["properties"]["members"] == [
        {"target": other_member["id"], "start": 10, "duration": 30}
    ]
    assert group_now["version"] == 2


def test_when_listed_then_filtered_by_tab_and_name(admin_client, tab):
    other = new_tab(admin_client, "Other")
    a = new_object(admin_client, tab["id"], name="Front desk")
    new_object(admin_client, other["id"], name="Back office")
    body = admin_client.get(f"{OBJECTS}?tab_id={tab['id']}").get_json()
    assert (body["total"], [o["id"] for o in body["items"]]) == (1, [a["id"]])
    assert admin_client.get(f"{OBJECTS}?q=office").get_json()["total"] == 1
    assert admin_client.get(OBJECTS).get_json()["total"] == 2


def test_every_mutation_bumps_the_draft_version_by_one(admin_client):
    tab = new_tab(admin_client, "Main")
    assert draft_version(admin_client) == 1
    obj = new_object(admin_client, tab["id"])
    assert obj["draft_version"] == draft_version(admin_client) == 2
    admin_client.patch(f"{OBJECTS}/{obj['id']}/position", json={"x": 1, "y": 1})
    assert draft_version(admin_client) == 3
    admin_client.patch(f"{OBJECTS}/{obj['id']}", json={"name": "N"}, headers=if_match(obj))
    assert draft_version(admin_client) == 4
    state = admin_client.get("/api/v1/workspace/state").get_json()
    assert state == {"draft_version": 4, "published_revision": None}
