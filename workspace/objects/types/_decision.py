"""What the three decision types (time router, caller router, blacklist) share.

Their choice itself lives in ``workspace.graph.decide`` (stdlib only, shared with the SIP
server); here is the glue to the simulator and the exits as ports.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import networkx as nx
from marshmallow import ValidationError, fields

from workspace.graph import PortSpec, Problem, make_problem, object_label, out_cables
from workspace.graph.decide import decide
from workspace.graph.spec import Severity

#: The years a call time may have: far enough for any plan, and no date arithmetic overflows.
YEARS = (1970, 2999)

__all__ = ["YEARS", "AwareTime", "call_time", "caller_number", "exit_port", "not_cabled", "play"]


def exit_port(name: str, label: str, tone: str | None = None) -> PortSpec:
    """An exit: one cable at most, carrying the call on."""
    return PortSpec(name, "out", label, max_cables=1, signal="call", tone=tone)


def call_time(call: Mapping[str, Any], offset: int) -> datetime:
    """The moment a call reaches a node: its start (ISO 8601, now when unset) plus ``offset`` s."""
    text = call.get("at")
    start = datetime.fromisoformat(text) if text else datetime.now(UTC)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    return start + timedelta(seconds=offset)


def caller_number(call: Mapping[str, Any]) -> str | None:
    """The caller's number as an executor sees it: compact, None when withheld."""
    text = call.get("caller")
    if text is None:
        return None
    compact = "".join(ch for ch in str(text) if ch.isdigit() or ch == "+")
    return compact or (None if not str(text).strip() else str(text).strip())


def play(node: Mapping[str, Any], call: Mapping[str, Any], at: int) -> dict[str, Any]:
    """The simulate hook of a decision type: choose the exit at once, say why."""
    exit_name, reason = decide(
        dict(node), {"caller": caller_number(call), "at": call_time(call, at)}
    )
    return {"until": at, "exit": exit_name, "reason": reason}


def not_cabled(
    G: nx.MultiDiGraph, node: int, port: str, code: str, message: str, severity: Severity = "error"
) -> list[Problem]:
    """A problem when ``port`` of ``node`` has no cable."""
    if out_cables(G, node, port):
        return []
    label = object_label(G, node, G._node[node]["type"].replace("_", " ").title())
    return [make_problem(code, f"{label} {message}", objects=[node], severity=severity)]


class AwareTime(fields.String):
    """An ISO 8601 time with its zone, stored as text (properties are JSON), normalised to UTC.

    >>> AwareTime().deserialize("2026-12-24T18:00:00+01:00")
    '2026-12-24T17:00:00+00:00'
    """

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError("Not a valid date and time (ISO 8601).") from None
        if parsed.tzinfo is None:
            raise ValidationError("Give the time zone too (such as +01:00 or Z).")
        if not YEARS[0] <= parsed.year <= YEARS[1]:
            raise ValidationError(f"Give a year from {YEARS[0]} to {YEARS[1]}.")
        return parsed.astimezone(UTC).isoformat()
