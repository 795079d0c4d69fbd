"""Compile a valid workspace graph into the routing plan (DESIGN.md section 6).

The plan is plain JSON, format 2, a call program: ``routes`` keyed by number (E.164, or
``ext:<digits>`` for extensions) point at ``nodes``, each node one object's compiled step with
named exits to other nodes; and ``devices``, the slice of settings each call.center device is
given. No SIP password is ever in it. docs/routing-plan.md documents the format.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from workspace.graph.canonical import canonical_sha256
from workspace.graph.devices import devices_section
from workspace.graph.spec import CompileError, ObjectType, Problem, make_problem
from workspace.graph.validate import has_errors, placed_rows, validate

__all__ = ["FORMAT", "compile_plan", "node_id", "plan_hash"]

Types = Mapping[str, ObjectType]
Facts = Mapping[str, Any]

#: The plan format ``compile_plan`` writes (docs/routing-plan.md).
FORMAT = 2

#: Plan keys that are left out of the hash: they name the publication, not the routing.
UNHASHED = ("hash", "compiled_at", "revision")


def compile_plan(
    G: nx.MultiDiGraph,
    *,
    types: Types,
    facts: Facts,
    revision: int | None = None,
    compiled_at: str | None = None,
    problems: list[Problem] | None = None,
) -> dict[str, Any]:
    """Return the routing plan of a workspace.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from ``build``.
    types : mapping of str to ObjectType
        The object-type registry.
    facts : mapping
        The account's contact-center facts.
    revision : int, optional
        The revision number the plan is published as.
    compiled_at : str, optional
        An ISO 8601 timestamp; the plan does not read the clock itself.
    problems : list of Problem, optional
        What ``validate(G, types=types, facts=facts)`` returned for this very graph, to save
        validating twice; validated here when None.

    Returns
    -------
    plan : dict
        ``{"format": 2, "revision", "hash", "compiled_at", "routes", "nodes", "devices"}``
        (docs/routing-plan.md describes every field). ``hash`` is ``"sha256:"`` + the hex
        digest of the canonical JSON (sorted keys, no whitespace) of the plan without
        ``hash``, ``compiled_at`` and ``revision``: the same workspace and facts always give
        the same hash, whatever the order of the input rows.

        ``routes[key]`` is ``{"node": "n<entry object id>"}``, keyed by E.164 or
        ``ext:<digits>``. ``nodes["n<id>"]`` is one object's compiled step: ``{"object",
        "type", ...the type's compile hook..., "exits": {exit name: node id}}``, ``exits``
        left out when no exit is cabled (an absent exit ends the call with the type's
        documented answer). Only objects a route reaches through exits are nodes; contact
        methods a ring group rings are entries of its ``timeline``.

        ``devices[str(device id)]`` exists for every device of each call.center method that
        a Contact Method object places, reachable or not: ``contact``, ``contact_method``,
        ``name``, ``lines`` (SIP accounts, ``password`` only ``"manual"`` or
        ``"provisioned"``), ``caller_id``, ``recording`` (its options are all off while
        recording is disabled; ``on_demand_code`` is the enabled record-on-demand feature
        code), ``announcements`` and ``reachable_at`` (the route keys that ring it).

    Raises
    ------
    CompileError
        The workspace has errors (``error.problems`` lists them with the warnings). Callers
        validate first and show the problems; compiling never papers over one.

    Example
    -------
    >>> from workspace.graph.build import build
    >>> from workspace.objects.types import REGISTRY
    >>> facts = {"phone_numbers": {7: {"number": "+14155550100"}},
    ...          "contact_methods": {44: {"kind": "phone", "contact": 9, "number": "+4930123"}}}
    >>> G = build([{"id": 1, "type": "phone_number", "properties": {"number": 7}},
    ...            {"id": 2, "type": "contact_method", "properties": {"contact_method": 44}}],
    ...           [{"id": 3, "source": 1, "source_port": "calls", "target": 2,
    ...             "target_port": "calls"}])
    >>> plan = compile_plan(G, types=REGISTRY, facts=facts)
    >>> plan["routes"], plan["nodes"]["n1"]["exits"], plan["nodes"]["n2"]["number"]
    ({'+14155550100': {'node': 'n1'}}, {'calls': 'n2'}, '+4930123')
    """
    if problems is None:
        problems = validate(G, types=types, facts=facts)
    if has_errors(problems):
        raise CompileError(problems)
    hook_facts = {**facts, "placed": placed_rows(G, types=types)}
    routes, nodes, order = _program(G, types, hook_facts)
    # What validate and the hooks kept on the graph (timelines, steps) is not read past the
    # program; dropped now, it is not held while the devices' settings are built, the
    # largest part of a plan (a tenth of a 50k-object compile's peak memory).
    G.graph.pop("memo", None)
    placed_methods = hook_facts.pop("placed").get("contact_methods", {})  # all it still needs
    body = {
        "format": FORMAT,
        "routes": routes,
        "nodes": nodes,
        "devices": devices_section(hook_facts, placed_methods, _reachable(routes, nodes, order)),
    }
    return {"revision": revision, "hash": plan_hash(body), "compiled_at": compiled_at, **body}


def plan_hash(plan: Mapping[str, Any]) -> str:
    """Return ``"sha256:<hex>"`` of the plan's canonical JSON, leaving out ``UNHASHED`` keys.

    The canonical JSON is UTF-8, keys sorted, no whitespace: ``orjson.dumps(body,
    option=OPT_SORT_KEYS)``, the same text as ``json.dumps(body, sort_keys=True,
    separators=(",", ":"), ensure_ascii=False)`` for a plan's data (strings, integers,
    booleans, null). orjson writes it about ten times faster than the standard library, which
    matters on every publish of a large account; ``canonical_sha256`` hashes it a slice at a
    time, so a 50k-object plan's 40 MB of text never exists at once.

    Example
    -------
    >>> plan_hash({"routes": {}, "devices": {}}) == plan_hash(
    ...     {"devices": {}, "routes": {}, "revision": 3})
    True
    """
    body = {k: v for k, v in plan.items() if k not in UNHASHED}
    return "sha256:" + canonical_sha256(body)


def node_id(obj: int) -> str:
    """Return the plan's node id of an object: ``"n<object id>"``.

    >>> node_id(12)
    'n12'
    """
    return f"n{obj}"


def _program(
    G: nx.MultiDiGraph, types: Types, facts: Facts
) -> tuple[dict[str, Any], dict[str, Any], list[str] | None]:
    """The routes (one per entry), the nodes that calls can reach from them, and the nodes'
    post-order (None when their exits form a cycle)."""
    attrs = G._node
    kinds = {node: types[attrs[node]["type"]] for node in G}
    routes: dict[str, Any] = {}
    owner: dict[str, int] = {}
    nodes: dict[str, Any] = {}
    frontier = []
    for node in sorted(G):
        kind = kinds[node]
        if kind.category != "entry" or kind.inbound is None:
            continue  # every entry type has inbound (ObjectType refuses one without)
        key = kind.inbound(G, node, facts)
        if key in routes:
            raise CompileError(
                [
                    make_problem(
                        "number.placed_twice",
                        f"The number {key} is placed twice.",
                        objects=[owner[key], node],
                    )
                ]
            )
        owner[key] = node
        routes[key] = {"node": node_id(node)}
        frontier.append(node)
    seen = set(frontier)
    while frontier:  # every object is compiled once, however many routes reach it
        node = frontier.pop()
        kind = kinds[node]
        body = kind.compile(G, node, facts) if kind.compile is not None else {}
        compiled: dict[str, Any] = {"object": node, "type": kind.name, **body}
        exits = _exits(G, node, kind)
        if exits:
            compiled["exits"] = {name: node_id(target) for name, target in exits.items()}
        nodes[node_id(node)] = compiled
        for target in exits.values():
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    order = _post_order(nodes)
    _refuse_loops(nodes, kinds, order)
    return routes, dict(sorted(nodes.items(), key=lambda item: item[1]["object"])), order


def _exits(G: nx.MultiDiGraph, node: int, kind: ObjectType) -> dict[str, int]:
    """Where each of the object's exits leads: the target of the cable on that port."""
    exits = {}
    for target, keyed in G._succ[node].items():
        for data in keyed.values():
            if data["source_port"] in kind.exits:
                exits[data["source_port"]] = target  # exit ports take one cable
    return {name: exits[name] for name in kind.exits if name in exits}


