"""fold_call: a call's summary from its events, whatever order they came in."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from workspace.calls.fold import fold_call

T0 = datetime(2026, 5, 28, 12, 0, tzinfo=UTC)


def ev(type_: str, seconds: float, **fields):
    base = dict(
        object_id=None,
        contact_id=None,
        device_id=None,
        username=None,
        number=None,
        cause=None,
        sip_code=None,
        route="+14155550100",
        revision_number=3,
        caller="+12125550111",
        caller_name=None,
        callee="+14155550100",
    )
    return SimpleNamespace(type=type_, at=T0 + timedelta(seconds=seconds), **{**base, **fields})


def test_when_only_start_then_routing_without_durations():
    summary = fold_call([ev("start", 0)])
    assert summary["state"] == "routing"
    assert summary["ring_s"] is None and summary["talk_s"] is None and summary["cause"] is None


def test_when_ended_unanswered_then_ring_lasts_until_the_end():
    summary = fold_call([ev("start", 0), ev("ringing", 0.1), ev("ended", 30, cause="no_answer")])
    assert summary["state"] == "ended"
    assert summary["ring_s"] == 30.0 and summary["talk_s"] is None
    assert summary["cause"] == "no_answer" and summary["answered_at"] is None


def test_when_answered_and_ended_without_cause_then_cause_is_answered():
    events = [ev("start", 0), ev("answered", 5, contact_id=7), ev("ended", 65, sip_code=200)]
    summary = fold_call(events)
    assert summary["cause"] == "answered" and summary["answered_contact_id"] == 7
    assert summary["ring_s"] == 5.0 and summary["talk_s"] == 60.0


def test_when_two_answers_then_the_first_wins():
    events = [ev("start", 0), ev("answered", 5, contact_id=1), ev("answered", 5.2, contact_id=2)]
    assert fold_call(events)["answered_contact_id"] == 1


def test_every_order_of_the_events_gives_the_same_summary():
    events = [
        ev("start", 0, caller_name="Ann"),
        ev("node", 0, object_id=4),
        ev("ringing", 0.1, contact_id=1),
        ev("answered", 4, contact_id=1),
        ev("ended", 64, cause="answered", sip_code=200),
    ]
    summaries = [fold_call(list(order)) for order in itertools.permutations(events)]
    assert all(summary == summaries[0] for summary in summaries)
    assert summaries[0]["caller_name"] == "Ann" and summaries[0]["started_at"] == T0
