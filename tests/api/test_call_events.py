"""POST /sip/v1/events: the SIP server reports call events; the app folds them into calls."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.factories_calls import T0, answered_call, bearer, call_event, post_events
from tests.support import count_rows
from workspace.calls.models import Call, CallEvent


@pytest.fixture
def account_id(admin) -> int:
    return admin["account_id"]


def _nothing_stored(app) -> None:
    assert count_rows(app, Call) == 0
    assert count_rows(app, CallEvent) == 0


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer " + "x" * 500},
    ],
    ids=["missing", "wrong", "empty", "other-scheme", "long"],
)
def test_when_token_missing_or_wrong_then_401_and_nothing_stored(app, client, account_id, headers):
    response = post_events(client, app, answered_call(account_id), headers=headers)
    assert response.status_code == 401
    body = response.get_json()
    assert body["code"] == 401 and body["status"] == "Unauthorized" and body["message"]
    _nothing_stored(app)


def test_when_token_wrong_then_401_before_the_body_is_read(app, client):
    response = client.post(
        "/sip/v1/events", json={"nope": 1}, headers={"Authorization": "Bearer x"}
    )
    assert response.status_code == 401


def test_when_admin_session_only_then_401(app, admin_client, account_id):
    response = admin_client.post("/sip/v1/events", json={"events": answered_call(account_id)})
    assert response.status_code == 401
    _nothing_stored(app)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({}, ["events"]),
        ({"events": "x"}, ["events"]),
        ({"events": [], "more": 1}, ["more"]),
    ],
)
def test_when_batch_malformed_then_400_naming_the_field(app, client, body, where):
    response = client.post("/sip/v1/events", json=body, headers=bearer(app))
    assert response.status_code == 400, response.get_json()
    errors = response.get_json()["errors"]["json"]
    assert list(errors) == where


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"type": "exploded"}, "type"),
        ({"at": "yesterday"}, "at"),
        ({"at": 12.0}, "at"),
        ({"id": "not-a-uuid"}, "id"),
        ({"call_id": ""}, "call_id"),
        ({"cause": "boredom"}, "cause"),
        ({"sip_code": 99}, "sip_code"),
        ({"caller": "a\x00b"}, "caller"),
        ({"account": 2**70}, "account"),
    ],
)
def test_when_one_event_is_bad_then_400_naming_index_and_field_and_nothing_stored(
    app, client, account_id, change, field
):
    events = answered_call(account_id)
    events[2].update(change)
    response = post_events(client, app, events)
    assert response.status_code == 400, response.get_json()
    assert list(response.get_json()["errors"]["json"]["events"]) == ["2"]
    assert field in response.get_json()["errors"]["json"]["events"]["2"]
    _nothing_stored(app)


def test_when_event_names_unknown_account_then_400_naming_it_and_nothing_stored(
    app, client, account_id
):
    events = answered_call(account_id)
    events.append(call_event(account_id + 999, "start", call_id="other"))
    response = post_events(client, app, events)
    assert response.status_code == 400, response.get_json()
    assert response.get_json()["errors"]["json"]["events"] == {
        "5": {"account": [f"Account {account_id + 999} not found."]}
    }
    _nothing_stored(app)


# --- ingestion -----------------------------------------------------------------------------


def test_when_answered_call_posted_then_call_is_summarised(app, client, admin_client, account_id):
    response = post_events(client, app, answered_call(account_id))
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"accepted": 5, "duplicates": 0, "calls": 1}
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["state"] == "ended"
    assert call["route"] == "+14155550100" and call["revision"] == 1
    assert call["caller"] == "+12125550111" and call["caller_name"] == "Ann Caller"
    assert call["ring_s"] == 4.0 and call["talk_s"] == 60.0
    assert call["cause"] == "answered" and call["sip_code"] == 200
    assert call["answered_by"]["username"] == "mike-1"
    assert call["path"] == [11]


def test_when_batch_replayed_then_nothing_changes(app, client, admin_client, account_id):
    events = answered_call(account_id)
    post_events(client, app, events)
    before = admin_client.get("/api/v1/calls").get_json()
    response = post_events(client, app, events)
    assert response.get_json() == {"accepted": 0, "duplicates": 5, "calls": 0}
    assert admin_client.get("/api/v1/calls").get_json() == before
    assert count_rows(app, CallEvent) == 5


def test_when_event_repeated_inside_a_batch_then_stored_once(app, client, account_id):
    events = answered_call(account_id)
    response = post_events(client, app, [*events, events[0]])
    assert response.get_json() == {"accepted": 5, "duplicates": 1, "calls": 1}
    assert count_rows(app, CallEvent) == 5


def test_when_events_arrive_out_of_order_then_same_summary(app, client, admin_client, account_id):
    in_order = answered_call(account_id, call_id="a")
    shuffled = answered_call(account_id, call_id="b")
    post_events(client, app, in_order)
    # The end first, then the answer, then the start with the rest, in three batches.
    post_events(client, app, [shuffled[4]])
    post_events(client, app, [shuffled[3]])
    post_events(client, app, [shuffled[2], shuffled[0], shuffled[1]])
    items = admin_client.get("/api/v1/calls").get_json()["items"]
    by_id = {c["call_id"]: c for c in items}
    keep = ("state", "started_at", "answered_at", "ended_at", "ring_s", "talk_s", "cause", "path")
    assert {k: by_id["a"][k] for k in keep} == {k: by_id["b"][k] for k in keep}


def test_when_the_bye_and_the_answer_carry_no_route_then_the_call_keeps_the_starts(
    app, client, admin_client, account_id
):
    """As Kamailio sends them: the BYE's event (and a child transaction's) has no route."""
    blank = {"route": None, "revision": None, "caller": None, "caller_name": None}
    events = [
        call_event(account_id, "ended", 9, cause="answered", **blank),
        call_event(account_id, "answered", 2, **{**blank, "member": {"username": "101"}}),
    ]
    first = post_events(client, app, events)
    assert first.status_code == 200, first.get_json()
    [early] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert early["route"] == ""  # nothing has said it yet
    post_events(client, app, [call_event(account_id, "start", 0)])
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert (call["route"], call["revision"], call["caller"]) == ("+14155550100", 1, "+12125550111")
    assert (call["state"], call["talk_s"]) == ("ended", 7.0)


def test_when_the_end_comes_in_a_later_batch_then_who_answered_is_kept(
    app, client, admin_client, account_id
):
    """The forwarder posts as events come: the BYE's often alone, seconds after the answer."""
    from tests.factories_contacts import make_device
    from tests.factories_devices import make_contact

    mike = make_contact(app, account_id)
    laptop = make_device(app, account_id, mike, "Mike's laptop")
    events = answered_call(account_id, contact=mike)
    for event in events:
        if event["member"]:
            event["member"]["device"] = laptop
    ended = [e for e in events if e["type"] == "ended"]
    post_events(client, app, [e for e in events if e["type"] != "ended"])
    answered = admin_client.get("/api/v1/calls").get_json()["items"][0]["answered_by"]
    assert answered["contact"]["id"] == mike and answered["device"]["id"] == laptop
    post_events(client, app, ended)
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["state"] == "ended" and call["answered_by"] == answered


