"""POST /api/v1/workspace/publish: refusals first, then revisions, idempotence, events, races."""

from __future__ import annotations

import threading

import pytest

from tests.factories_publishing import (
    PUBLISH,
    REVISIONS,
    count,
    delete_row,
    make_object,
    make_phone_number,
    simple_call_flow,
)
from tests.support import statements
from workspace.auth.models import Admin
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.extensions import db, socketio
from workspace.objects.draft import load_draft
from workspace.objects.facts import load_facts
from workspace.objects.models import Cable, Revision, WorkspaceObject, WorkspaceState
from workspace.objects.publishing_service import publish_workspace
from workspace.objects.state import read_state


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


def _published(app, account_id: int) -> int | None:
    with app.app_context():
        state = db.session.get(WorkspaceState, account_id)
        return state.published_revision if state else None


# ---- refusals ---------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    response = client.post(PUBLISH, json={"message": "x"})
    assert response.status_code == 401


def test_when_csrf_header_missing_then_403_and_nothing_published(app, admin_client, flow):
    response = admin_client.post(PUBLISH, json={"message": "x"}, csrf=False)
    assert response.status_code == 403
    with app.app_context():
        assert count(Revision) == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "message"),
        ({"message": ""}, "message"),
        ({"message": "   "}, "message"),
        ({"message": "x" * 501}, "message"),
        ({"message": 5}, "message"),
        ({"message": "ok", "force": True}, "force"),
    ],
)
def test_when_body_invalid_then_422_naming_field_and_nothing_published(
    app, admin_client, flow, body, field
):
    response = admin_client.post(PUBLISH, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    with app.app_context():
        assert count(Revision) == 0


def test_when_draft_has_errors_then_422_with_problems_and_nothing_published(
    app, admin, admin_client, flow
):
    with app.app_context():
        delete_row(Cable, flow["c_member"])  # the ring group loses its only member
    response = admin_client.post(PUBLISH, json={"message": "broken"})
    assert response.status_code == 422
    body = response.get_json()
    codes = [p["code"] for p in body["errors"]["graph"]]
    assert "ring_group.no_members" in codes
    assert body["errors"]["graph"][0]["severity"] == "error"
    assert (
        flow["o_group"] in body["errors"]["graph"][codes.index("ring_group.no_members")]["objects"]
    )
    assert "error" in body["message"]
    with app.app_context():
        assert count(Revision) == 0
    assert _published(app, admin["account_id"]) is None


def test_when_errors_after_a_publish_then_previous_revision_stays_published_and_plan_unchanged(
    app, admin, admin_client, flow
):
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    plan_before = admin_client.get(f"{REVISIONS}/1/plan").get_json()
    with app.app_context():
        make_object(admin["account_id"], flow["tab"], "phone_number", "Unrouted", {"number": None})
    response = admin_client.post(PUBLISH, json={"message": "v2"})
    assert response.status_code == 422
    codes = {p["code"] for p in response.get_json()["errors"]["graph"]}
    assert {"reference.unset", "entry.no_route"} <= codes
    assert _published(app, admin["account_id"]) == 1
    listed = admin_client.get(REVISIONS).get_json()
    assert listed["total"] == 1 and listed["items"][0]["is_published"] is True
    assert admin_client.get(f"{REVISIONS}/1/plan").get_json() == plan_before


# ---- publishing ---------------------------------------------------------------------------------


def test_when_draft_valid_then_201_revision_1_stores_snapshot_plan_and_author(
    app, admin, admin_client, flow
):
    response = admin_client.post(PUBLISH, json={"message": "  Mike's line  "})
    assert response.status_code == 201
    body = response.get_json()
    assert body["number"] == 1
    assert body["unchanged"] is False
    assert body["is_published"] is True
    assert body["message"] == "Mike's line"
    assert body["author_name"] == "Test Admin"
    assert body["rollback_of"] is None
    assert body["hash"].startswith("sha256:")
    with app.app_context():
        revision = db.session.execute(db.select(Revision)).scalar_one()
        assert revision.author_id == admin["id"]
        assert revision.snapshot == load_draft(admin["account_id"])
        assert revision.plan["revision"] == 1
        assert revision.plan["hash"] == revision.hash == body["hash"]
        assert revision.plan["compiled_at"].endswith("Z")
        assert revision.plan["format"] == 2
        assert set(revision.plan["routes"]) == {"+14155550100", "ext:101"}
    assert _published(app, admin["account_id"]) == 1


def test_when_draft_has_only_warnings_then_published_with_the_warnings(
    app, admin, admin_client, flow
):
    with app.app_context():
        lonely = make_object(
            admin["account_id"],
            flow["tab"],
            "contact_method",
            "Uncabled",
            {"contact_method": flow["method"]},
        )
    response = admin_client.post(PUBLISH, json={"message": "with a warning"})
    assert response.status_code == 201
    problems = response.get_json()["problems"]
    assert problems and all(p["severity"] == "warning" for p in problems)
    assert any(p["code"] == "object.unreachable" and lonely in p["objects"] for p in problems)


def test_when_nothing_changed_since_a_publish_with_warnings_then_unchanged_with_the_same_warnings(
    app, admin, admin_client, flow
):
    # The unchanged answer comes from the revision's source hash, without compiling again:
    # its warnings are the ones stored with the revision.
    with app.app_context():
        make_object(
            admin["account_id"],
            flow["tab"],
            "contact_method",
            "Uncabled",
            {"contact_method": flow["method"]},
        )
    first = admin_client.post(PUBLISH, json={"message": "with a warning"}).get_json()
    again = admin_client.post(PUBLISH, json={"message": "again"})
    assert again.status_code == 200 and again.get_json()["unchanged"] is True
    assert again.get_json()["problems"] == first["problems"] != []
    with app.app_context():
        stored = db.session.execute(db.select(Revision)).scalar_one()
        assert stored.source_hash.startswith("sha256:") and stored.warnings == first["problems"]


def test_when_facts_moved_without_changing_the_plan_then_unchanged_and_the_next_check_is_cheap(
    app, admin, admin_client, flow
):
    first = admin_client.post(PUBLISH, json={"message": "v1"}).get_json()
    with app.app_context():
        before = db.session.execute(db.select(Revision.source_hash)).scalar_one()
        make_phone_number(admin["account_id"], "+14155550999")  # in the facts, on no route
    again = admin_client.post(PUBLISH, json={"message": "v1 again"})
    assert again.status_code == 200 and again.get_json()["hash"] == first["hash"]
    with app.app_context():
        after = db.session.execute(db.select(Revision.source_hash)).scalar_one()
    assert after != before  # remembered: the same draft and facts skip the compile next time


def test_when_draft_version_and_facts_are_the_published_ones_then_unchanged_without_the_draft(
    app, admin_client, flow
):
    first = admin_client.post(PUBLISH, json={"message": "v1"}).get_json()
    with statements(app) as sent:
        again = admin_client.post(PUBLISH, json={"message": "v1 again"})
    assert again.status_code == 200 and again.get_json()["unchanged"] is True
    assert again.get_json()["number"] == first["number"]
    read = " ".join(sent).lower()
    assert "from workspace_objects" not in read and "from cables" not in read
    # Nor the facts: their version stands, so the first publish's facts and hash are reused.
    assert "from contact_methods" not in read and "facts_version" in read


def test_when_a_draft_row_is_written_past_the_services_then_its_commit_moves_the_version(
    app, admin, admin_client, flow
):
    # The unchanged check trusts the draft version, so a write that forgot to bump it (here a
    # test factory's plain ORM insert) must move it at commit, and the publish must see it.
    admin_client.post(PUBLISH, json={"message": "v1"})
    with app.app_context():
        before = db.session.get(WorkspaceState, admin["account_id"]).draft_version
        make_object(
            admin["account_id"],
            flow["tab"],
            "contact_method",
            "Late",
            {"contact_method": flow["method"]},
        )
        after = db.session.get(WorkspaceState, admin["account_id"]).draft_version
    assert after == before + 1
    again = admin_client.post(PUBLISH, json={"message": "with the late object"})
    assert again.status_code == 201 and again.get_json()["unchanged"] is False


def test_when_a_service_bumps_the_version_then_its_commit_adds_no_second_bump(
    app, admin, admin_client, flow
):
    with app.app_context():
        before = read_state(admin["account_id"])["draft_version"]
    made = admin_client.post(
        "/api/v1/objects",
        json={"tab_id": flow["tab"], "type": "ring_group", "position": {"x": 0, "y": 0}},
    )
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["draft_version"] == before + 1
    with app.app_context():
        assert read_state(admin["account_id"])["draft_version"] == before + 1


def test_when_nothing_changed_then_200_with_the_published_revision_and_no_new_number(
    app, admin_client, flow
):
    first = admin_client.post(PUBLISH, json={"message": "v1"}).get_json()
    again = admin_client.post(PUBLISH, json={"message": "v1 again"})
    assert again.status_code == 200
    body = again.get_json()
    assert body["unchanged"] is True
    assert body["number"] == 1 and body["hash"] == first["hash"]
    assert body["message"] == "v1"  # the existing revision, not a copy
    with app.app_context():
        assert count(Revision) == 1


def test_when_only_a_position_changed_then_a_new_revision_with_the_same_plan_hash(
    app, admin_client, flow
):
    first = admin_client.post(PUBLISH, json={"message": "v1"}).get_json()
    with app.app_context():
        db.session.get(WorkspaceObject, flow["o_group"]).x = 999.0
        db.session.commit()
    second = admin_client.post(PUBLISH, json={"message": "tidy"})
    assert second.status_code == 201
    assert second.get_json()["number"] == 2
    assert second.get_json()["hash"] == first["hash"]


def test_when_only_contact_center_data_changed_then_a_new_revision_with_a_new_hash(
    app, admin_client, flow
):
    first = admin_client.post(PUBLISH, json={"message": "v1"}).get_json()
    with app.app_context():
        db.session.get(CallCenterSettings, flow["method"]).caller_id_name = "Mike B."
        db.session.commit()
    second = admin_client.post(PUBLISH, json={"message": "caller id"})
    assert second.status_code == 201
    assert second.get_json()["hash"] != first["hash"]
    plan = admin_client.get(f"{REVISIONS}/2/plan").get_json()
    assert plan["devices"][str(flow["laptop"])]["caller_id"]["name"] == "Mike B."


def test_when_published_then_revision_event_reaches_the_account_only_after_success(
    app, admin_client, other_client, flow
):
    mine = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    theirs = socketio.test_client(
        app, namespace="/workspace", flask_test_client=other_client.client
    )
    with app.app_context():
        delete_row(Cable, flow["c_member"])
    assert admin_client.post(PUBLISH, json={"message": "broken"}).status_code == 422
    assert [e for e in mine.get_received("/workspace") if e["name"] == "revision.published"] == []
    with app.app_context():
        db.session.add(
            Cable(
                account_id=db.session.get(WorkspaceObject, flow["o_group"]).account_id,
                source_id=flow["o_group"],
                source_port="members",
                target_id=flow["o_method"],
                target_port="calls",
            )
        )
        db.session.commit()
    assert admin_client.post(PUBLISH, json={"message": "fixed"}).status_code == 201
    assert admin_client.post(PUBLISH, json={"message": "same"}).status_code == 200
    events = [e for e in mine.get_received("/workspace") if e["name"] == "revision.published"]
    assert len(events) == 1  # the unchanged publish announced nothing
    payload = events[0]["args"][0]
    assert payload["number"] == 1 and payload["message"] == "fixed"
    assert "plan" not in payload and "snapshot" not in payload
    assert [e for e in theirs.get_received("/workspace") if e["name"] == "revision.published"] == []
    mine.disconnect(namespace="/workspace")
    theirs.disconnect(namespace="/workspace")


# ---- two publishes at once --------------------------------------------------------------------


def _run_at_once(app, work) -> list:
    """Run work(index) in two threads, each in its own app context; results or exceptions."""
    results: list = [None, None]
    barrier = threading.Barrier(2, timeout=30)

    def run(index: int) -> None:
        with app.app_context():
            try:
                results[index] = work(index, barrier)
            except Exception as exc:  # reported below, so a failure names its cause
                results[index] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_when_two_admins_publish_their_edits_at_once_then_revisions_1_and_2_without_error(
    app, admin, flow
):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite takes its write lock at BEGIN IMMEDIATE: no race to show")
    moved = [flow["o_phone"], flow["o_ext"]]

    def work(index: int, barrier: threading.Barrier) -> dict:
        author = db.session.get(Admin, admin["id"])
        # Each admin's own edit, uncommitted, is part of what that admin publishes.
        db.session.get(WorkspaceObject, moved[index]).y = 500.0 + index
        db.session.flush()
        barrier.wait()
        return publish_workspace(admin["account_id"], author, f"edit {index}")

    results = _run_at_once(app, work)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r["number"] for r in results) == [1, 2]
    assert not any(r["unchanged"] for r in results)
    assert _published(app, admin["account_id"]) == 2
    with app.app_context():
        latest = db.session.execute(db.select(Revision).where(Revision.number == 2)).scalar_one()
        ys = {o["id"]: o["position"]["y"] for o in latest.snapshot["objects"]}
        assert ys[moved[0]] == 500.0 and ys[moved[1]] == 501.0  # the later saw the earlier


