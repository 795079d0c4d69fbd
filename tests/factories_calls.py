"""Call events as the SIP server's supervisor posts them (decisions.md #4)."""

from __future__ import annotations

import uuid
from typing import Any

from workspace.calls.ingest_auth import events_token

T0 = 1_780_000_000.0  # a fixed instant (2026-05-28): times in tests are T0 + seconds
EVENTS = "/sip/v1/events"


def call_event(
    account: int,
    type_: str,
    at: float = 0.0,
    *,
    call_id: str = "call-1@trunk",
    route: str = "+14155550100",
    revision: int | None = 1,
    caller: str | None = "+12125550111",
    caller_name: str | None = "Ann Caller",
    **fields: Any,
) -> dict[str, Any]:
    """One event, `at` seconds after T0; extra fields (node, object, member, cause...) as given."""
    return {
        "id": str(uuid.uuid4()),
        "call_id": call_id,
        "account": account,
        "revision": revision,
        "route": route,
        "type": type_,
        "at": T0 + at,
        "caller": caller,
        "caller_name": caller_name,
        "callee": route,
        "node": None,
        "object": None,
        "member": None,
        "cause": None,
        "sip_code": None,
        **fields,
    }


def answered_call(account: int, *, contact: int | None = None, **kw: Any) -> list[dict[str, Any]]:
    """start, node, ringing, answered after 4 s, ended after 64 s."""
    member = {"contact": contact, "device": None, "username": "mike-1", "number": None}
    return [
        call_event(account, "start", 0.0, **kw),
        call_event(account, "node", 0.01, node="n1", object=11, **kw),
        call_event(account, "ringing", 0.02, member=member, **kw),
        call_event(account, "answered", 4.0, member=member, **kw),
        call_event(account, "ended", 64.0, cause="answered", sip_code=200, **kw),
    ]


def bearer(app) -> dict[str, str]:
    return {"Authorization": f"Bearer {events_token(app)}"}


def post_events(client, app, events: list[dict[str, Any]], headers: dict | None = None):
    """POST a batch with the app's events token (or the headers given)."""
    raw = getattr(client, "client", client)  # an ApiClient or Flask's test client
    return raw.post(
        EVENTS, json={"events": events}, headers=bearer(app) if headers is None else headers
    )