def test_when_only_the_end_arrived_then_the_call_is_listed_as_ended(
    app, client, admin_client, account_id
):
    post_events(client, app, [call_event(account_id, "ended", 30, cause="no_answer", sip_code=480)])
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["state"] == "ended" and call["cause"] == "no_answer"
    assert call["answered_by"] is None and call["talk_s"] is None


def test_when_call_in_progress_then_state_follows_events(app, client, admin_client, account_id):
    post_events(client, app, answered_call(account_id)[:3])
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["state"] == "ringing" and call["ring_s"] is None and call["ended_at"] is None
    post_events(client, app, [call_event(account_id, "answered", 2.5)])
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["state"] == "answered" and call["ring_s"] == 2.5


def test_when_member_contact_is_another_accounts_then_no_link(
    app, client, admin_client, other_admin, account_id
):
    from tests.factories_devices import make_contact

    theirs = make_contact(app, other_admin["account_id"], "Eve", "Other")
    post_events(client, app, answered_call(account_id, contact=theirs))
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["answered_by"]["contact"] is None
    assert call["answered_by"]["username"] == "mike-1"


def test_when_started_at_is_epoch_then_stored_as_utc(app, client, admin_client, account_id):
    post_events(client, app, [call_event(account_id, "start", 0)])
    [call] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert call["started_at"].startswith("2026-05-28T")
    assert T0 > 0


