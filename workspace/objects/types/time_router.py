"""Time Router: send a call by its time: ``open`` within a schedule's weekly intervals,
``closed`` outside, and a holiday's own exit (or ``closed``) on its dates.

The router picks one of the account's Schedules (a shared resource: several routers use one
"Office hours") and may carry a manual override (force open or closed until a time). Compile
inlines the schedule, so the plan node decides alone (``workspace.graph.decide``); the SIP
server and the simulator share that decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
from marshmallow import fields
from marshmallow import validate as check

from workspace.graph import ObjectType, Problem, Reference, make_problem, object_label
from workspace.graph.decide import DAY_NAMES, HOLIDAY_EXITS, WEEK, minutes
from workspace.objects.types._common import PropertiesSchema, calls_in, row_id, row_id_json
from workspace.objects.types._decision import AwareTime, exit_port, not_cabled, play

__all__ = ["HOLIDAY_EXITS", "TYPE", "compile", "overlaps", "validate"]

DISPLAY_NAME = "Time Router"
MODES = ("open", "closed")


class OverrideSchema(PropertiesSchema):
    """``{"mode": "open" | "closed", "until": aware ISO 8601}``: forced until then."""

    mode = fields.String(required=True, validate=check.OneOf(MODES))
    until = AwareTime(required=True, validate=check.Length(max=40))


class TimeRouterProperties(PropertiesSchema):
    """``{"schedule": id | None, "override": {"mode", "until"} | None}``."""

    schedule = row_id()
    override = fields.Nested(OverrideSchema, allow_none=True, load_default=None)


def quick_valid(props: Mapping[str, Any]) -> bool:
    """The fast accept path: a schedule id (or none) and no override; else the schema decides.

    >>> quick_valid({"schedule": 3}), quick_valid({"override": {"mode": "open"}})
    (True, False)
    """
    if not isinstance(props, dict) or not {"schedule", "override"}.issuperset(props):
        return False
    row = props.get("schedule")
    return (row is None or type(row) is int) and props.get("override") is None


def _props(G: nx.MultiDiGraph, node: int) -> dict[str, Any]:
    return {**TYPE.defaults, **G._node[node]["properties"]}


def _span(interval: Mapping[str, Any]) -> tuple[int, int]:
    start = interval["day"] * 1440 + minutes(interval["from"])
    length = minutes(interval["to"]) - minutes(interval["from"])
    return start, length + 1440 if length <= 0 else length


def overlaps(intervals: list[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Index pairs of weekly intervals that share a minute (overnight ones wrap the week).

    >>> overlaps([{"day": 0, "from": "09:00", "to": "12:00"},
    ...           {"day": 0, "from": "11:00", "to": "13:00"},
    ...           {"day": 6, "from": "22:00", "to": "02:00"}])
    [(0, 1)]
    """
    spans = [_span(i) for i in intervals]
    found = []
    for a, (sa, la) in enumerate(spans):
        for b in range(a + 1, len(spans)):
            sb, lb = spans[b]
            if (sb - sa) % WEEK < la or (sa - sb) % WEEK < lb:
                found.append((a, b))
    return found


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Codes: ``time_router.empty_schedule`` (no interval: never open),
    ``time_router.open_not_cabled``, ``time_router.holiday_exit_not_cabled`` (a holiday of the
    schedule has its own exit but nothing is cabled there), ``time_router.overlapping_intervals``
    (info). An unset or unknown schedule is ``reference.unset`` / ``reference.missing``."""
    label = object_label(G, node, DISPLAY_NAME)
    schedule = facts["schedules"][_props(G, node)["schedule"]]
    problems: list[Problem] = []
    intervals = schedule.get("intervals") or []
    if not intervals:
        problems.append(
            make_problem(
                "time_router.empty_schedule",
                f'{label} uses the schedule "{schedule["name"]}", which has no opening hours: '
                "it would never be open.",
                objects=[node],
            )
        )
    problems += not_cabled(
        G, node, "open", "time_router.open_not_cabled", "has nothing cabled to its Open exit."
    )
    for holiday in schedule.get("holidays") or []:
        if holiday.get("exit"):
            problems += not_cabled(
                G,
                node,
                holiday["exit"],
                "time_router.holiday_exit_not_cabled",
                f"sends {holiday['name']} to its own exit, which has nothing cabled.",
            )
    for a, b in overlaps(intervals):
        problems.append(
            make_problem(
                "time_router.overlapping_intervals",
                f'The schedule "{schedule["name"]}" of {label} has overlapping hours: '
                f"{_say(intervals[a])} and {_say(intervals[b])}.",
                objects=[node],
                severity="info",
            )
        )
    return problems


def _say(interval: Mapping[str, Any]) -> str:
    return f"{DAY_NAMES[interval['day']]} {interval['from']}-{interval['to']}"


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """``{"schedule": {"id", "name", "time_zone", "intervals", "holidays"}, "override"}``:
    the whole schedule inlined, so the executor never reads the database."""
    props = _props(G, node)
    row = facts["schedules"][props["schedule"]]
    override = props.get("override")
    return {
        "schedule": {
            "id": props["schedule"],
            "name": row["name"],
            "time_zone": row["time_zone"],
            "intervals": [dict(i) for i in row.get("intervals") or []],
            "holidays": [dict(h) for h in row.get("holidays") or []],
        },
        "override": dict(override) if override else None,
    }


_PORT_LABELS = {"open": "Open", "closed": "Closed"}

TYPE = ObjectType(
    name="time_router",
    display_name=DISPLAY_NAME,
    category="routing",
    icon="clock",
    color="#7c3aed",
    ports=(
        calls_in("call"),
        exit_port("open", "Open", tone="positive"),
        exit_port("closed", "Closed", tone="negative"),
        *(exit_port(name, f"Holiday {n}") for n, name in enumerate(HOLIDAY_EXITS, start=1)),
    ),
    schema=TimeRouterProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "schedule": {
                **row_id_json("The id of one of the account's schedules."),
                "title": "Schedule",
            },
            "override": {
                "type": ["object", "null"],
                "title": "Manual override",
                "default": None,
                "description": "Force open or closed until a time, whatever the schedule says.",
                "properties": {
                    "mode": {"type": "string", "enum": list(MODES)},
                    "until": {"type": "string", "format": "date-time"},
                },
            },
        },
    },
    defaults={"schedule": None, "override": None},
    default_name_prefix=DISPLAY_NAME,
    references=(Reference("schedule", "schedules", "schedule"),),
    validate=validate,
    compile=compile,
    simulate=play,
    quick_valid=quick_valid,
    pickers={"schedule": "schedule"},
)
