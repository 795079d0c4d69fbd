"""Caller Router: send a call by the caller's number, first matching rule wins.

Rules, in the admin's order, match an exact E.164 number, a prefix (``+49``, ``+1900``) or a
withheld number (``anonymous``); each leads to its own exit, one of ``rule_1`` to
``rule_10``, which the admin labels. A rule keeps its exit when the rules are reordered, so
the cables stay put. A call no rule matches leaves by ``default``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import networkx as nx
from marshmallow import ValidationError, fields, validates_schema
from marshmallow import validate as check

from workspace.graph import ObjectType, Problem, make_problem, object_label
from workspace.graph.decide import covers
from workspace.objects.types._common import PropertiesSchema, calls_in
from workspace.objects.types._decision import exit_port, not_cabled, play
from workspace.objects.types.forward import e164

__all__ = ["MAX_RULES", "RULE_EXITS", "TYPE", "compile", "number_problem", "validate"]

DISPLAY_NAME = "Caller Router"
MAX_RULES = 10
RULE_EXITS = tuple(f"rule_{n}" for n in range(1, MAX_RULES + 1))
MATCHES = ("exact", "prefix", "anonymous")
PREFIX = re.compile(r"\+[0-9]{1,15}")


class RuleSchema(PropertiesSchema):
    """``{"match": "exact" | "prefix" | "anonymous", "number": str, "label": str, "exit"}``."""

    match = fields.String(required=True, validate=check.OneOf(MATCHES))
    number = fields.String(load_default="", validate=check.Length(max=32))
    label = fields.String(load_default="", validate=check.Length(max=40))
    exit = fields.String(required=True, validate=check.OneOf(RULE_EXITS))


class CallerRouterProperties(PropertiesSchema):
    """``{"rules": [rule, ...]}``, at most ten, each with an exit of its own."""

    rules = fields.List(
        fields.Nested(RuleSchema), load_default=list, validate=check.Length(max=MAX_RULES)
    )

    @validates_schema
    def _exits_unique(self, data: dict[str, Any], **kwargs: Any) -> None:
        exits = [rule["exit"] for rule in data.get("rules", [])]
        if len(set(exits)) != len(exits):
            raise ValidationError("Each rule needs an exit of its own.", "rules")


def number_problem(rule: Mapping[str, Any]) -> str | None:
    """Why a rule's (or a blacklist entry's) number cannot match, or None when it can.

    >>> number_problem({"match": "prefix", "number": "+49"}), number_problem(
    ...     {"match": "exact", "number": "0301234"})
    (None, 'is not a valid international number (E.164, such as +14155550199)')
    """
    number = rule.get("number", "")
    match = rule.get("match", "exact")
    if match == "exact" and (not number or e164(number) != number):
        return "is not a valid international number (E.164, such as +14155550199)"
    if match == "prefix" and not PREFIX.fullmatch(number):
        return "is not a prefix of an international number (+ and digits, such as +49)"
    return None


def quick_valid(props: Mapping[str, Any]) -> bool:
    """The fast accept path: only an empty list; any rules go through the schema.

    >>> quick_valid({"rules": []}), quick_valid({"rules": [{}]})
    (True, False)
    """
    return isinstance(props, dict) and props.get("rules", []) == [] and set(props) <= {"rules"}


def _rules(G: nx.MultiDiGraph, node: int) -> list[dict[str, Any]]:
    return list(G._node[node]["properties"].get("rules") or [])


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Codes: ``caller_router.no_rules`` (warning: every call takes ``default``),
    ``caller_router.invalid_number``, ``caller_router.shadowed_rule`` (an earlier rule matches
    every caller this one would), ``caller_router.rule_not_cabled``."""
    label = object_label(G, node, DISPLAY_NAME)
    rules = _rules(G, node)
    problems: list[Problem] = []
    if not rules:
        problems.append(
            make_problem(
                "caller_router.no_rules",
                f"{label} has no rules: every call leaves by Default.",
                objects=[node],
                severity="warning",
            )
        )
    usable: list[tuple[int, dict[str, Any]]] = []
    for index, rule in enumerate(rules, start=1):
        name = f"rule {index}" + (f" ({rule['label']})" if rule.get("label") else "")
        why = number_problem(rule)
        if why:
            problems.append(
                make_problem(
                    "caller_router.invalid_number",
                    f"{label}'s {name}: {rule.get('number') or 'the empty number'} {why}.",
                    objects=[node],
                )
            )
            continue
        earlier = next((i for i, e in usable if covers(e, rule)), None)
        if earlier is not None:
            problems.append(
                make_problem(
                    "caller_router.shadowed_rule",
                    f"{label}'s {name} can never match: rule {earlier} matches every caller "
                    "it would. Move it up or remove it.",
                    objects=[node],
                )
            )
        usable.append((index, rule))
        problems += not_cabled(
            G,
            node,
            rule["exit"],
            "caller_router.rule_not_cabled",
            f"has nothing cabled to the exit of its {name}.",
        )
    return problems


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """``{"rules": [{"match", "number", "exit", "label"}]}`` in the admin's order
    (``number`` is None for ``anonymous``)."""
    return {
        "rules": [
            {
                "match": rule["match"],
                "number": None if rule["match"] == "anonymous" else rule["number"],
                "exit": rule["exit"],
                "label": rule.get("label") or "",
            }
            for rule in _rules(G, node)
        ]
    }


TYPE = ObjectType(
    name="caller_router",
    display_name=DISPLAY_NAME,
    category="routing",
    icon="route",
    color="#db2777",
    ports=(
        calls_in("call"),
        *(exit_port(name, f"Rule {n}") for n, name in enumerate(RULE_EXITS, start=1)),
        exit_port("default", "Default"),
    ),
    schema=CallerRouterProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "rules": {
                "type": "array",
                "title": "Rules",
                "default": [],
                "maxItems": MAX_RULES,
                "description": "Checked in order; the first that matches the caller wins.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["match", "exit"],
                    "properties": {
                        "match": {"type": "string", "enum": list(MATCHES)},
                        "number": {"type": "string", "maxLength": 32, "default": ""},
                        "label": {"type": "string", "maxLength": 40, "default": ""},
                        "exit": {"type": "string", "enum": list(RULE_EXITS)},
                    },
                },
            }
        },
    },
    defaults={"rules": []},
    default_name_prefix=DISPLAY_NAME,
    validate=validate,
    compile=compile,
    quick_valid=quick_valid,
    simulate=play,
)
