"""Ring Group: ring several contact methods on a timeline, then pass the call on.

Membership is the ``members`` cables. The ``members`` property is the timeline: for each
cabled target, when it starts ringing and for how long (seconds). A cabled member with no
timeline entry rings from 0 s for 30 s; a timeline entry whose target is not cabled is
reported and ignored. When the timeline ends (the latest start + duration), the call leaves
through ``no_answer``; with nothing cabled there, it ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from marshmallow import ValidationError, fields
from marshmallow import validate as checks

from workspace.graph import (
    ObjectType,
    PortSpec,
    Problem,
    declined,
    graph_memo,
    make_problem,
    object_label,
    out_cables,
    ring_of,
)
from workspace.objects.types import contact_method
from workspace.objects.types._common import PropertiesSchema, calls_in

__all__ = [
    "DEFAULT_DURATION",
    "MAX_TIMELINE",
    "TYPE",
    "RingGroupProperties",
    "Timeline",
    "compile",
    "quick_valid",
    "ring_all",
    "sequential",
    "simulate",
    "timeline",
    "validate",
]

DISPLAY_NAME = "Ring Group"
MAX_TIMELINE = 300
DEFAULT_START = 0
DEFAULT_DURATION = 30
PRESETS = ("ring_all", "sequential", "custom")


class Timeline(fields.Field):  # type: ignore[type-arg]
    """The ``members`` list: ``[{"target": int, "start": int = 0, "duration": int = 30}]``.

    Each entry is checked by hand rather than by a nested schema: a workspace holds thousands
    of ring groups and a nested schema per entry was half of all validation time. Errors keep
    marshmallow's shape: ``{index: {field: [message]}}``.
    """

    default_error_messages = {
        "type": "Not a valid list.",
        "unique": "Each target may appear once.",
    }

    def _deserialize(
        self, value: Any, attr: str | None, data: Any, **kwargs: Any
    ) -> list[dict[str, int]]:
        if not isinstance(value, list):
            raise self.make_error("type")
        errors: dict[int, Any] = {}
        members = []
        for index, entry in enumerate(value):
            entry_errors = _entry_errors(entry)
            if entry_errors:
                errors[index] = entry_errors
                continue
            members.append(
                {
                    "target": entry["target"],
                    "start": entry.get("start", DEFAULT_START),
                    "duration": entry.get("duration", DEFAULT_DURATION),
                }
            )
        if errors:
            raise ValidationError(errors)
        if len({m["target"] for m in members}) != len(members):
            raise self.make_error("unique")
        return members


_BOUNDS = {"start": (0, MAX_TIMELINE), "duration": (1, MAX_TIMELINE)}


def _entry_errors(entry: Any) -> dict[str, list[str]]:
    if not isinstance(entry, dict):
        return {"_schema": ["Invalid input type."]}
    errors = {key: ["Unknown field."] for key in entry if key not in ("target", *_BOUNDS)}
    if "target" not in entry:
        errors["target"] = ["Missing data for required field."]
    elif not _is_int(entry["target"]):
        errors["target"] = ["Not a valid integer."]
    for key, (low, high) in _BOUNDS.items():
        if key not in entry:
            continue
        if not _is_int(entry[key]):
            errors[key] = ["Not a valid integer."]
        elif not low <= entry[key] <= high:
            errors[key] = [
                f"Must be greater than or equal to {low} and less than or equal to {high}."
            ]
    return errors


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class RingGroupProperties(PropertiesSchema):
    """``{"members": [{"target", "start", "duration"}, ...], "preset": ...}``."""

    members = Timeline(load_default=list)
    preset = fields.String(load_default="ring_all", validate=checks.OneOf(PRESETS))


def quick_valid(props: Mapping[str, Any]) -> bool:
    """The schema's fast accept path (see ObjectType.quick_valid): well-formed, unique members.

    >>> quick_valid({"members": [{"target": 4}], "preset": "ring_all"}), quick_valid({"x": 1})
    (True, False)
    """
    if not isinstance(props, dict) or not {"members", "preset"}.issuperset(props):
        return False
    preset = props.get("preset", "ring_all")
    if not isinstance(preset, str) or preset not in PRESETS:
        return False
    members = props.get("members", [])
    if not isinstance(members, list) or not all(_entry_ok(m) for m in members):
        return False
    return len({m["target"] for m in members}) == len(members)


_ENTRY_KEYS = frozenset(("target", *_BOUNDS))


def _entry_ok(entry: Any) -> bool:
    """A timeline entry the schema accepts as it is (the common case, checked cheaply)."""
    if type(entry) is not dict or not _ENTRY_KEYS.issuperset(entry):
        return False
    if type(entry.get("target")) is not int:
        return False
    for key, (low, high) in _BOUNDS.items():
        value = entry.get(key, low)
        if type(value) is not int or not low <= value <= high:
            return False
    return True


def ring_all(targets: Iterable[int], duration: int = 30) -> list[dict[str, int]]:
    """Return a timeline where every target rings from 0 s for ``duration`` seconds.

    Example
    -------
    >>> ring_all([44, 45], duration=20)
    [{'target': 44, 'start': 0, 'duration': 20}, {'target': 45, 'start': 0, 'duration': 20}]
    """
    return [{"target": t, "start": 0, "duration": duration} for t in targets]


def sequential(targets: Iterable[int], duration: int = 20) -> list[dict[str, int]]:
    """Return a timeline where the targets ring one after the other, ``duration`` s each.

    Example
    -------
    >>> sequential([44, 45])
    [{'target': 44, 'start': 0, 'duration': 20}, {'target': 45, 'start': 20, 'duration': 20}]
    """
    return [
        {"target": t, "start": i * duration, "duration": duration} for i, t in enumerate(targets)
    ]


def timeline(G: nx.MultiDiGraph, node: int) -> list[dict[str, int]]:
    """Return the effective timeline: one entry per cabled member, by (start, target).

    Example
    -------
    >>> from workspace.graph import build
    >>> G = build(
    ...     [{"id": 1, "type": "ring_group", "properties": {"members": [
    ...         {"target": 2, "start": 10, "duration": 5}, {"target": 9, "start": 0}]}},
    ...      {"id": 2, "type": "contact_method"}, {"id": 3, "type": "contact_method"}],
    ...     [{"id": 7, "source": 1, "source_port": "members", "target": 2, "target_port": "calls"},
    ...      {"id": 8, "source": 1, "source_port": "members", "target": 3, "target_port": "calls"}])
    >>> timeline(G, 1)
    [{'target': 3, 'start': 0, 'duration': 30}, {'target': 2, 'start': 10, 'duration': 5}]

    Computed once per graph (validate and compile both read it); do not change the result.
    """
    memo = graph_memo(G, "ring_group.timeline")
    found = memo.get(node)
    if found is None:
        found = memo[node] = _timeline(G, node)
    return found


def _timeline(G: nx.MultiDiGraph, node: int) -> list[dict[str, int]]:
    entries = {m["target"]: m for m in G._node[node]["properties"].get("members", ())}
    result = []
    seen = set()
    for _, target in out_cables(G, node, "members"):
        if target in seen:
            continue  # a second cable to the same member (cable.duplicate warns of it)
        seen.add(target)
        entry = entries.get(target) or {}
        result.append(
            {
                "target": target,
                "start": entry.get("start", DEFAULT_START),
                "duration": entry.get("duration", DEFAULT_DURATION),
            }
        )
    result.sort(key=_timeline_order)
    return result


def _timeline_order(member: dict[str, int]) -> tuple[int, int]:
    return member["start"], member["target"]


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Report stale timeline entries, no members, no member at 0 s, a timeline over 300 s."""
    label = object_label(G, node, DISPLAY_NAME)
    members = timeline(G, node)
    cabled = {m["target"] for m in members}
    problems = []
    for entry in G.nodes[node]["properties"].get("members", []):
        if entry["target"] not in cabled:
            problems.append(
                make_problem(
                    "ring_group.member_not_cabled",
                    f"{label}'s timeline lists object #{entry['target']}, which is not cabled "
                    "to its Members port; it will not ring.",
                    objects=[node, entry["target"]] if entry["target"] in G else [node],
                    severity="warning",
                )
            )
    if not members:
        problems.append(
            make_problem(
                "ring_group.no_members",
                f"{label} has no members: cable its Members port to a contact method.",
                objects=[node],
            )
        )
        return problems
    if all(m["start"] != 0 for m in members):
        problems.append(
            make_problem(
                "ring_group.no_member_at_zero",
                f"{label} rings nobody at 0 s: at least one member must start at once.",
                objects=[node],
            )
        )
    end = max(m["start"] + m["duration"] for m in members)
    if end > MAX_TIMELINE:
        problems.append(
            make_problem(
                "ring_group.timeline_too_long",
                f"{label}'s timeline lasts {end} s; it may last {MAX_TIMELINE} s at most.",
                objects=[node],
            )
        )
    return problems


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """Return the ring group's node body: its timeline of contact methods and when it gives up.

    ``{"timeline": [{contact method step, "start", "duration"}], "no_answer_after": <timeline
    end in s>}``; the engine adds ``object``, ``type`` and the ``no_answer`` exit.
    """
    entries = [
        {
            **contact_method.compile(G, member["target"], facts),
            "start": member["start"],
            "duration": member["duration"],
        }
        for member in timeline(G, node)
    ]
    return {
        "timeline": entries,
        "no_answer_after": max((e["start"] + e["duration"] for e in entries), default=0),
    }


