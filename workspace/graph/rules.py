"""The rules that relate objects to each other: cables and ports, entries, numbers placed twice,
loops and reachability. ``validate`` runs them after the per-object checks; each is one pass
over the nodes or the cables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import networkx as nx

from workspace.graph.build import object_label
from workspace.graph.spec import ObjectType, Problem, make_problem

__all__ = [
    "Kinds",
    "cables_of",
    "check_cables",
    "check_entries",
    "check_loops",
    "check_placed_twice",
    "check_reachable",
    "cable_problems",
    "entry_problems",
    "kinds_of",
    "label",
]

Types = Mapping[str, ObjectType]
Kinds = dict[int, ObjectType | None]


def kinds_of(G: nx.MultiDiGraph, types: Types) -> Kinds:
    """Each object's type, None where unknown: looked up once per run."""
    return {
        node: types.get(name) if isinstance(name, str) else None
        for node, name in G.nodes(data="type")
    }


def known(kinds: Kinds, node: int) -> ObjectType:
    """The type of an object that earlier checks found known (listed as valid or resolved)."""
    kind = kinds[node]
    if kind is None:
        raise KeyError(f"object {node} has an unknown type; object.unknown_type reports it")
    return kind


def label(G: nx.MultiDiGraph, kinds: Kinds, node: int) -> str:
    """How messages name an object, with its type's display name when the type is known."""
    kind = kinds[node]
    return object_label(G, node, kind.display_name if kind is not None else None)


def cables_of(G: nx.MultiDiGraph) -> Iterator[tuple[int, int, int, dict[str, Any]]]:
    """Every cable as ``(source, target, cable id, data)``, straight from the adjacency."""
    for source, targets in G._succ.items():
        for target, keyed in targets.items():
            for cable, data in keyed.items():
                yield source, target, cable, data


def check_cables(G: nx.MultiDiGraph, kinds: Kinds) -> list[Problem]:
    """Unknown ports, illegal signal pairs, duplicates (by cable id), then ports over their
    limit (by object, direction and port)."""
    by_source, limits = cable_problems(G, kinds)
    found = sorted((item for items in by_source.values() for item in items), key=_first)
    return [problem for _, problem in found] + [
        problem for node in sorted(limits) for problem in limits[node]
    ]


def cable_problems(
    G: nx.MultiDiGraph, kinds: Kinds, nodes: Iterable[int] | None = None
) -> tuple[dict[int, list[tuple[int, Problem]]], dict[int, list[Problem]]]:
    """The cable rules of ``nodes`` (every object when None), in one pass over their cables.

    Returns
    -------
    by_source : dict
        Per object, the problems of the cables leaving it, each with the cable id it sorts
        by: unknown ports, illegal signal pairs, cables that join the same two ports twice.
        They read the object, its cables and their targets.
    limits : dict
        Per object, its ports with more cables than their ``max_cables``, by direction and
        port name. Only cables whose two ports exist count (a broken cable is reported as
        such). They read the object, its cables and the objects at their other ends.
    Objects without problems are left out of both.
    """
    whole = nodes is None
    sources = list(G._succ) if nodes is None else list(nodes)
    by_source: dict[int, list[tuple[int, Problem]]] = {}
    limited: dict[tuple[int, Literal["in", "out"], str], list[int]] = defaultdict(list)
    # The first cable on each pair of ports, and the pairs cabled more than once.
    first: dict[tuple[int, str, int, str], int] = {}
    repeated: dict[tuple[int, str, int, str], list[int]] = {}
    for source in sources:
        skind = kinds[source]
        if skind is None:
            continue  # object.unknown_type already says it
        for target, keyed in G._succ[source].items():
            tkind = kinds[target]
            if tkind is None:
                continue
            for cable, data in keyed.items():
                sname, tname = data["source_port"], data["target_port"]
                sport, tport = skind.out_ports.get(sname), tkind.in_ports.get(tname)
                if sport is None or tport is None:
                    by_source.setdefault(source, []).append(
                        (cable, _broken(G, kinds, source, target, cable, sport, data))
                    )
                    continue
                if sport.max_cables is not None:
                    limited[(source, "out", sname)].append(cable)
                if whole and tport.max_cables is not None:
                    limited[(target, "in", tname)].append(cable)
                if sport.signal not in tport.accepts:
                    by_source.setdefault(source, []).append(
                        (
                            cable,
                            make_problem(
                                "cable.illegal_port_pair",
                                f"{label(G, kinds, source)}'s {sport.label} port cannot connect "
                                f"to {label(G, kinds, target)}'s {tport.label} port.",
                                objects=[source, target],
                                cables=[cable],
                            ),
                        )
                    )
                    continue
                pair = (source, sname, target, tname)
                if pair in first:
                    repeated.setdefault(pair, [first[pair]]).append(cable)
                else:
                    first[pair] = cable
    for (source, _, target, _), cables in repeated.items():
        cables.sort()
        by_source.setdefault(source, []).append(
            (
                cables[-1],
                make_problem(
                    "cable.duplicate",
                    f"{label(G, kinds, source)} is cabled to {label(G, kinds, target)} "
                    "twice on the same ports.",
                    objects=[source, target],
                    cables=cables,
                    severity="warning",
                ),
            )
        )
    if not whole:  # the cables entering these objects, for their input ports' limits
        for node in sources:
            _count_entering(G, kinds, node, limited)
    return by_source, _over_limit(G, kinds, limited)