def _refuse_loops(
    nodes: Mapping[str, Any], kinds: Mapping[int, ObjectType], order: list[str] | None
) -> None:
    """Guard callers that skip validate: a cycle only through types that bound their visits.

    ``order`` is ``_post_order(nodes)``: a program with one has no cycle, the usual case, and
    is done. Otherwise strongly connected components: a component without a bounding type is
    a loop as it stands, and only a component with one needs its cycles listed, which is
    exponential in the worst case and so kept to those few components.
    """
    if order is not None:
        return
    flow = nx.DiGraph()
    for key, node in nodes.items():
        flow.add_node(key)
        flow.add_edges_from((key, target) for target in node.get("exits", {}).values())
    for component in nx.strongly_connected_components(flow):
        if len(component) == 1:
            (key,) = component
            if not flow.has_edge(key, key):
                continue
        cycles = [sorted(component)]
        if any(kinds[nodes[key]["object"]].max_visits > 1 for key in component):
            cycles = nx.simple_cycles(flow.subgraph(component))
        for cycle in cycles:
            objects = sorted(nodes[key]["object"] for key in cycle)
            if all(kinds[obj].max_visits <= 1 for obj in objects):
                raise CompileError(
                    [make_problem("route.loop", "Calls go round in a loop.", objects=objects)]
                )


