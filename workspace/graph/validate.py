"""Check a workspace graph and report every problem at once.

The rules here are the ones every object type shares (types, properties, references, cables,
ports, entries, loops, reachability); each type adds its own through its ``validate`` hook.
Every rule is one pass over nodes or edges, so a workspace of 10k objects checks in well
under a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.graph.build import object_label
from workspace.graph.spec import ObjectType, Problem, make_problem

__all__ = ["has_errors", "placed_rows", "validate", "valid_objects"]

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
    problems, valid = _check_objects(G, types)
    placed = placed_rows(G, types=types, nodes=valid)
    reference_problems, resolved = _check_references(G, types, facts, valid, placed)
    problems += reference_problems
    problems += _check_hooks(G, types, facts, resolved, placed)
    problems += _check_cables(G, types)
    problems += _check_entries(G, types)
    problems += _check_placed_twice(G, types, facts, placed)
    problems += _check_loops(G, types)
    problems += _check_reachable(G, types)
    problems.sort(key=lambda p: p["severity"] != "error")
    return problems


def has_errors(problems: list[Problem]) -> bool:
    """Return True when any problem is an error (publishing is refused then)."""
    return any(p["severity"] == "error" for p in problems)


def valid_objects(G: nx.MultiDiGraph, *, types: Types) -> set[int]:
    """Return the objects of a known type whose properties pass their type's schema."""
    return _check_objects(G, types)[1]


def placed_rows(G: nx.MultiDiGraph, *, types: Types, nodes: set[int] | None = None) -> Placed:
    """Return which objects place which facts rows: ``{collection: {row id: [object ids]}}``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    types : mapping of str to ObjectType
    nodes : set of int, optional
        Only these objects (those with valid properties); all objects of a known type if None.

    Example
    -------
    >>> from workspace.graph.build import build
    >>> from workspace.objects.types import REGISTRY
    >>> G = build([{"id": 1, "type": "internal_number", "properties": {"number": 4}}], [])
    >>> placed_rows(G, types=REGISTRY)
    {'internal_numbers': {4: [1]}}
    """
    placed: Placed = {}
    for node in sorted(G if nodes is None else nodes):
        kind = types.get(G.nodes[node]["type"])
        if kind is None:
            continue
        props = G.nodes[node]["properties"]
        for ref in kind.references:
            row = props.get(ref.prop, kind.defaults.get(ref.prop))
            if row is not None:
                placed.setdefault(ref.collection, {}).setdefault(row, []).append(node)
    return placed


def _type_of(G: nx.MultiDiGraph, node: int, types: Types) -> ObjectType | None:
    name = G.nodes[node]["type"]
    return types.get(name) if isinstance(name, str) else None


def _check_objects(G: nx.MultiDiGraph, types: Types) -> tuple[list[Problem], set[int]]:
    problems: list[Problem] = []
    valid: set[int] = set()
    for node in sorted(G):
        kind = _type_of(G, node, types)
        if kind is None:
            problems.append(
                make_problem(
                    "object.unknown_type",
                    f"{object_label(G, node)} has an unknown type {G.nodes[node]['type']!r}.",
                    objects=[node],
                )
            )
            continue
        errors = kind.schema.validate(G.nodes[node]["properties"])
        if errors:
            problems.append(
                make_problem(
                    "object.invalid_properties",
                    f"{object_label(G, node, kind.display_name)} has invalid properties: "
                    f"{_flatten(errors).rstrip('.')}.",
                    objects=[node],
                )
            )
            continue
        valid.add(node)
    return problems, valid


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