def _broken(
    G: nx.MultiDiGraph,
    kinds: Kinds,
    source: int,
    target: int,
    cable: int,
    sport: Any,
    data: Mapping[str, str],
) -> Problem:
    missing = (
        f"{label(G, kinds, source)} has no output port {data['source_port']!r}"
        if sport is None
        else f"{label(G, kinds, target)} has no input port {data['target_port']!r}"
    )
    return make_problem(
        "cable.unknown_port",
        f"The cable from {label(G, kinds, source)} to {label(G, kinds, target)} is broken: "
        f"{missing}.",
        objects=[source, target],
        cables=[cable],
    )


def _count_entering(
    G: nx.MultiDiGraph,
    kinds: Kinds,
    node: int,
    limited: dict[tuple[int, Literal["in", "out"], str], list[int]],
) -> None:
    kind = kinds[node]
    if kind is None or not any(direction == "in" for direction, _ in kind.limited):
        return
    for source, keyed in G._pred[node].items():
        skind = kinds[source]
        if skind is None:
            continue
        for cable, data in keyed.items():
            tport = kind.in_ports.get(data["target_port"])
            if tport is None or data["source_port"] not in skind.out_ports:
                continue
            if tport.max_cables is not None:
                limited[(node, "in", data["target_port"])].append(cable)


def _over_limit(
    G: nx.MultiDiGraph,
    kinds: Kinds,
    limited: dict[tuple[int, Literal["in", "out"], str], list[int]],
) -> dict[int, list[Problem]]:
    limits: dict[int, list[Problem]] = {}
    for (node, direction, name), cables in sorted(limited.items()):
        port = known(kinds, node).port(name, direction)
        if port is None or port.max_cables is None or len(cables) <= port.max_cables:
            continue
        limit = "one cable" if port.max_cables == 1 else f"{port.max_cables} cables"
        limits.setdefault(node, []).append(
            make_problem(
                "port.too_many_cables",
                f"{label(G, kinds, node)}'s {port.label} port takes {limit} at most, it "
                f"has {len(cables)}.",
                objects=[node],
                cables=sorted(cables),
            )
        )
    return limits


def _first(item: tuple[int, Problem]) -> int:
    return item[0]


def check_entries(G: nx.MultiDiGraph, kinds: Kinds) -> list[Problem]:
    return [problem for node in sorted(G) for problem in entry_problems(G, kinds, node)]


