"""The rules that relate objects to each other: cables and ports, entries, numbers placed twice,
loops and reachability. ``validate`` runs them after the per-object checks; each is one pass
over the nodes or the cables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
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
    "entry_problems",
    "kinds_of",
    "label",
    "out_cable_problems",
    "port_limit_problems",
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
    found = [item for node in G for item in out_cable_problems(G, kinds, node)]
    found.sort(key=lambda item: item[0])
    limits = [problem for node in sorted(G) for problem in port_limit_problems(G, kinds, node)]
    return [problem for _, problem in found] + limits


def out_cable_problems(G: nx.MultiDiGraph, kinds: Kinds, source: int) -> list[tuple[int, Problem]]:
    """The problems of the cables leaving ``source``, each with the cable id it sorts by:
    unknown ports, illegal signal pairs, and cables that join the same two ports twice.
    They read ``source``, its cables and their targets only."""
    skind = kinds[source]
    if skind is None:
        return []  # object.unknown_type already says it
    found: list[tuple[int, Problem]] = []
    first: dict[tuple[int, str, int, str], int] = {}
    repeated: dict[tuple[int, str, int, str], list[int]] = {}
    for target, keyed in G._succ[source].items():
        tkind = kinds[target]
        if tkind is None:
            continue
        for cable, data in keyed.items():
            sname, tname = data["source_port"], data["target_port"]
            sport, tport = skind.out_ports.get(sname), tkind.in_ports.get(tname)
            if sport is None or tport is None:
                missing = (
                    f"{label(G, kinds, source)} has no output port {sname!r}"
                    if sport is None
                    else f"{label(G, kinds, target)} has no input port {tname!r}"
                )
                found.append(
                    (
                        cable,
                        make_problem(
                            "cable.unknown_port",
                            f"The cable from {label(G, kinds, source)} to "
                            f"{label(G, kinds, target)} is broken: {missing}.",
                            objects=[source, target],
                            cables=[cable],
                        ),
                    )
                )
                continue
            if sport.signal not in tport.accepts:
                found.append(
                    (
                        cable,
                        make_problem(
                            "cable.illegal_port_pair",
                            f"{label(G, kinds, source)}'s {sport.label} port cannot connect to "
                            f"{label(G, kinds, target)}'s {tport.label} port.",
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
    for (_, _, target, _), cables in repeated.items():
        cables.sort()
        found.append(
            (
                cables[-1],
                make_problem(
                    "cable.duplicate",
                    f"{label(G, kinds, source)} is cabled to {label(G, kinds, target)} twice "
                    "on the same ports.",
                    objects=[source, target],
                    cables=cables,
                    severity="warning",
                ),
            )
        )
    return found


def port_limit_problems(G: nx.MultiDiGraph, kinds: Kinds, node: int) -> list[Problem]:
    """The ports of ``node`` with more cables than their ``max_cables``, by direction and port
    name. Only cables whose two ports exist count (a broken cable is reported as such). They
    read ``node``, its cables and the objects at their other ends only."""
    kind = kinds[node]
    if kind is None:
        return []
    limited: dict[tuple[Literal["in", "out"], str], list[int]] = defaultdict(list)
    for target, keyed in G._succ[node].items():
        tkind = kinds[target]
        if tkind is None:
            continue
        for cable, data in keyed.items():
            sport = kind.out_ports.get(data["source_port"])
            if sport is None or tkind.in_ports.get(data["target_port"]) is None:
                continue
            if sport.max_cables is not None:
                limited[("out", data["source_port"])].append(cable)
    for source, keyed in G._pred[node].items():
        skind = kinds[source]
        if skind is None:
            continue
        for cable, data in keyed.items():
            tport = kind.in_ports.get(data["target_port"])
            if tport is None or skind.out_ports.get(data["source_port"]) is None:
                continue
            if tport.max_cables is not None:
                limited[("in", data["target_port"])].append(cable)
    problems = []
    for (direction, name), cables in sorted(limited.items()):
        port = kind.port(name, direction)
        if port is None or port.max_cables is None or len(cables) <= port.max_cables:
            continue
        limit = "one cable" if port.max_cables == 1 else f"{port.max_cables} cables"
        problems.append(
            make_problem(
                "port.too_many_cables",
                f"{label(G, kinds, node)}'s {port.label} port takes {limit} at most, it "
                f"has {len(cables)}.",
                objects=[node],
                cables=sorted(cables),
            )
        )
    return problems


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
