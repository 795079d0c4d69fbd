"""GET /workspace/export and POST /workspace/import: refusals first, then round trips and modes."""

from __future__ import annotations

import copy
import json

import pytest

from tests.factories_publishing import (
    EXPORT,
    IMPORT,
    PUBLISH,
    REVISIONS,
    count,
    delete_row,
    make_tab,
    mike_brown,
    simple_call_flow,
)
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.numbers.models import PhoneNumber
from workspace.extensions import db, socketio
from workspace.objects.draft import load_draft, validate_draft
from workspace.objects.draft_restore import delete_draft, write_rows, written_snapshot
from workspace.objects.models import Revision, Tab, WorkspaceObject, WorkspaceState
from workspace.objects.natural_keys import export_ref
from workspace.objects.publishing_schemas import MAX_DOCUMENT_BYTES, MAX_OBJECTS
from workspace.objects.types import REGISTRY


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


@pytest.fixture
def document(admin_client, flow) -> dict:
    response = admin_client.get(EXPORT)
    assert response.status_code == 200
    return response.get_json()


def _draft(app, account_id: int) -> dict:
    with app.app_context():
        return load_draft(account_id)


def _at(errors: dict, path: tuple) -> list:
    node = errors
    for part in path:
        assert part in node, (path, errors)
        node = node[part]
    return node


# ---- refusals ---------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get(EXPORT).status_code == 401
    assert client.post(IMPORT, json={}).status_code == 401


def test_when_csrf_header_missing_then_403_and_nothing_written(app, admin, admin_client, document):
    before = _draft(app, admin["account_id"])
    response = admin_client.post(IMPORT, json={"document": document, "mode": "replace"}, csrf=False)
    assert response.status_code == 403
    assert _draft(app, admin["account_id"]) == before


def _drop(key):
    return lambda d: d.pop(key)


def _set(*path, value):
    def change(d):
        node = d
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


STRUCTURE = [
    ("no document", lambda body: body.pop("document"), ("document",)),
    ("no mode", lambda body: body.pop("mode"), ("mode",)),
    ("bad mode", lambda body: body.update(mode="overwrite"), ("mode",)),
    (
        "format",
        lambda body: _set("format", value="other")(body["document"]),
        ("document", "format"),
    ),
    ("version", lambda body: _set("version", value=2)(body["document"]), ("document", "version")),
    ("no tabs", lambda body: body["document"].pop("tabs"), ("document", "tabs")),
    (
        "unknown field",
        lambda body: _set("objects", 0, "color", value="red")(body["document"]),
        ("document", "objects", "0", "color"),
    ),
    (
        "unknown type",
        lambda body: _set("objects", 0, "type", value="teleporter")(body["document"]),
        ("document", "objects", "0", "type"),
    ),
    (
        "bad position",
        lambda body: _set("objects", 0, "position", "x", value="far")(body["document"]),
        ("document", "objects", "0", "position", "x"),
    ),
    (
        "long name",
        lambda body: _set("tabs", 0, "name", value="x" * 101)(body["document"]),
        ("document", "tabs", "0", "name"),
    ),
    (
        "no cable key",
        lambda body: body["document"]["cables"][0].pop("key"),
        ("document", "cables", "0", "key"),
    ),
    # Rows the fast path (workspace.objects.document_rows) leaves to the schema, after others
    # it took: the schema's refusal, at the row's place.
    (
        "boolean coordinate",
        lambda body: _set("objects", -1, "position", "x", value=True)(body["document"]),
        ("document", "objects", "3", "position", "x"),
    ),
    (
        "NUL in a property",
        lambda body: _set("objects", -1, "properties", "note", value="a\x00b")(body["document"]),
        ("document", "objects", "3", "properties", "note", "value"),
    ),
    (
        "tab position as text",
        lambda body: _set("tabs", 0, "position", value="first")(body["document"]),
        ("document", "tabs", "0", "position"),
    ),
    (
        "long port",
        lambda body: _set("cables", -1, "target_port", value="p" * 41)(body["document"]),
        ("document", "cables", "2", "target_port"),
    ),
]