def _check_references(
    G: nx.MultiDiGraph, types: Types, facts: Mapping[str, Any], valid: set[int], placed: Placed
) -> tuple[list[Problem], list[int]]:
    """Unset or unknown facts rows; returns the objects whose references all resolve."""
    problems: list[Problem] = []
    resolved: list[int] = []
    for node in sorted(valid):
        kind = types[G.nodes[node]["type"]]
        props = G.nodes[node]["properties"]
        ok = True
        for ref in kind.references:
            row = props.get(ref.prop, kind.defaults.get(ref.prop))
            if row is None:
                ok = False
                problems.append(
                    make_problem(
                        "reference.unset",
                        f"{object_label(G, node, kind.display_name)} has no {ref.label} selected.",
                        objects=[node],
                    )
                )
            elif row not in (facts.get(ref.collection) or {}):
                ok = False
                problems.append(
                    make_problem(
                        "reference.missing",
                        f"{object_label(G, node, kind.display_name)} refers to {ref.label} "
                        f"#{row}, which does not exist.",
                        objects=[node],
                    )
                )
        if ok:
            resolved.append(node)
    return problems, resolved


def _check_hooks(
    G: nx.MultiDiGraph,
    types: Types,
    facts: Mapping[str, Any],
    resolved: list[int],
    placed: Placed,
) -> list[Problem]:
    hook_facts = {**facts, "placed": placed}
    problems: list[Problem] = []
    for node in resolved:
        hook = types[G.nodes[node]["type"]].validate
        if hook is not None:
            problems += hook(G, node, hook_facts)
    return problems


def _check_cables(G: nx.MultiDiGraph, types: Types) -> list[Problem]:
    """Unknown ports, illegal signal pairs, duplicates, then ports over their limit."""
    problems: list[Problem] = []
    on_port: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    seen: dict[tuple[int, str, int, str], int] = {}
    for source, target, cable, data in sorted(G.edges(keys=True, data=True), key=_cable_id):
        skind, tkind = _type_of(G, source, types), _type_of(G, target, types)
        if skind is None or tkind is None:
            continue  # object.unknown_type already says it
        sname, tname = data["source_port"], data["target_port"]
        sport, tport = skind.port(sname, "out"), tkind.port(tname, "in")
        if sport is None or tport is None or sport.signal not in tport.accepts:
            slabel = object_label(G, source, skind.display_name)
            tlabel = object_label(G, target, tkind.display_name)
        if sport is None or tport is None:
            missing = (
                f"{slabel} has no output port {sname!r}"
                if sport is None
                else f"{tlabel} has no input port {tname!r}"
            )
            problems.append(
                make_problem(
                    "cable.unknown_port",
                    f"The cable from {slabel} to {tlabel} is broken: {missing}.",
                    objects=[source, target],
                    cables=[cable],
                )
            )
            continue
        on_port[(source, "out", sname)].append(cable)
        on_port[(target, "in", tname)].append(cable)
        if sport.signal not in tport.accepts:
            problems.append(
                make_problem(
                    "cable.illegal_port_pair",
                    f"{slabel}'s {sport.label} port cannot connect to "
                    f"{tlabel}'s {tport.label} port.",
                    objects=[source, target],
                    cables=[cable],
                )
            )
            continue
        first = seen.setdefault((source, sname, target, tname), cable)
        if first != cable:
            problems.append(
                make_problem(
                    "cable.duplicate",
                    f"{object_label(G, source, skind.display_name)} is cabled to "
                    f"{object_label(G, target, tkind.display_name)} twice on the same ports.",
                    objects=[source, target],
                    cables=[first, cable],
                    severity="warning",
                )
            )
    for (node, direction, name), cables in sorted(on_port.items()):
        kind = types[G.nodes[node]["type"]]
        port = kind.port(name, direction)
        if port.max_cables is not None and len(cables) > port.max_cables:
            limit = "one cable" if port.max_cables == 1 else f"{port.max_cables} cables"
            problems.append(
                make_problem(
                    "port.too_many_cables",
                    f"{object_label(G, node, kind.display_name)}'s {port.label} port takes "
                    f"{limit} at most, it has {len(cables)}.",
                    objects=[node],
                    cables=sorted(cables),
                )
            )
    return problems


def _cable_id(edge: tuple[int, int, int, dict]) -> int:
    return edge[2]