def test_when_the_same_draft_is_published_twice_at_once_then_one_revision_and_one_unchanged(
    app, admin, flow
):
    def work(index: int, barrier: threading.Barrier) -> dict:
        author = db.session.get(Admin, admin["id"])
        db.session.commit()  # no transaction held at the barrier (SQLite's BEGIN IMMEDIATE)
        barrier.wait()
        return publish_workspace(admin["account_id"], author, f"click {index}")

    results = _run_at_once(app, work)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r["number"] for r in results] == [1, 1]
    assert sorted(r["unchanged"] for r in results) == [False, True]
    with app.app_context():
        assert count(Revision) == 1


def test_when_nothing_changed_then_no_device_recompute_is_announced(app, admin, admin_client, flow):
    """An unchanged publish moves no device: a recompute of every device would be waste."""
    from workspace.signals import devices_may_change

    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    heard: list[str] = []

    def receiver(sender, reason: str = "", **_) -> None:
        heard.append(reason)

    devices_may_change.connect(receiver)
    try:
        again = admin_client.post(PUBLISH, json={"message": "v1 again"})
        assert again.status_code == 200 and again.get_json()["unchanged"] is True
        assert heard == []
        with app.app_context():  # a real change still announces
            make_object(
                admin["account_id"],
                flow["tab"],
                "contact_method",
                "New",
                {"contact_method": flow["method"]},
            )
        assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
        assert heard == ["publish"]
    finally:
        devices_may_change.disconnect(receiver)


def test_when_facts_are_loaded_only_to_validate_then_the_directory_is_left_out_and_nothing_else(
    app, admin, flow
):
    with app.app_context():
        full = load_facts(admin["account_id"])
        to_validate = load_facts(admin["account_id"], directory=False)
    assert full["directory_version"] and to_validate["directory_version"] is None
    assert {**to_validate, "directory_version": full["directory_version"]} == full