@pytest.mark.parametrize(("case", "change", "path"), STRUCTURE, ids=[c[0] for c in STRUCTURE])
def test_when_document_malformed_then_422_at_its_place_and_nothing_written(
    app, admin, admin_client, document, case, change, path
):
    before = _draft(app, admin["account_id"])
    body = {"document": copy.deepcopy(document), "mode": "replace"}
    change(body)
    response = admin_client.post(IMPORT, json=body)
    assert response.status_code == 422, response.get_json()
    assert _at(response.get_json()["errors"]["json"], path)
    assert _draft(app, admin["account_id"]) == before


def test_when_a_row_fails_the_fast_path_then_the_answer_is_the_schemas_own(admin_client, document):
    changed = copy.deepcopy(document)
    changed["objects"][-1]["position"] = {"x": True, "y": 0}
    changed["cables"][-1]["color"] = "red"
    body = {"document": changed, "mode": "replace"}
    response = admin_client.post(IMPORT, json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"] == {
        "document": {
            "objects": {"3": {"position": {"x": ["Not a valid number."]}}},
            "cables": {"2": {"color": ["Unknown field."]}},
        }
    }
    assert response.get_json()["message"] == "Some fields are invalid."


def test_when_the_schema_takes_a_row_the_fast_path_does_not_then_it_is_imported(
    app, admin, admin_client, document
):
    changed = copy.deepcopy(document)
    changed["tabs"][0]["position"] = "2"  # the Integer field reads numeric text
    changed["objects"][0]["position"] = {"x": "12.5", "y": 7}
    response = admin_client.post(IMPORT, json={"document": changed, "mode": "replace"})
    assert response.status_code == 200, response.get_json()
    draft = _draft(app, admin["account_id"])
    assert draft["tabs"][0]["position"] == 2
    first = response.get_json()["objects"][changed["objects"][0]["key"]]
    assert next(o for o in draft["objects"] if o["id"] == first)["position"] == {
        "x": 12.5,
        "y": 7.0,
    }


def test_when_the_body_is_over_the_byte_limit_then_413_before_it_is_parsed(
    app, admin, admin_client
):
    before = _draft(app, admin["account_id"])
    over = MAX_DOCUMENT_BYTES + 1
    # Not even JSON: parsing it would answer 400, so the 413 says it was never parsed.
    response = admin_client.client.post(
        IMPORT,
        data=b"[" * over,
        content_type="application/json",
        headers={"X-CSRF-Token": admin_client.csrf},
    )
    assert response.status_code == 413
    body = response.get_json()
    assert (body["code"], body["status"]) == (413, "Request Entity Too Large")
    assert "8.6 MB" in body["message"] and "10,000 objects" in body["message"]
    assert _draft(app, admin["account_id"]) == before


def test_when_the_byte_limit_is_configured_then_it_rules(app, admin_client, document):
    body = json.dumps({"document": document, "mode": "merge"})

    def post():
        headers = {"X-CSRF-Token": admin_client.csrf}
        return admin_client.client.post(
            IMPORT, data=body, content_type="application/json", headers=headers
        )

    app.config["IMPORT_MAX_BYTES"] = len(body) - 1
    assert post().status_code == 413
    app.config["IMPORT_MAX_BYTES"] = len(body)
    assert post().status_code == 200


