"""Workspace events on Socket.IO /workspace: rooms per tab, versions, presence, relays."""

from __future__ import annotations

import pytest

from tests.factories import DEFAULT_PASSWORD
from tests.factories_workspace import (
    CABLES,
    OBJECTS,
    TABS,
    draft_version,
    if_match,
    make_colleague,
    new_cable,
    new_object,
    new_tab,
)
from tests.support import ApiClient
from workspace.auth.models import AdminSession
from workspace.extensions import db, socketio

NS = "/workspace"


@pytest.fixture
def colleague_client(app, admin) -> ApiClient:
    with app.app_context():
        colleague = make_colleague(admin["account_id"], email="carol@example.com")
    api = ApiClient(app.test_client())
    api.login(colleague["email"], DEFAULT_PASSWORD)
    return api


_OPEN: list = []


@pytest.fixture(autouse=True)
def _disconnect_sockets():
    """Presence lives in the process: every socket a test opens leaves when the test ends."""
    yield
    while _OPEN:
        sock = _OPEN.pop()
        if sock.is_connected(NS):
            sock.disconnect(namespace=NS)


def _connect(app, api: ApiClient):
    sock = socketio.test_client(app, namespace=NS, flask_test_client=api.client)
    assert sock.is_connected(NS)
    _OPEN.append(sock)
    return sock


def _join(sock, tab_id) -> dict:
    return sock.emit("join_tab", {"tab_id": tab_id}, namespace=NS, callback=True)


def _events(sock, name: str | None = None) -> list:
    received = sock.get_received(NS)
    return [e["args"][0] for e in received if name is None or e["name"] == name]


def _without_draft(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "draft_version"}


# ---- refusals ----


def test_when_admin_of_another_account_joins_the_tab_then_refused_and_receives_nothing(
    app, admin_client, other_client
):
    tab = new_tab(admin_client, "Main")
    mine = _connect(app, admin_client)
    theirs = _connect(app, other_client)
    assert _join(mine, tab["id"])["ok"] is True
    ack = _join(theirs, tab["id"])
    assert ack == {"ok": False, "error": f"Tab {tab['id']} not found."}
    theirs.get_received(NS)
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    mine.emit("drag", {"object_id": group["id"], "x": 1, "y": 2}, namespace=NS)
    assert theirs.get_received(NS) == []
    assert len(_events(mine, "object.created")) == 2


@pytest.mark.parametrize(
    "payload", [{}, {"tab_id": "1"}, {"tab_id": True}, {"tab_id": 2**64}, ["tab_id", 1], None]
)
def test_when_join_tab_payload_is_malformed_then_refused(app, admin_client, payload):
    new_tab(admin_client, "Main")
    sock = _connect(app, admin_client)
    ack = sock.emit("join_tab", payload, namespace=NS, callback=True)
    assert ack["ok"] is False


def test_when_logged_out_after_connecting_then_socket_is_closed(app, admin_client):
    new_tab(admin_client, "Main")
    sock = _connect(app, admin_client)
    assert admin_client.post("/api/v1/auth/logout").status_code == 204
    assert not sock.is_connected(NS)


def test_when_session_revoked_elsewhere_then_join_tab_is_refused(app, admin_client):
    # A session ended by another process leaves this process's socket open: join re-checks.
    tab = new_tab(admin_client, "Main")
    sock = _connect(app, admin_client)
    with app.app_context():
        db.session.execute(db.delete(AdminSession))
        db.session.commit()
    assert _join(sock, tab["id"])["ok"] is False


def test_when_a_change_is_refused_then_no_event_is_sent(app, admin_client, colleague_client):
    tab = new_tab(admin_client, "Main")
    group = new_object(admin_client, tab["id"], "ring_group")
    watcher = _connect(app, colleague_client)
    _join(watcher, tab["id"])
    watcher.get_received(NS)
    bad = admin_client.post(
        CABLES,
        json={
            "source": group["id"],
            "source_port": "no_answer",
            "target": group["id"],
            "target_port": "calls",
        },
    )
    assert bad.status_code == 422
    stale = admin_client.patch(
        f"{OBJECTS}/{group['id']}", json={"name": "X"}, headers={"If-Match": '"9"'}
    )
    assert stale.status_code == 412
    assert watcher.get_received(NS) == []


# ---- events ----