def _check_entries(G: nx.MultiDiGraph, types: Types) -> list[Problem]:
    problems: list[Problem] = []
    for node in sorted(G):
        kind = _type_of(G, node, types)
        if kind is None or kind.category != "entry":
            continue
        routed = any(
            data["source_port"] == kind.continue_port
            for keyed in G._succ[node].values()
            for data in keyed.values()
        )
        if not routed:
            problems.append(
                make_problem(
                    "entry.no_route",
                    f"{object_label(G, node, kind.display_name)} is not cabled to anything: "
                    "its calls go nowhere.",
                    objects=[node],
                )
            )
    return problems


def _check_placed_twice(
    G: nx.MultiDiGraph, types: Types, facts: Mapping[str, Any], placed: Placed
) -> list[Problem]:
    """The same number on two objects: by row id, or by two rows spelling the same number."""
    unique = {
        ref.collection: ref.label
        for kind in types.values()
        for ref in kind.references
        if ref.unique
    }
    problems: list[Problem] = []
    for collection in sorted(unique):
        rows = facts.get(collection) or {}
        by_number: dict[str, list[int]] = defaultdict(list)
        for row, nodes in placed.get(collection, {}).items():
            by_number[(rows.get(row) or {}).get("number") or f"#{row}"] += nodes
        for number, nodes in sorted(by_number.items(), key=lambda kv: sorted(kv[1])):
            if len(nodes) < 2:
                continue
            nodes = sorted(nodes)
            names = " and ".join(
                object_label(G, n, types[G.nodes[n]["type"]].display_name) for n in nodes
            )
            problems.append(
                make_problem(
                    "number.placed_twice",
                    f"The {unique[collection]} {number} is placed twice: {names}.",
                    objects=nodes,
                )
            )
    return problems


def _call_port(kind: ObjectType | None, name: str) -> bool:
    port = kind.port(name, "out") if kind is not None else None
    return port is not None and port.signal == "call"


def _check_loops(G: nx.MultiDiGraph, types: Types) -> list[Problem]:
    """A call that can come back to an object it already passed (e.g. a no_answer chain)."""
    flow = nx.DiGraph()
    cables: dict[tuple[int, int], list[int]] = defaultdict(list)
    for source, target, cable, data in G.edges(keys=True, data=True):
        if _call_port(_type_of(G, source, types), data["source_port"]):
            flow.add_edge(source, target)
            cables[(source, target)].append(cable)
    problems: list[Problem] = []
    loops = []
    for component in nx.strongly_connected_components(flow):
        node = next(iter(component))
        if len(component) > 1 or flow.has_edge(node, node):
            loops.append(sorted(component))
    for nodes in sorted(loops):
        members = set(nodes)
        loop_cables = sorted(
            c for (s, t), cs in cables.items() if s in members and t in members for c in cs
        )
        names = ", ".join(
            object_label(G, n, getattr(_type_of(G, n, types), "display_name", None)) for n in nodes
        )
        problems.append(
            make_problem(
                "route.loop",
                f"Calls go round in a loop through {names}.",
                objects=nodes,
                cables=loop_cables,
            )
        )
    return problems


def _check_reachable(G: nx.MultiDiGraph, types: Types) -> list[Problem]:
    """Warn about objects that no entry's calls can reach."""
    entries = [n for n in G if getattr(_type_of(G, n, types), "category", None) == "entry"]
    reached = set(entries)
    frontier = list(entries)
    succ = G._succ
    while frontier:
        node = frontier.pop()
        for nxt in succ[node]:
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    problems: list[Problem] = []
    for node in sorted(G):
        kind = _type_of(G, node, types)
        if node in reached or kind is None:
            continue
        problems.append(
            make_problem(
                "object.unreachable",
                f"{object_label(G, node, kind.display_name)} is not reached by any number.",
                objects=[node],
                severity="warning",
            )
        )
    return problems
