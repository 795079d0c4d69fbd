"""/api/v1/revisions: refusals and tenancy first, then history, plans, diffs and rollback."""

from __future__ import annotations

import pytest

from tests.factories_publishing import (
    PUBLISH,
    REVISIONS,
    count,
    delete_row,
    make_cable,
    make_internal_number,
    make_object,
    make_tab,
    simple_call_flow,
)
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.numbers.models import PhoneNumber
from workspace.extensions import db, socketio
from workspace.objects.draft import load_draft
from workspace.objects.models import Cable, Revision, WorkspaceObject, WorkspaceState


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


@pytest.fixture
def published(admin_client, flow):
    response = admin_client.post(PUBLISH, json={"message": "v1"})
    assert response.status_code == 201, response.get_json()
    return flow


def _draft(app, account_id: int) -> dict:
    with app.app_context():
        return load_draft(account_id)


def _second_revision(app, admin, admin_client, flow) -> dict:
    """Rename the ring group, move the phone number, add extension 102 routed to the group."""
    account = admin["account_id"]
    with app.app_context():
        group = db.session.get(WorkspaceObject, flow["o_group"])
        group.name = "Sales"
        db.session.get(WorkspaceObject, flow["o_phone"]).x = 40.0
        db.session.commit()
        number = make_internal_number(account, "102")
        ext = make_object(account, flow["tab"], "internal_number", "102", {"number": number})
        cable = make_cable(account, ext, "calls", flow["o_group"], "calls")
    assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
    return {"ext": ext, "cable": cable}


# ---- refusals and tenancy -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [REVISIONS, f"{REVISIONS}/1", f"{REVISIONS}/1/plan", f"{REVISIONS}/1/diff/1"]
)
def test_when_not_logged_in_then_401(client, url):
    assert client.get(url).status_code == 401


@pytest.mark.parametrize(
    "url",
    [f"{REVISIONS}/2", f"{REVISIONS}/2/plan", f"{REVISIONS}/1/diff/2", f"{REVISIONS}/2/diff/1"],
)
def test_when_number_unknown_then_404(admin_client, published, url):
    response = admin_client.get(url)
    assert response.status_code == 404
    assert response.get_json()["message"] == "Revision 2 not found."


def test_when_rollback_to_unknown_number_then_404_and_nothing_changes(
    app, admin, admin_client, published
):
    before = _draft(app, admin["account_id"])
    response = admin_client.post(f"{REVISIONS}/7/rollback", json={})
    assert response.status_code == 404
    assert _draft(app, admin["account_id"]) == before
    with app.app_context():
        assert count(Revision) == 1


@pytest.mark.parametrize("url", [f"{REVISIONS}/1", f"{REVISIONS}/1/plan", f"{REVISIONS}/1/diff/1"])
def test_when_other_account_reads_a_revision_then_404(other_client, published, url):
    assert other_client.get(url).status_code == 404


def test_when_other_account_rolls_back_then_404_and_nothing_changes(
    app, admin, other_client, published
):
    before = _draft(app, admin["account_id"])
    response = other_client.post(f"{REVISIONS}/1/rollback", json={})
    assert response.status_code == 404
    assert _draft(app, admin["account_id"]) == before
    with app.app_context():
        assert count(Revision) == 1


def test_when_other_account_lists_then_it_sees_only_its_own(
    app, admin_client, other_client, other_admin, published
):
    assert other_client.get(REVISIONS).get_json() == {"items": [], "total": 0}
    with app.app_context():
        make_tab(other_admin["account_id"], "Theirs")
    theirs = other_client.post(PUBLISH, json={"message": "their first"}).get_json()
    assert theirs["number"] == 1  # numbers count per account
    listed = other_client.get(REVISIONS).get_json()
    assert [r["message"] for r in listed["items"]] == ["their first"]
    assert other_client.get(f"{REVISIONS}/1").get_json()["snapshot"]["objects"] == []
    assert admin_client.get(f"{REVISIONS}/1").get_json()["message"] == "v1"