def test_when_two_admins_share_a_tab_then_each_sees_the_others_changes_with_versions(
    app, admin_client, colleague_client
):
    tab = new_tab(admin_client, "Main")
    alice = _connect(app, admin_client)
    carol = _connect(app, colleague_client)
    alice_ack, carol_ack = _join(alice, tab["id"]), _join(carol, tab["id"])
    assert alice_ack["ok"] and carol_ack["ok"]
    assert alice_ack["actor"] != carol_ack["actor"]
    alice.get_received(NS)
    carol.get_received(NS)

    number = new_object(admin_client, tab["id"], "phone_number")
    created = _events(carol, "object.created")
    assert created == [
        {
            "object": _without_draft(number),
            "draft_version": number["draft_version"],
            "actor": alice_ack["actor"],
        }
    ]
    assert created[0]["object"]["version"] == 1
    echo = _events(alice, "object.created")
    assert echo[0]["actor"] == alice_ack["actor"]  # the author can recognise its own echo

    group = new_object(colleague_client, tab["id"], "ring_group")
    cable = new_cable(colleague_client, number["id"], "calls", group["id"], "calls")
    received = alice.get_received(NS)
    names = [e["name"] for e in received]
    assert names.count("object.created") == 1
    cable_events = [e["args"][0] for e in received if e["name"] == "cable.created"]
    assert cable_events == [
        {
            "cable": _without_draft(cable),
            "draft_version": cable["draft_version"],
            "actor": carol_ack["actor"],
        }
    ]
    validations = [e["args"][0] for e in received if e["name"] == "validation.updated"]
    assert validations[-1]["draft_version"] == cable["draft_version"]
    assert "ring_group.no_members" in {p["code"] for p in validations[-1]["problems"]}


def test_when_objects_change_then_updated_and_deleted_events_carry_versions(
    app, admin_client, colleague_client
):
    tab = new_tab(admin_client, "Main")
    other = new_tab(admin_client, "Other")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    cable = new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    loose = new_object(admin_client, tab["id"], "contact_method")
    here, there = _connect(app, colleague_client), _connect(app, colleague_client)
    _join(here, tab["id"])
    _join(there, other["id"])
    here.get_received(NS)
    there.get_received(NS)

    admin_client.patch(f"{OBJECTS}/{group['id']}/position", json={"x": 40, "y": 50})
    moved = _events(here, "object.updated")
    assert moved[0]["change"] == "position"
    assert moved[0]["object"]["position"] == {"x": 40, "y": 50}
    assert moved[0]["object"]["version"] == 1

    renamed = admin_client.patch(
        f"{OBJECTS}/{group['id']}", json={"name": "Sales"}, headers=if_match(group)
    ).get_json()
    updated = _events(here, "object.updated")
    assert updated[0]["object"]["name"] == "Sales"
    assert updated[0]["object"]["version"] == 2
    assert updated[0]["draft_version"] == renamed["draft_version"]

    admin_client.patch(
        f"{OBJECTS}/{loose['id']}", json={"tab_id": other["id"]}, headers=if_match(loose)
    )
    left, arrived = _events(here, "object.updated"), _events(there, "object.updated")
    assert left[0]["object"]["tab_id"] == arrived[0]["object"]["tab_id"] == other["id"]

    admin_client.delete(f"{CABLES}/{cable['id']}", headers=if_match(cable))
    assert _events(here, "cable.deleted")[0]["cable"]["id"] == cable["id"]
    second = new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    here.get_received(NS)
    admin_client.delete(f"{OBJECTS}/{number['id']}", headers=if_match(number))
    deleted = _events(here, "object.deleted")
    assert deleted[0]["object"] == {"id": number["id"], "tab_id": tab["id"], "version": 1}
    assert deleted[0]["cables"] == [second["id"]]
    assert _events(there, "object.deleted") == []


def test_when_tabs_change_then_the_whole_account_hears_it(app, admin_client, colleague_client):
    sock = _connect(app, colleague_client)
    tab = new_tab(admin_client, "Main")
    second = new_tab(admin_client, "Second", position=0)
    events = _events(sock, "tab.created")
    assert [e["tab"]["name"] for e in events] == ["Main", "Second"]
    assert events[-1]["order"] == [second["id"], tab["id"]]
    admin_client.delete(f"{TABS}/{tab['id']}?confirm=true", headers=if_match(tab))
    assert _events(sock, "tab.deleted")[0]["order"] == [second["id"]]