def test_when_a_list_is_past_its_limit_then_422_without_reading_its_items(
    app, admin, admin_client, document
):
    before = _draft(app, admin["account_id"])
    changed = copy.deepcopy(document)
    changed["objects"] = [{}] * (MAX_OBJECTS + 1)  # every item invalid: none is looked at
    response = admin_client.post(IMPORT, json={"document": changed, "mode": "replace"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]["json"]["document"]
    assert errors == {"objects": [f"Longer than maximum length {MAX_OBJECTS}."]}
    assert _draft(app, admin["account_id"]) == before


def _object(document: dict, type_: str) -> int:
    return next(i for i, o in enumerate(document["objects"]) if o["type"] == type_)


REFERENCES = [
    (
        "phone number",
        "phone_number",
        ("properties", "number"),
        "+14155550199",
        "No phone number +14155550199 in this account.",
    ),
    (
        "phone number type",
        "phone_number",
        ("properties", "number"),
        14155550100,
        "Give the phone number as a string.",
    ),
    (
        "internal number",
        "internal_number",
        ("properties", "number"),
        "199",
        "No internal number 199 in this account.",
    ),
    (
        "contact",
        "contact_method",
        ("properties", "contact_method"),
        {"contact": "Nobody Here", "email": "mike.brown@example.com", "kind": "call_center"},
        'No call_center contact method of "Nobody Here" <mike.brown@example.com> in this account.',
    ),
    (
        "email",
        "contact_method",
        ("properties", "contact_method"),
        {"contact": "Mike Brown", "email": "mike@elsewhere.com", "kind": "call_center"},
        'No call_center contact method of "Mike Brown" <mike@elsewhere.com> in this account.',
    ),
    (
        "kind",
        "contact_method",
        ("properties", "contact_method"),
        {"contact": "Mike Brown", "email": "mike.brown@example.com", "kind": "phone"},
        'No phone contact method of "Mike Brown" <mike.brown@example.com> in this account.',
    ),
    (
        "member target",
        "ring_group",
        ("properties", "members"),
        [{"target": "o99", "start": 0, "duration": 30}],
        None,
    ),
    (
        "member start",
        "ring_group",
        ("properties", "members"),
        [{"target": "o3", "start": 999, "duration": 30}],
        None,
    ),
    ("unknown property", "phone_number", ("properties", "color"), "red", None),
    ("tab", "phone_number", ("tab",), "t9", 'No tab "t9" in the document.'),
    ("key twice", "internal_number", ("key",), "o1", 'The key "o1" is used twice.'),
]


@pytest.mark.parametrize(
    ("case", "type_", "where", "value", "message"), REFERENCES, ids=[r[0] for r in REFERENCES]
)
def test_when_a_reference_does_not_resolve_then_422_naming_it_and_nothing_written(
    app, admin, admin_client, document, case, type_, where, value, message
):
    index = _object(document, type_)
    changed = copy.deepcopy(document)
    node = changed["objects"][index]
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    before = _draft(app, admin["account_id"])

    response = admin_client.post(IMPORT, json={"document": changed, "mode": "replace"})
    assert response.status_code == 422, response.get_json()
    errors = response.get_json()["errors"]["json"]
    found = _at(errors, ("document", "objects", str(index), *where))
    if message is not None:
        assert found == [message]
        assert response.get_json()["message"].endswith(message)
    if case == "member target":
        assert found == {"0": {"target": ['No object "o99" in the document.']}}
    if case == "member start":
        assert "start" in found["0"]
    assert _draft(app, admin["account_id"]) == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("source", "o99", 'No object "o99" in the document.'),
        ("source_port", "nowhere", 'Phone Number has no output port "nowhere".'),
        ("target_port", "members", 'Ring Group has no input port "members".'),
    ],
)
def test_when_a_cable_is_broken_then_422_naming_it_and_nothing_written(
    app, admin, admin_client, document, field, value, message
):
    changed = copy.deepcopy(document)
    changed["cables"][0][field] = value
    before = _draft(app, admin["account_id"])
    response = admin_client.post(IMPORT, json={"document": changed, "mode": "merge"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]["json"]
    assert _at(errors, ("document", "cables", "0", field)) == [message]
    assert _draft(app, admin["account_id"]) == before


def test_when_several_references_fail_then_all_are_named(admin_client, document):
    changed = copy.deepcopy(document)
    changed["objects"][_object(document, "phone_number")]["properties"]["number"] = "+1999"
    changed["objects"][_object(document, "internal_number")]["properties"]["number"] = "999"
    response = admin_client.post(IMPORT, json={"document": changed, "mode": "replace"})
    objects = response.get_json()["errors"]["json"]["document"]["objects"]
    assert len(objects) == 2


# ---- export -----------------------------------------------------------------------------------


def test_when_exported_then_natural_keys_and_local_keys_replace_ids(app, admin_client, flow):
    document = admin_client.get(EXPORT).get_json()
    assert document["format"] == "callflow-workspace" and document["version"] == 1
    assert document["tabs"] == [{"key": "t1", "name": "Main", "position": 0}]
    by_type = {o["type"]: o for o in document["objects"]}
    assert [o["key"] for o in document["objects"]] == ["o1", "o2", "o3", "o4"]
    assert by_type["phone_number"]["properties"] == {"number": "+14155550100"}
    assert by_type["internal_number"]["properties"] == {"number": "101"}
    assert by_type["contact_method"]["properties"] == {
        "contact_method": {
            "contact": "Mike Brown",
            "email": "mike.brown@example.com",
            "kind": "call_center",
        }
    }
    assert by_type["ring_group"]["properties"]["members"] == [
        {"target": by_type["contact_method"]["key"], "start": 0, "duration": 30}
    ]
    assert by_type["ring_group"]["position"] == {"x": 300.0, "y": 60.0}
    assert {"key": "c3", "source": "o4", "source_port": "members", "target": "o3",
            "target_port": "calls"} in document["cables"]  # fmt: skip


def test_when_a_referenced_row_was_deleted_then_it_is_exported_as_unset(app, admin_client, flow):
    with app.app_context():
        settings = db.session.get(CallCenterSettings, flow["method"])
        settings.external_caller_id, settings.outbound_calling = None, False
        db.session.commit()
        delete_row(PhoneNumber, flow["phone_number"])
    document = admin_client.get(EXPORT).get_json()
    phone = next(o for o in document["objects"] if o["type"] == "phone_number")
    assert phone["properties"] == {"number": None}


class _Inventory:
    phones = {1: "+14155550100"}
    internals = {1: "101"}
    schedules = {1: "Office hours"}

    def method_key(self, row_id):
        return {"contact": "Mike Brown", "email": None, "kind": "call_center"}


def test_every_reference_collection_of_every_type_has_a_natural_key():
    for kind in REGISTRY.values():
        for ref in kind.references:
            assert export_ref(ref.collection, 1, _Inventory()) is not None, ref.collection
    with pytest.raises(NotImplementedError):
        export_ref("teleporters", 1, _Inventory())


# ---- import -----------------------------------------------------------------------------------


def test_when_exported_and_imported_into_another_account_then_exports_are_identical(
    app, admin_client, other_admin, other_client, flow
):
    exported = admin_client.get(EXPORT).get_json()
    with app.app_context():
        mike_brown(other_admin["account_id"])  # the same numbers and contact, other ids
        make_tab(other_admin["account_id"], "Old")
    response = other_client.post(IMPORT, json={"document": exported, "mode": "replace"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["mode"] == "replace" and body["problems"] == []
    assert set(body["objects"]) == {"o1", "o2", "o3", "o4"}
    assert other_client.get(EXPORT).get_json() == exported

    with app.app_context():
        theirs = load_draft(other_admin["account_id"])
    assert [t["name"] for t in theirs["tabs"]] == ["Main"]  # "Old" was replaced
    group = next(o for o in theirs["objects"] if o["type"] == "ring_group")
    assert group["properties"]["members"][0]["target"] == body["objects"]["o3"]
    assert other_client.post(PUBLISH, json={"message": "imported"}).status_code == 201
    mine = admin_client.post(PUBLISH, json={"message": "original"}).get_json()
    plans = [c.get(f"{REVISIONS}/1/plan").get_json() for c in (admin_client, other_client)]
    assert set(plans[0]["routes"]) == set(plans[1]["routes"]) == {"+14155550100", "ext:101"}
    assert mine["number"] == 1


def test_when_replacing_then_the_draft_changes_but_the_published_revision_does_not(
    app, admin, admin_client, document
):
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    smaller = copy.deepcopy(document)
    smaller["objects"] = [o for o in smaller["objects"] if o["type"] == "phone_number"]
    smaller["objects"][0]["name"] = "Imported"
    smaller["cables"] = []
    response = admin_client.post(IMPORT, json={"document": smaller, "mode": "replace"})
    assert response.status_code == 200
    codes = [p["code"] for p in response.get_json()["problems"]]
    assert "entry.no_route" in codes  # imported as it is; publishing will refuse it
    draft = _draft(app, admin["account_id"])
    assert [o["name"] for o in draft["objects"]] == ["Imported"]
    assert draft["cables"] == []
    with app.app_context():
        assert count(Revision) == 1
        state = db.session.get(WorkspaceState, admin["account_id"])
        assert state.published_revision == 1
        assert state.draft_version == response.get_json()["draft_version"]
    events = [e for e in sock.get_received("/workspace") if e["name"] == "draft.replaced"]
    assert events and events[0]["args"][0]["reason"] == "import"
    sock.disconnect(namespace="/workspace")


def test_when_merging_then_tabs_match_by_name_objects_are_added_and_problems_reported(
    app, admin, admin_client, flow, document
):
    response = admin_client.post(IMPORT, json={"document": document, "mode": "merge"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["tabs"] == {"t1": flow["tab"]}  # "Main" exists: reused
    assert not set(body["objects"].values()) & {flow["o_phone"], flow["o_group"]}
    codes = {p["code"] for p in body["problems"]}
    assert "number.placed_twice" in codes
    with app.app_context():
        assert count(WorkspaceObject) == 8 and count(Tab) == 1


def test_when_merging_a_new_tab_then_it_is_added_after_the_existing_ones(
    app, admin, admin_client, flow
):
    with app.app_context():
        make_tab(admin["account_id"], "Second", position=4)
    document = {
        "format": "callflow-workspace",
        "version": 1,
        "tabs": [{"key": "night", "name": "Night", "position": 0}],
        "objects": [{"key": "rg", "tab": "night", "type": "ring_group", "name": "Night shift"}],
        "cables": [],
    }
    response = admin_client.post(IMPORT, json={"document": document, "mode": "merge"})
    assert response.status_code == 200
    with app.app_context():
        night = db.session.get(Tab, response.get_json()["tabs"]["night"])
        assert night.name == "Night" and night.position == 5
        group = db.session.get(WorkspaceObject, response.get_json()["objects"]["rg"])
        assert group.tab_id == night.id and group.properties == {}


def test_when_a_draft_is_written_then_its_snapshot_is_the_draft_read_back(app, admin, flow):
    tabs = [{"id": "t2", "name": "Night", "position": 3}, {"id": "t1", "name": "Day"}]
    members = [
        {"target": "o3", "start": 0, "duration": 30},
        {"target": "gone", "start": 5, "duration": 30},  # names no row: left out
    ]
    objects = [
        {"id": "o1", "tab": "t2", "type": "ring_group", "name": "Group", "position": {"x": 3,
         "y": -2.5}, "properties": {"members": members}},
        {"id": "o2", "tab": "t1", "type": "phone_number", "name": None, "properties": {}},
        {"id": "o3", "tab": "t1", "type": "contact_method", "name": "Mike",
         "position": {"x": 1.5, "y": 0.0}, "properties": {"contact_method": flow["method"]}},
    ]  # fmt: skip
    cables = [
        {"id": "c1", "source": "o2", "source_port": "calls", "target": "o1",
         "target_port": "calls"},
        {"id": "c2", "source": "o1", "source_port": "members", "target": "o3",
         "target_port": "calls"},
    ]  # fmt: skip
    with app.app_context():
        delete_draft(admin["account_id"])
        ids = write_rows(admin["account_id"], tabs=tabs, objects=objects, cables=cables)
        written = written_snapshot(ids, tabs=tabs, objects=objects, cables=cables)
        assert written == load_draft(admin["account_id"])
        assert validate_draft(admin["account_id"], written) == validate_draft(admin["account_id"])
        db.session.rollback()


def test_when_replacing_then_the_problems_are_those_of_the_draft_read_back(
    app, admin, admin_client, document
):
    changed = copy.deepcopy(document)
    changed["cables"] = changed["cables"][1:]  # a problem or more to report
    changed["objects"][0]["position"] = {"x": 5, "y": 6}
    response = admin_client.post(IMPORT, json={"document": changed, "mode": "replace"})
    assert response.status_code == 200, response.get_json()
    problems = response.get_json()["problems"]
    assert problems
    with app.app_context():
        assert validate_draft(admin["account_id"])[2] == problems
