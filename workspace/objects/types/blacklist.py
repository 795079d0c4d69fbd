"""Blacklist: keep listed callers out.

Entries are exact E.164 numbers or prefixes, each with an optional note and an optional expiry
(evaluated when the call comes, so an entry lapses without a publish). A listed caller leaves
by ``blocked``; with nothing cabled there the call is rejected (SIP 403 with the reason
"Blocked"), which is a choice, not a problem. Everyone else leaves by ``allowed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
from marshmallow import fields
from marshmallow import validate as check

from workspace.graph import ObjectType, Problem, make_problem, object_label
from workspace.objects.types._common import PropertiesSchema, calls_in
from workspace.objects.types._decision import AwareTime, exit_port, not_cabled, play
from workspace.objects.types.caller_router import number_problem

__all__ = ["MAX_ENTRIES", "REJECT", "TYPE", "compile", "simulate", "validate"]

DISPLAY_NAME = "Blacklist"
MAX_ENTRIES = 500
#: What the SIP server answers a blocked caller when ``blocked`` is not cabled.
REJECT = {"code": 403, "reason": "Blocked"}


class EntrySchema(PropertiesSchema):
    """``{"match": "exact" | "prefix", "number", "note", "expires": ISO 8601 | None}``."""

    match = fields.String(load_default="exact", validate=check.OneOf(("exact", "prefix")))
    number = fields.String(required=True, validate=check.Length(max=32))
    note = fields.String(load_default="", validate=check.Length(max=200))
    expires = AwareTime(load_default=None, allow_none=True, validate=check.Length(max=40))


class BlacklistProperties(PropertiesSchema):
    """``{"entries": [entry, ...]}``."""

    entries = fields.List(
        fields.Nested(EntrySchema), load_default=list, validate=check.Length(max=MAX_ENTRIES)
    )


def quick_valid(props: Mapping[str, Any]) -> bool:
    """The fast accept path: only an empty list; any entries go through the schema.

    >>> quick_valid({"entries": []}), quick_valid({"entries": [{}]})
    (True, False)
    """
    return isinstance(props, dict) and props.get("entries", []) == [] and set(props) <= {"entries"}


def _entries(G: nx.MultiDiGraph, node: int) -> list[dict[str, Any]]:
    return list(G._node[node]["properties"].get("entries") or [])


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Codes: ``blacklist.no_entries`` (warning), ``blacklist.invalid_number``,
    ``blacklist.allowed_not_cabled``. An uncabled ``blocked`` is fine: the call is rejected."""
    label = object_label(G, node, DISPLAY_NAME)
    entries = _entries(G, node)
    problems: list[Problem] = []
    if not entries:
        problems.append(
            make_problem(
                "blacklist.no_entries",
                f"{label} lists nobody: every call is allowed.",
                objects=[node],
                severity="warning",
            )
        )
    for index, entry in enumerate(entries, start=1):
        why = number_problem(entry)
        if why:
            problems.append(
                make_problem(
                    "blacklist.invalid_number",
                    f"{label}'s entry {index}: {entry['number'] or 'the empty number'} {why}.",
                    objects=[node],
                )
            )
    problems += not_cabled(
        G,
        node,
        "allowed",
        "blacklist.allowed_not_cabled",
        "has nothing cabled to its Allowed exit: no call would get through.",
    )
    return problems


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """``{"entries": [{"match", "number", "note", "expires"}], "reject": {"code", "reason"}}``."""
    return {
        "entries": [
            {
                "match": e.get("match", "exact"),
                "number": e["number"],
                "note": e.get("note") or "",
                "expires": e.get("expires"),
            }
            for e in _entries(G, node)
        ],
        "reject": dict(REJECT),
    }


def simulate(node: Mapping[str, Any], call: Mapping[str, Any], at: int) -> dict[str, Any]:
    """Blocked with no ``blocked`` exit cabled: the call is rejected (403) here."""
    played = play(node, call, at)
    if played["exit"] == "blocked" and "blocked" not in node.get("exits", {}):
        reject = node.get("reject") or REJECT
        played.update(
            exit=None,
            outcome="rejected",
            rejected={"code": reject["code"], "reason": reject["reason"]},
            reason=played["reason"]
            + f" The call is rejected ({reject['code']} {reject['reason']}).",
        )
    return played


TYPE = ObjectType(
    name="blacklist",
    display_name=DISPLAY_NAME,
    category="routing",
    icon="ban",
    color="#dc2626",
    ports=(
        calls_in("call"),
        exit_port("allowed", "Allowed", tone="positive"),
        exit_port("blocked", "Blocked", tone="negative"),
    ),
    schema=BlacklistProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "entries": {
                "type": "array",
                "title": "Blocked numbers",
                "default": [],
                "maxItems": MAX_ENTRIES,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["number"],
                    "properties": {
                        "match": {"type": "string", "enum": ["exact", "prefix"]},
                        "number": {"type": "string", "maxLength": 32},
                        "note": {"type": "string", "maxLength": 200, "default": ""},
                        "expires": {"type": ["string", "null"], "format": "date-time"},
                    },
                },
            }
        },
    },
    defaults={"entries": []},
    default_name_prefix=DISPLAY_NAME,
    validate=validate,
    compile=compile,
    quick_valid=quick_valid,
    simulate=simulate,
)