def test_when_a_batch_changes_the_summary_then_the_version_moves_once_else_it_stays(
    app, client, admin_client, account_id
):
    """As the ORM's version counter did: clients replace a cached row on a newer version."""
    events = answered_call(account_id)
    post_events(client, app, events[:1])
    [started] = admin_client.get("/api/v1/calls").get_json()["items"]
    post_events(client, app, events[1:2])  # a node: the path grows, the summary does not
    [passed] = admin_client.get("/api/v1/calls").get_json()["items"]
    post_events(client, app, events[2:])
    [ended] = admin_client.get("/api/v1/calls").get_json()["items"]
    assert (started["version"], passed["version"], ended["version"]) == (1, 1, 2)
    assert passed["path"] == [11] and ended["state"] == "ended"


def test_when_one_batch_opens_calls_and_ends_known_ones_then_each_call_gets_its_own_events(
    app, client, admin_client, account_id
):
    """New calls take their ids from one INSERT: every event must land under its own call."""
    calls = {
        f"c{n}": answered_call(account_id, call_id=f"c{n}", caller=f"+1212555{n:04d}")
        for n in range(12)
    }
    known = [f"c{n}" for n in range(0, 12, 2)]
    post_events(client, app, [e for name in known for e in calls[name][:3]])
    mixed = [e for name in known for e in calls[name][3:]]
    mixed += [e for name in calls if name not in known for e in calls[name]]
    response = post_events(client, app, sorted(mixed, key=lambda e: e["at"]))
    assert response.get_json() == {"accepted": 6 * 2 + 6 * 5, "duplicates": 0, "calls": 12}
    items = admin_client.get("/api/v1/calls?per_page=50").get_json()["items"]
    assert len(items) == 12
    for call in items:
        n = int(call["call_id"][1:])
        assert call["caller"] == f"+1212555{n:04d}", call
        assert (call["state"], call["talk_s"], call["path"]) == ("ended", 60.0, [11]), call
        detail = admin_client.get(f"/api/v1/calls/{call['id']}").get_json()
        assert [e["type"] for e in detail["events"]] == [
            "start", "node", "ringing", "answered", "ended"
        ]  # fmt: skip
    assert count_rows(app, CallEvent) == 60


def _post_all_at_once(app, events: list[dict], posters: int) -> list:
    start = threading.Barrier(posters)

    def post(_: int):
        own = app.test_client()
        start.wait()
        return post_events(own, app, events)

    with ThreadPoolExecutor(posters) as pool:
        return list(pool.map(post, range(posters)))


def test_when_the_same_batch_is_posted_at_once_by_many_then_each_event_is_stored_once(
    app, account_id
):
    posters = 8
    for round_ in range(3):  # a race is not lost every time
        answers = _post_all_at_once(app, answered_call(account_id, call_id=f"r{round_}"), posters)
        assert [a.status_code for a in answers] == [200] * posters, [a.get_json() for a in answers]
        bodies = [a.get_json() for a in answers]
        assert sum(b["accepted"] for b in bodies) == 5
        assert sum(b["duplicates"] for b in bodies) == 5 * (posters - 1)
    assert count_rows(app, CallEvent) == 15
    assert count_rows(app, Call) == 3