@pytest.mark.parametrize(
    ("body", "field"), [({"message": "x" * 501}, "message"), ({"reason": "oops"}, "reason")]
)
def test_when_rollback_body_invalid_then_422_and_nothing_changes(
    app, admin_client, published, body, field
):
    response = admin_client.post(f"{REVISIONS}/1/rollback", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    with app.app_context():
        assert count(Revision) == 1


def test_when_rolled_back_snapshot_no_longer_validates_then_422_and_nothing_changes(
    app, admin, admin_client, published
):
    flow = published
    account = admin["account_id"]
    with app.app_context():
        # Today's data: the phone number is gone from the inventory (and from the settings).
        db.session.get(CallCenterSettings, flow["method"]).external_caller_id = None
        db.session.get(CallCenterSettings, flow["method"]).outbound_calling = False
        db.session.commit()
        delete_row(WorkspaceObject, flow["o_phone"])
        delete_row(PhoneNumber, flow["phone_number"])
    assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
    with app.app_context():
        db.session.get(WorkspaceObject, flow["o_group"]).name = "Edited, unpublished"
        db.session.commit()
    before = _draft(app, account)

    response = admin_client.post(f"{REVISIONS}/1/rollback", json={"message": "back"})
    assert response.status_code == 422
    problems = response.get_json()["errors"]["graph"]
    missing = [p for p in problems if p["code"] == "reference.missing"]
    assert missing and flow["o_phone"] in missing[0]["objects"]
    assert _draft(app, account) == before
    with app.app_context():
        assert count(Revision) == 2
        assert db.session.get(WorkspaceState, account).published_revision == 2


# ---- history, detail, plan ----------------------------------------------------------------------


def test_when_listed_then_newest_first_with_summary_fields_and_paging(
    app, admin, admin_client, published
):
    _second_revision(app, admin, admin_client, published)
    body = admin_client.get(REVISIONS).get_json()
    assert body["total"] == 2
    assert [r["number"] for r in body["items"]] == [2, 1]
    assert [r["is_published"] for r in body["items"]] == [True, False]
    first = body["items"][1]
    assert set(first) == {
        "number",
        "hash",
        "message",
        "author_name",
        "created_at",
        "is_published",
        "rollback_of",
    }
    assert first["message"] == "v1" and first["author_name"] == "Test Admin"
    page = admin_client.get(f"{REVISIONS}?per_page=1&page=2").get_json()
    assert page["total"] == 2 and [r["number"] for r in page["items"]] == [1]
    found = admin_client.get(f"{REVISIONS}?q=v2").get_json()
    assert [r["number"] for r in found["items"]] == [2]
    assert admin_client.get(f"{REVISIONS}?per_page=0").status_code == 422


def test_when_one_revision_read_then_snapshot_and_plan_are_those_published(
    app, admin, admin_client, published
):
    snapshot = _draft(app, admin["account_id"])
    _second_revision(app, admin, admin_client, published)
    detail = admin_client.get(f"{REVISIONS}/1").get_json()
    assert detail["number"] == 1 and detail["is_published"] is False
    assert detail["snapshot"] == snapshot
    plan = admin_client.get(f"{REVISIONS}/1/plan").get_json()
    assert plan["revision"] == 1 and plan["hash"] == detail["hash"]
    assert set(plan["routes"]) == {"+14155550100", "ext:101"}
    assert set(plan["devices"]) == {str(published["laptop"]), str(published["phone"])}


# ---- diff ---------------------------------------------------------------------------------


def test_when_diffed_then_objects_cables_and_plan_changes_are_listed(
    app, admin, admin_client, published
):
    added = _second_revision(app, admin, admin_client, published)
    diff = admin_client.get(f"{REVISIONS}/1/diff/2").get_json()
    assert diff["from"] == 1 and diff["to"] == 2
    assert [o["id"] for o in diff["objects"]["added"]] == [added["ext"]]
    assert diff["objects"]["added"][0]["name"] == "102"
    assert diff["objects"]["removed"] == []
    changed = diff["objects"]["changed"]
    assert [(c["id"], c["fields"]) for c in changed] == [
        (published["o_phone"], ["position"]),
        (published["o_group"], ["name"]),
    ]
    # Property level: each field before -> after, and the row named, not numbered
    assert changed[0]["changes"] == [
        {"field": "position", "before": {"x": 0.0, "y": 0.0}, "after": {"x": 40.0, "y": 0.0}}
    ]
    assert changed[1]["name"] == "Sales"
    assert [c["id"] for c in diff["cables"]["added"]] == [added["cable"]]
    assert diff["cables"]["removed"] == []
    assert diff["tabs"] == {"added": [], "removed": [], "changed": []}
    assert diff["plan"]["routes"] == {"added": ["ext:102"], "removed": [], "changed": []}
    devices = sorted([str(published["laptop"]), str(published["phone"])])
    assert diff["plan"]["devices"] == {"added": [], "removed": [], "changed": devices}

    back = admin_client.get(f"{REVISIONS}/2/diff/1").get_json()
    assert [o["id"] for o in back["objects"]["removed"]] == [added["ext"]]
    assert back["plan"]["routes"]["removed"] == ["ext:102"]
    same = admin_client.get(f"{REVISIONS}/2/diff/2").get_json()
    assert same["objects"] == {"added": [], "removed": [], "changed": []}
    assert same["plan"]["routes"] == {"added": [], "removed": [], "changed": []}


# ---- rollback ---------------------------------------------------------------------------------


def test_when_rolled_back_then_draft_is_the_snapshot_with_same_ids_and_published_as_new_revision(
    app, admin, admin_client, published
):
    account = admin["account_id"]
    v1 = _draft(app, account)
    _second_revision(app, admin, admin_client, published)
    with app.app_context():
        delete_row(WorkspaceObject, published["o_method"])  # and an unpublished edit on top
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)

    response = admin_client.post(f"{REVISIONS}/1/rollback", json={})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["number"] == 3 and body["rollback_of"] == 1 and body["is_published"] is True
    assert body["message"] == "Rollback to revision 1"
    assert body["unchanged"] is False
    assert _draft(app, account) == v1  # same ids, names, positions, properties
    detail = admin_client.get(f"{REVISIONS}/3").get_json()
    assert detail["snapshot"] == v1
    assert detail["hash"] == admin_client.get(f"{REVISIONS}/1").get_json()["hash"]
    with app.app_context():
        versions = {o.version for o in db.session.execute(db.select(WorkspaceObject)).scalars()}
        assert versions == {1}
        assert db.session.get(WorkspaceState, account).draft_version == body["draft_version"] > 0
    listed = admin_client.get(REVISIONS).get_json()["items"]
    assert [(r["number"], r["rollback_of"], r["is_published"]) for r in listed] == [
        (3, 1, True),
        (2, None, False),
        (1, None, False),
    ]
    names = [e["name"] for e in sock.get_received("/workspace")]
    assert "draft.replaced" in names and "revision.published" in names
    sock.disconnect(namespace="/workspace")