def simulate(node: Mapping[str, Any], call: Mapping[str, Any], at: int) -> dict[str, Any]:
    """Ring the timeline from ``at``; when it runs out the call leaves by ``no_answer``.

    A member that declines stops ringing then (``declined``); the others ring on. Once every
    member has declined or stopped and none is still to start, nobody is left to ring: the
    call leaves by ``no_answer`` at once, as the SIP server's parent transaction fails when
    its last entry has ended. Absent ``no_answer`` exit: the call ends (hangup) then.
    """
    rings = [
        declined(
            ring_of(
                entry, at + entry["start"], at + entry["start"] + entry["duration"], node["object"]
            ),
            call,
        )
        for entry in node["timeline"]
    ]
    after = node["no_answer_after"]
    who = "member" if len(rings) == 1 else "members"
    said = f"Rings {len(rings)} {who} on its timeline;"
    until = at + after
    if any(ring["declined"] for ring in rings):
        until = max(ring["until"] for ring in rings)
    if until < at + after:
        reason = f"{said} nobody answers, and by {until - at} s every member has declined or ended."
    else:
        reason = f"{said} nobody answers within {after} s."
    return {"rings": rings, "until": until, "exit": "no_answer", "reason": reason}


TYPE = ObjectType(
    name="ring_group",
    display_name=DISPLAY_NAME,
    category="routing",
    icon="users",
    color="#059669",
    ports=(
        calls_in("call"),
        PortSpec("members", "out", "Members", max_cables=None, signal="member"),
        PortSpec("no_answer", "out", "No answer", max_cables=1, signal="call", warning=True),
    ),
    schema=RingGroupProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "members": {
                "type": "array",
                "default": [],
                "description": "The ring timeline: one entry per cabled member.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["target"],
                    "properties": {
                        "target": {
                            "type": "integer",
                            "description": "The id of a cabled Contact Method object.",
                        },
                        "start": {
                            "type": "integer",
                            "minimum": 0,
                            "maximum": MAX_TIMELINE,
                            "default": DEFAULT_START,
                        },
                        "duration": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_TIMELINE,
                            "default": DEFAULT_DURATION,
                        },
                    },
                },
            },
            "preset": {"type": "string", "enum": list(PRESETS), "default": "ring_all"},
        },
    },
    defaults={"members": [], "preset": "ring_all"},
    default_name_prefix=DISPLAY_NAME,
    validate=validate,
    compile=compile,
    simulate=simulate,
    quick_valid=quick_valid,
)
