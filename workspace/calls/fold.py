"""A call's summary from its events, in any order they arrived.

Pure: takes the events (anything with the CallEvent attributes) and returns the summary
fields, so a late or replayed event only means folding again. Events are ordered by their
time, ties by the order a call goes through (start, node, ringing, answered, ended).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

__all__ = ["fold_call", "ordered"]

_RANK = {"start": 0, "node": 1, "ringing": 2, "answered": 3, "ended": 4}


class EventLike(Protocol):
    type: str
    at: datetime
    object_id: int | None
    contact_id: int | None
    device_id: int | None
    username: str | None
    number: str | None
    cause: str | None
    sip_code: int | None
    route: str
    revision_number: int | None
    caller: str | None
    caller_name: str | None
    callee: str


def ordered(events: list[EventLike]) -> list[EventLike]:
    return sorted(events, key=lambda e: (e.at, _RANK.get(e.type, 9)))


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round(max((end - start).total_seconds(), 0.0), 3)


def fold_call(events: list[EventLike]) -> dict[str, Any]:
    """The Call columns the events determine (never empty: a call has at least one event)."""
    timeline = ordered(events)
    first = timeline[0]
    described = next((e for e in timeline if e.type == "start"), first)
    answered = next((e for e in timeline if e.type == "answered"), None)
    ended = next((e for e in reversed(timeline) if e.type == "ended"), None)
    started_at = first.at
    if ended is not None:
        state = "ended"
    elif answered is not None:
        state = "answered"
    elif any(e.type == "ringing" for e in timeline):
        state = "ringing"
    else:
        state = "routing"
    cause = ended.cause if ended is not None else None
    if cause is None and ended is not None and answered is not None:
        cause = "answered"
    return {
        # A BYE's event knows no route: take the start's, else any event's that has one.
        "route": described.route or next((e.route for e in timeline if e.route), ""),
        "revision_number": described.revision_number,
        "caller": described.caller,
        "caller_name": described.caller_name,
        "callee": described.callee,
        "state": state,
        "started_at": started_at,
        "answered_at": answered.at if answered else None,
        "ended_at": ended.at if ended else None,
        "answered_contact_id": answered.contact_id if answered else None,
        "answered_device_id": answered.device_id if answered else None,
        "answered_username": answered.username if answered else None,
        "answered_number": answered.number if answered else None,
        # Ringing lasts until someone answers, or until the call ends unanswered.
        "ring_s": _seconds(started_at, answered.at if answered else (ended.at if ended else None)),
        "talk_s": _seconds(answered.at, ended.at) if answered and ended else None,
        "cause": cause,
        "sip_code": ended.sip_code if ended else None,
    }