def test_when_rolled_back_to_the_published_snapshot_then_draft_edits_go_and_revision_is_reused(
    app, admin, admin_client, published
):
    account = admin["account_id"]
    v1 = _draft(app, account)
    with app.app_context():
        db.session.get(WorkspaceObject, published["o_group"]).name = "Draft edit"
        db.session.commit()
    response = admin_client.post(f"{REVISIONS}/1/rollback", json={"message": "discard"})
    assert response.status_code == 200
    assert response.get_json()["unchanged"] is True and response.get_json()["number"] == 1
    assert _draft(app, account) == v1
    with app.app_context():
        assert count(Revision) == 1


def test_when_an_id_is_taken_by_another_account_then_rollback_gives_a_new_id_and_rewires_it(
    app, admin, other_admin, admin_client, published
):
    account = admin["account_id"]
    method_object = published["o_method"]
    with app.app_context():
        delete_row(WorkspaceObject, method_object)
        # Another account's row now holds the id (SQLite reuses the highest deleted rowid).
        theirs = make_tab(other_admin["account_id"], "Theirs")
        db.session.add(
            WorkspaceObject(
                id=method_object,
                account_id=other_admin["account_id"],
                tab_id=theirs,
                type="ring_group",
                name="Theirs",
                properties={},
            )
        )
        db.session.commit()

    response = admin_client.post(f"{REVISIONS}/1/rollback", json={})
    assert response.status_code == 201, response.get_json()
    draft = _draft(app, account)
    restored = next(o for o in draft["objects"] if o["type"] == "contact_method")
    assert restored["id"] != method_object and restored["name"] == "Mike Brown"
    group = next(o for o in draft["objects"] if o["id"] == published["o_group"])
    assert group["properties"]["members"][0]["target"] == restored["id"]
    member_cable = next(c for c in draft["cables"] if c["source_port"] == "members")
    assert member_cable["target"] == restored["id"]
    with app.app_context():
        theirs_row = db.session.get(WorkspaceObject, method_object)
        assert theirs_row.account_id == other_admin["account_id"] and theirs_row.name == "Theirs"
        assert db.session.get(Cable, published["c_member"]).target_id == restored["id"]