def entry_problems(G: nx.MultiDiGraph, kinds: Kinds, node: int) -> list[Problem]:
    """``entry.no_route`` when ``node`` is an entry none of whose exits is cabled."""
    kind = kinds[node]
    if kind is None or kind.category != "entry":
        return []
    routed = any(
        data["source_port"] in kind.exits
        for keyed in G._succ[node].values()
        for data in keyed.values()
    )
    if routed:
        return []
    return [
        make_problem(
            "entry.no_route",
            f"{label(G, kinds, node)} is not cabled to anything: its calls go nowhere.",
            objects=[node],
        )
    ]


def check_placed_twice(
    G: nx.MultiDiGraph, kinds: Kinds, facts: Mapping[str, Any], resolved: list[int]
) -> list[Problem]:
    """Two entries that calls to one number would reach (same row, or rows spelled alike)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for node in resolved:
        kind = known(kinds, node)
        if kind.category == "entry" and kind.inbound is not None:
            by_key[kind.inbound(G, node, facts)].append(node)
    problems: list[Problem] = []
    for nodes in sorted(nodes for nodes in by_key.values() if len(nodes) > 1):
        names = " and ".join(label(G, kinds, n) for n in nodes)
        problems.append(
            make_problem(
                "number.placed_twice",
                f"The {_number(G, known(kinds, nodes[0]), nodes[0], facts)} is placed twice: "
                f"{names}.",
                objects=nodes,
            )
        )
    return problems


def _number(G: nx.MultiDiGraph, kind: ObjectType, node: int, facts: Mapping[str, Any]) -> str:
    """``phone number +14155550100``: what an entry's first reference names, for messages."""
    if not kind.references:
        return "number"
    ref = kind.references[0]
    row = facts[ref.collection][G._node[node]["properties"][ref.prop]]
    return f"{ref.label} {row.get('number', '')}".strip()


def check_loops(G: nx.MultiDiGraph, kinds: Kinds) -> list[Problem]:
    """A call that can come back to an object it already passed (e.g. a no_answer chain).

    Objects that no call cable enters or leaves cannot be on a loop: peeling them off first
    (Kahn's algorithm) leaves nothing to search in a workspace without loops.
    """
    flow: dict[int, list[tuple[int, int]]] = defaultdict(list)
    entering: dict[int, int] = defaultdict(int)
    for source, target, cable, data in cables_of(G):
        kind = kinds[source]
        port = kind.out_ports.get(data["source_port"]) if kind is not None else None
        if port is not None and port.signal == "call":
            flow[source].append((target, cable))
            entering[target] += 1
    ready = [node for node in flow if not entering[node]]
    while ready:
        for target, _ in flow[ready.pop()]:
            entering[target] -= 1
            if not entering[target]:
                ready.append(target)
    left = {node for node, count in entering.items() if count}
    if not left:
        return []
    rest = nx.DiGraph()
    rest.add_edges_from((s, t) for s in left for t, _ in flow[s] if t in left)
    loops = []
    for component in nx.strongly_connected_components(rest):
        node = next(iter(component))
        if any(getattr(kinds[n], "max_visits", 1) > 1 for n in component):
            continue  # a type that repeats by design bounds its own visits
        if len(component) > 1 or rest.has_edge(node, node):
            loops.append(sorted(component))
    problems = []
    for nodes in sorted(loops):
        members = set(nodes)
        cables = sorted(c for s in nodes for t, c in flow[s] if t in members)
        names = ", ".join(label(G, kinds, n) for n in nodes)
        problems.append(
            make_problem(
                "route.loop",
                f"Calls go round in a loop through {names}.",
                objects=nodes,
                cables=cables,
            )
        )
    return problems


def check_reachable(G: nx.MultiDiGraph, kinds: Kinds) -> list[Problem]:
    """Warn about objects that no entry's calls can reach."""
    frontier = [n for n, kind in kinds.items() if kind is not None and kind.category == "entry"]
    reached = set(frontier)
    succ = G._succ
    while frontier:
        for nxt in succ[frontier.pop()]:
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    return [
        make_problem(
            "object.unreachable",
            f"{label(G, kinds, node)} is not reached by any number.",
            objects=[node],
            severity="warning",
        )
        for node in sorted(G)
        if node not in reached and kinds[node] is not None
    ]