def _post_order(nodes: Mapping[str, Any]) -> list[str] | None:
    """Every node of the program after the targets of its exits, or None when the exits
    form a cycle (one iterative depth-first search, linear in nodes and exits)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    order: list[str] = []
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, Iterator[str]]] = [
            (root, iter(nodes[root].get("exits", {}).values()))
        ]
        while stack:
            key, targets = stack[-1]
            for target in targets:
                seen = state.get(target)
                if seen == 1:
                    return None
                if seen is None:
                    state[target] = 1
                    stack.append((target, iter(nodes[target].get("exits", {}).values())))
                    break
            else:
                state[key] = 2
                order.append(key)
                stack.pop()
    return order


def _ringing(node: Mapping[str, Any], groups: dict[Any, Any]) -> set[Any]:
    """What a node rings, its own step and its timeline's entries, as ringers: a contact
    method's id stands for all its devices (they always ring together), a device outside any
    method for itself (``("device", id)``). ``groups`` gets each ringer's devices."""
    found: set[Any] = set()
    for step in (node, *node.get("timeline", ())):
        devices = step.get("devices")
        if not devices:
            continue
        method = step.get("contact_method")
        if method is not None:
            groups[method] = devices
            found.add(method)
            continue
        for device in devices:
            groups[("device", device)] = (device,)
            found.add(("device", device))
    return found


def _reachable(
    routes: Mapping[str, Any], nodes: Mapping[str, Any], order: list[str] | None
) -> dict[int, list[str]]:
    """The route keys that ring each device, in key order. ``order``: ``_post_order(nodes)``.

    Worked out per ringer (a contact method and its devices, which always ring together),
    then handed to each device: half the sets and a list shared by a method's devices."""
    groups: dict[Any, Any] = {}
    rings = {key: _ringing(node, groups) for key, node in nodes.items()}
    by_ringer: dict[Any, list[str]] = defaultdict(list)
    if order is not None:
        below = _below_acyclic(nodes, rings, order)
        for key, route in sorted(routes.items()):
            for ringer in below[route["node"]]:
                by_ringer[ringer].append(key)
    else:
        for key, route in sorted(routes.items()):
            ringers: set[Any] = set()
            stack, seen = [route["node"]], {route["node"]}
            while stack:
                current = stack.pop()
                ringers |= rings[current]
                for target in nodes[current].get("exits", {}).values():
                    if target not in seen:
                        seen.add(target)
                        stack.append(target)
            for ringer in ringers:
                by_ringer[ringer].append(key)
    reachable: dict[int, list[str]] = {}
    for ringer, keys in _shared_lists(by_ringer).items():
        for device in groups[ringer]:
            held = reachable.get(device)
            # a device two ringers ring (bad facts: one method per contact) gets both's keys
            reachable[device] = keys if held is None else sorted({*held, *keys})
    return reachable


def _below_acyclic(
    nodes: Mapping[str, Any], rings: Mapping[str, set[Any]], order: list[str]
) -> dict[str, frozenset[Any] | set[Any]]:
    """For a program without cycles, what each node and everything after it rings: each
    node's set once, from its exits' (in post-order, so they are known), instead of one walk
    per route over everything the route reaches. A node with one exit and nothing of its own
    to ring shares its target's set."""
    below: dict[str, frozenset[Any] | set[Any]] = {}
    for key in order:
        own = rings[key]
        targets = nodes[key].get("exits", {}).values()
        if not targets:
            below[key] = own
        elif not own and len(targets) == 1:
            (target,) = targets
            below[key] = below[target]
        else:
            below[key] = own.union(*(below[t] for t in targets))
    return below


def _shared_lists(reachable: dict[Any, list[str]]) -> dict[Any, list[str]]:
    """One list object for the ringers that ring at the same routes: the plan is read only,
    and at 50k objects a list per device was 7 MiB."""
    interned: dict[tuple[str, ...], list[str]] = {}
    return {ringer: interned.setdefault(tuple(keys), keys) for ringer, keys in reachable.items()}
