"""Check a workspace graph and report every problem at once.

The rules here are the ones every object type shares; each type adds its own through its
``validate`` hook. Every rule is one pass over nodes or edges (no per-object scan of the
graph), so a workspace of 10k objects checks in a fraction of a second.

Problem codes (stable: the canvas and the tests key on them)

==========================================  ========  ===========================================
code                                        severity  when
==========================================  ========  ===========================================
``object.unknown_type``                     error     no object type has the object's type name
``object.invalid_properties``               error     the properties fail the type's schema
``reference.unset``                         error     no number / contact method selected yet
``reference.missing``                       error     a referenced id is not in the facts
``cable.unknown_port``                      error     a cable names a port its object lacks
``cable.illegal_port_pair``                 error     the target port does not take the signal
``cable.duplicate``                         warning   two cables join the same two ports
``port.too_many_cables``                    error     more cables than the port's ``max_cables``
``entry.no_route``                          error     a number whose ``calls`` port is not cabled
``number.placed_twice``                     error     two entries answer the same number
``route.loop``                              error     a call can come back (a no_answer chain)
``object.unreachable``                      warning   no entry's calls reach the object
``ring_group.no_members``                   error     (ring_group hook)
``ring_group.no_member_at_zero``            error     (ring_group hook)
``ring_group.timeline_too_long``            error     (ring_group hook) ends after 300 s
``ring_group.member_not_cabled``            warning   (ring_group hook) stale timeline entry
``caller_id.internal_not_placed``           error     (contact_method hook)
``caller_id.external_not_in_inventory``     error     (contact_method hook)
``outbound.no_external_caller_id``          error     (contact_method hook)
``recording.no_delivery_method``            error     (contact_method hook)
``recording.on_demand_no_feature_code``     error     (contact_method hook)
``feature_code.collides_internal_number``   error     (internal_number hook)
``time_router.empty_schedule``              error     (time_router hook) no opening hours
``time_router.open_not_cabled``             error     (time_router hook)
``time_router.holiday_exit_not_cabled``     error     (time_router hook)
``time_router.overlapping_intervals``       info      (time_router hook)
``caller_router.no_rules``                  warning   (caller_router hook)
``caller_router.invalid_number``            error     (caller_router hook)
``caller_router.shadowed_rule``             error     (caller_router hook) can never match
``caller_router.rule_not_cabled``           error     (caller_router hook)
``blacklist.no_entries``                    warning   (blacklist hook)
``blacklist.invalid_number``                error     (blacklist hook)
``blacklist.allowed_not_cabled``            error     (blacklist hook)
==========================================  ========  ===========================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.graph.build import object_label
from workspace.graph.rules import Kinds, kinds_of, known, label
from workspace.graph.spec import ObjectType, Problem, make_problem

__all__ = [
    "has_errors",
    "object_problems",
    "placed_by",
    "placed_rows",
    "reference_problems",
    "validate",
    "valid_objects",
]

Types = Mapping[str, ObjectType]
Placed = dict[str, dict[Any, list[int]]]


def validate(G: nx.MultiDiGraph, *, types: Types, facts: Mapping[str, Any]) -> list[Problem]:
    """Return every problem of the workspace, errors first, in a stable order.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from ``build``.
    types : mapping of str to ObjectType
        The object-type registry (``workspace.objects.types.REGISTRY``).
    facts : mapping
        The account's contact-center facts (numbers, contact methods, devices, ...).

    Returns
    -------
    problems : list of Problem
        Errors before warnings; within each, the rules in a fixed order and ids ascending.
        The same graph and facts always give the same list. A bad workspace never raises.

    Example
    -------
    >>> from workspace.graph.build import build
    >>> from workspace.objects.types import REGISTRY
    >>> G = build([{"id": 1, "type": "teleporter", "name": "T"}], [])
    >>> [p["code"] for p in validate(G, types=REGISTRY, facts={})]
    ['object.unknown_type']
    """
    from workspace.graph.incremental import revalidate  # it builds on this module's rules

    return revalidate(G, types=types, facts=facts)[0]


def has_errors(problems: list[Problem]) -> bool:
    """Return True when any problem is an error (publishing is refused then)."""
    return any(p["severity"] == "error" for p in problems)


def valid_objects(G: nx.MultiDiGraph, *, types: Types) -> list[int]:
    """Return, ascending, the objects of a known type whose properties pass its schema."""
    return _check_objects(G, kinds_of(G, types))[1]


def placed_rows(G: nx.MultiDiGraph, *, types: Types, nodes: list[int] | None = None) -> Placed:
    """Return which objects place which facts rows: ``{collection: {row id: [object ids]}}``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    types : mapping of str to ObjectType
    nodes : list of int, optional
        Only these objects (say, those with valid properties); every object when None.

    Example
    -------
    >>> from workspace.graph.build import build
    >>> from workspace.objects.types import REGISTRY
    >>> G = build([{"id": 1, "type": "internal_number", "properties": {"number": 4}}], [])
    >>> placed_rows(G, types=REGISTRY)
    {'internal_numbers': {4: [1]}}
    """
    return placed_by(G, kinds_of(G, types), sorted(G) if nodes is None else sorted(nodes))


def placed_by(G: nx.MultiDiGraph, kinds: Kinds, nodes: list[int]) -> Placed:
    """placed_rows over these objects, with their types looked up already."""
    placed: Placed = {}
    attrs = G._node
    for node in nodes:
        kind = kinds[node]
        if kind is None or not kind.references:
            continue
        props = attrs[node]["properties"]
        for ref in kind.references:
            row = props.get(ref.prop, kind.defaults.get(ref.prop))
            if row is not None:
                placed.setdefault(ref.collection, {}).setdefault(row, []).append(node)
    return placed


def _check_objects(G: nx.MultiDiGraph, kinds: Kinds) -> tuple[list[Problem], list[int]]:
    problems: list[Problem] = []
    valid: list[int] = []
    for node in sorted(G):
        found = object_problems(G, kinds, node)
        if found:
            problems += found
        else:
            valid.append(node)
    return problems, valid


def object_problems(G: nx.MultiDiGraph, kinds: Kinds, node: int) -> list[Problem]:
    """An unknown type or properties that fail the type's schema; none for a valid object.
    They read the object alone."""
    kind = kinds[node]
    attrs = G._node[node]
    if kind is None:
        return [
            make_problem(
                "object.unknown_type",
                f"{object_label(G, node)} has an unknown type {attrs['type']!r}.",
                objects=[node],
            )
        ]
    props = attrs["properties"]
    if kind.quick_valid is not None and kind.quick_valid(props):
        return []
    errors = kind.schema.validate(props)
    if not errors:
        return []
    return [
        make_problem(
            "object.invalid_properties",
            f"{label(G, kinds, node)} has invalid properties: {_flatten(errors).rstrip('.')}.",
            objects=[node],
        )
    ]


def _flatten(errors: Any, prefix: str = "") -> str:
    """Render marshmallow's nested error dict as ``field.sub: message; ...``."""
    if isinstance(errors, dict):
        parts = [
            _flatten(value, f"{prefix}.{key}" if prefix else str(key))
            for key, value in sorted(errors.items(), key=lambda kv: str(kv[0]))
        ]
        return "; ".join(parts)
    if isinstance(errors, list):
        text = " ".join(str(e) if not isinstance(e, dict | list) else _flatten(e) for e in errors)
        return f"{prefix}: {text}" if prefix else text
    return f"{prefix}: {errors}" if prefix else str(errors)


def reference_problems(
    G: nx.MultiDiGraph, kinds: Kinds, facts: Mapping[str, Any], node: int
) -> list[Problem]:
    """References of a valid object that are unset or name no facts row; none when all
    resolve. They read the object and the facts."""
    kind = known(kinds, node)
    props = G._node[node]["properties"]
    problems: list[Problem] = []
    for ref in kind.references:
        row = props.get(ref.prop, kind.defaults.get(ref.prop))
        if row is None and ref.optional:
            continue
        if row is None:
            problems.append(
                make_problem(
                    "reference.unset",
                    f"{label(G, kinds, node)} has no {ref.label} selected.",
                    objects=[node],
                )
            )
        elif row not in (facts.get(ref.collection) or {}):
            problems.append(
                make_problem(
                    "reference.missing",
                    f"{label(G, kinds, node)} refers to {ref.label} #{row}, which does not exist.",
                    objects=[node],
                )
            )
    return problems
