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
from marshmallow import ValidationError, fields, validate, validates_schema

from workspace.graph import ObjectType, PortSpec, Problem, make_problem, object_label, out_cables
from workspace.objects.types import contact_method
from workspace.objects.types._common import PropertiesSchema, calls_in

__all__ = [
    "DEFAULT_DURATION",
    "MAX_TIMELINE",
    "TYPE",
    "MemberSchema",
    "RingGroupProperties",
    "compile",
    "ring_all",
    "sequential",
    "timeline",
    "validate",
]

DISPLAY_NAME = "Ring Group"
MAX_TIMELINE = 300
DEFAULT_START = 0
DEFAULT_DURATION = 30
PRESETS = ("ring_all", "sequential", "custom")


class MemberSchema(PropertiesSchema):
    """One timeline entry: ``{"target": <contact method object id>, "start", "duration"}``."""

    target = fields.Integer(strict=True, required=True)
    start = fields.Integer(
        strict=True, load_default=DEFAULT_START, validate=validate.Range(0, MAX_TIMELINE)
    )
    duration = fields.Integer(
        strict=True, load_default=DEFAULT_DURATION, validate=validate.Range(1, MAX_TIMELINE)
    )


class RingGroupProperties(PropertiesSchema):
    """``{"members": [MemberSchema, ...], "preset": "ring_all" | "sequential" | "custom"}``."""

    members = fields.List(fields.Nested(MemberSchema), load_default=list)
    preset = fields.String(load_default="ring_all", validate=validate.OneOf(PRESETS))

    @validates_schema
    def _targets_once(self, data: dict[str, Any], **kwargs: Any) -> None:
        targets = [m["target"] for m in data.get("members", [])]
        if len(targets) != len(set(targets)):
            raise ValidationError("Each target may appear once.", "members")


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
    """
    entries = {m["target"]: m for m in G.nodes[node]["properties"].get("members", [])}
    result = []
    for target in dict.fromkeys(t for _, t in out_cables(G, node, "members")):
        entry = entries.get(target, {})
        result.append(
            {
                "target": target,
                "start": entry.get("start", DEFAULT_START),
                "duration": entry.get("duration", DEFAULT_DURATION),
            }
        )
    result.sort(key=lambda m: (m["start"], m["target"]))
    return result


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
    """Return the ring group's step: its timeline of contact methods and when it gives up.

    ``{"object", "ring_group", "timeline": [{contact method step, "start", "duration"}],
    "no_answer_after": <timeline end in s>}``.
    """
    entries = []
    for member in timeline(G, node):
        entry = contact_method.compile(G, member["target"], facts)
        entry["start"] = member["start"]
        entry["duration"] = member["duration"]
        entries.append(entry)
    return {
        "object": node,
        "ring_group": node,
        "timeline": entries,
        "no_answer_after": max((e["start"] + e["duration"] for e in entries), default=0),
    }


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
    continue_port="no_answer",
    validate=validate,
    compile=compile,
)