def test_when_a_client_reconnects_then_it_resyncs_from_the_draft_by_version(
    app, admin_client, colleague_client
):
    tab = new_tab(admin_client, "Main")
    first = new_object(admin_client, tab["id"], "ring_group")
    sock = _connect(app, colleague_client)
    seen = _join(sock, tab["id"])["draft_version"]
    sock.disconnect(namespace=NS)

    added = new_object(admin_client, tab["id"], "contact_method")
    admin_client.patch(
        f"{OBJECTS}/{first['id']}", json={"name": "Renamed"}, headers=if_match(first)
    )

    again = _connect(app, colleague_client)
    ack = _join(again, tab["id"])
    assert ack["draft_version"] == draft_version(colleague_client) == seen + 2
    draft = colleague_client.get(f"/api/v1/workspace/draft?tab_id={tab['id']}").get_json()
    assert draft["draft_version"] >= ack["draft_version"] > seen  # newer: reload
    assert {o["id"]: (o["name"], o["version"]) for o in draft["objects"]} == {
        first["id"]: ("Renamed", 2),
        added["id"]: (added["name"], 1),
    }


# ---- presence and ephemeral relays ----


def test_when_admins_join_and_leave_then_presence_lists_who_is_on_the_tab(
    app, admin_client, colleague_client
):
    tab = new_tab(admin_client, "Main")
    alice = _connect(app, admin_client)
    ack = _join(alice, tab["id"])
    assert [a["name"] for a in ack["presence"]["admins"]] == ["Test Admin"]
    carol = _connect(app, colleague_client)
    _join(carol, tab["id"])
    both = _events(alice, "presence")[-1]
    assert both["tab_id"] == tab["id"]
    assert sorted(a["name"] for a in both["admins"]) == ["Carol Colleague", "Test Admin"]
    carol.disconnect(namespace=NS)
    assert [a["name"] for a in _events(alice, "presence")[-1]["admins"]] == ["Test Admin"]
    other = new_tab(admin_client, "Other")
    carol = _connect(app, colleague_client)
    _join(carol, tab["id"])
    alice.get_received(NS)
    carol.emit("leave_tab", {}, namespace=NS, callback=True)
    assert [a["name"] for a in _events(alice, "presence")[-1]["admins"]] == ["Test Admin"]
    _join(carol, other["id"])
    assert _events(alice, "presence") == []


def test_when_dragging_then_others_on_the_tab_see_it_and_nothing_is_written(
    app, admin_client, colleague_client
):
    tab = new_tab(admin_client, "Main")
    group = new_object(admin_client, tab["id"], "ring_group", x=1, y=1)
    alice, carol = _connect(app, admin_client), _connect(app, colleague_client)
    alice_ack = _join(alice, tab["id"])
    _join(carol, tab["id"])
    alice.get_received(NS)
    carol.get_received(NS)
    before = draft_version(admin_client)

    alice.emit("drag", {"object_id": group["id"], "x": 120.5, "y": 80}, namespace=NS)
    alice.emit("cursor", {"x": 3, "y": 4}, namespace=NS)
    alice.emit("drag", {"object_id": group["id"], "x": "far", "y": 80}, namespace=NS)
    received = carol.get_received(NS)
    assert [e["name"] for e in received] == ["drag", "cursor"]
    drag = received[0]["args"][0]
    assert (drag["object_id"], drag["x"], drag["y"]) == (group["id"], 120.5, 80)
    assert drag["actor"] == alice_ack["actor"]
    assert received[1]["args"][0]["name"] == "Test Admin"
    assert alice.get_received(NS) == []  # never echoed to the sender
    assert admin_client.get(f"{OBJECTS}/{group['id']}").get_json()["position"] == {"x": 1, "y": 1}
    assert draft_version(admin_client) == before


def test_when_a_cable_is_made_then_it_answers_first_and_problems_follow_for_its_version(
    app, admin, admin_client
):
    # Edits answer at once: validation waits on its worker, here held back by a long debounce,
    # and the answer comes all the same; the problems arrive afterwards, for that version.
    from flask.testing import FlaskClient

    from workspace.objects.validation_push import draft_validation

    tab = new_tab(admin_client, "Main")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    unsettled = ApiClient(FlaskClient(app, app.response_class, use_cookies=True))
    unsettled.login(admin["email"], DEFAULT_PASSWORD)
    sock = _connect(app, admin_client)
    _join(sock, tab["id"])
    sock.get_received(NS)
    validation = draft_validation(app)
    validation.debounce = 3600.0
    try:
        cable = new_cable(unsettled, number["id"], "calls", group["id"], "calls")
        names = [e["name"] for e in sock.get_received(NS)]
        assert "cable.created" in names and "validation.updated" not in names
    finally:
        validation.debounce = 0.0
        validation.flush()
        assert validation.wait_idle()
    pushed = [e["args"][0] for e in sock.get_received(NS) if e["name"] == "validation.updated"]
    assert [p["draft_version"] for p in pushed] == [cable["draft_version"]]
    assert "ring_group.no_members" in {p["code"] for p in pushed[0]["problems"]}
