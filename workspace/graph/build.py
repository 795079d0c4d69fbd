"""Turn workspace rows (objects and cables as plain dicts) into a networkx MultiDiGraph.

Nodes are object ids, edges are cables keyed by cable id. The small readers below (cables on a
port, an object's label) are what validation, compilation and the type hooks share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import orjson

from workspace.graph.spec import BuildError

__all__ = ["build", "graph_memo", "in_cables", "object_label", "out_cables", "update_graph"]


def _copy(value: Any) -> Any:
    """Copy JSON-shaped data, so the graph never shares a dict or list with its input."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _copy_all(values: list[Any]) -> list[Any]:
    """Copy many JSON values at once: one orjson round trip (C) instead of a Python walk per
    value, a tenth of the time at 10k objects. Data orjson would change (a non-string key,
    a tuple, a float that is not JSON) takes the Python copy, which keeps it as it is."""
    try:
        copied = orjson.loads(orjson.dumps(values))
    except TypeError:
        return [_copy(value) for value in values]
    if copied != values:  # a tuple became a list, say: keep the input's own shapes
        return [_copy(value) for value in values]
    return copied  # type: ignore[no-any-return]


def graph_memo(G: nx.MultiDiGraph, name: str) -> dict[Any, Any]:
    """A cache that lives and dies with this graph, for results validate and compile share.

    The engine never changes a built graph, so what a hook derived from it (a ring group's
    timeline, a contact method's compiled step) holds for the graph's life: validate computes
    it, compile reuses it, then drops it once its program is built (a later reader computes
    it again). Values are shared: read them, never change them.

    >>> G = build([], [])
    >>> graph_memo(G, "x") is graph_memo(G, "x")
    True
    """
    memos: dict[str, dict[Any, Any]] = G.graph.setdefault("memo", {})
    return memos.setdefault(name, {})


def build(
    objects: Iterable[Mapping[str, Any]],
    cables: Iterable[Mapping[str, Any]],
    facts: Mapping[str, Any] | None = None,
    *,
    owned: bool = False,
) -> nx.MultiDiGraph:
    """Return the workspace as a MultiDiGraph.

    Parameters
    ----------
    objects : iterable of dict
        ``{"id", "type", "name", "tab", "properties"}``; ``name``, ``tab`` and ``properties``
        may be left out.
    cables : iterable of dict
        ``{"id", "source", "source_port", "target", "target_port"}``.
    facts : dict, optional
        The account facts; only ``facts["account"]`` is kept, as ``G.graph["account"]``.
    owned : bool, default False
        True when the caller hands the objects' ``properties`` over (it built them for this
        graph and never changes them after): the graph keeps them instead of copying them,
        a tenth of a large graph's memory. ``load_draft``'s rows are such.

    Returns
    -------
    G : networkx.MultiDiGraph
        Node = object id with attributes ``type``, ``name``, ``tab``, ``properties``; edge key
        = cable id with attributes ``source_port`` and ``target_port``. Nothing is shared with
        the input (but the properties when ``owned``), which is never changed. Cables with
        the same two ports share one attribute dict: the engine never changes a built graph,
        and one dict per cable was a sixth of a graph's memory.

    Raises
    ------
    BuildError
        Two objects or two cables share an id, or a cable names an object that is not there.
        Ports, types and properties are not checked here: ``validate`` reports those.

    Example
    -------
    >>> G = build(
    ...     [{"id": 1, "type": "phone_number"}, {"id": 2, "type": "ring_group"}],
    ...     [{"id": 9, "source": 1, "source_port": "calls", "target": 2, "target_port": "calls"}],
    ... )
    >>> list(G.edges(keys=True))
    [(1, 2, 9)]
    """
    G = nx.MultiDiGraph()
    if facts is not None:
        G.graph["account"] = facts.get("account")
    objects = list(objects)
    properties = [obj.get("properties") or {} for obj in objects]
    if not owned:
        properties = _copy_all(properties)
    nodes = [
        (
            obj["id"],
            {
                "type": obj["type"],
                "name": obj.get("name") or "",
                "tab": obj.get("tab"),
                "properties": props,
            },
        )
        for obj, props in zip(objects, properties, strict=True)
    ]
    ports: dict[tuple[str, str], dict[str, str]] = {}
    edges = [
        (
            cable["source"],
            cable["target"],
            cable["id"],
            _port_pair(ports, cable["source_port"], cable["target_port"]),
        )
        for cable in cables
    ]
    if len({node for node, _ in nodes}) != len(nodes):
        raise BuildError(f"object id {_first_repeat(n for n, _ in nodes)} appears twice")
    if len({edge[2] for edge in edges}) != len(edges):
        raise BuildError(f"cable id {_first_repeat(edge[2] for edge in edges)} appears twice")
    present = {node for node, _ in nodes}
    for source, target, cid, _ in edges:
        if source not in present or target not in present:
            raise BuildError(f"cable {cid} connects an object that is not in the workspace")
    _fill(G, nodes, edges)
    return G


def update_graph(
    G: nx.MultiDiGraph,
    *,
    objects: Mapping[int, Mapping[str, Any] | None],
    cables: Mapping[int, Mapping[str, Any] | None],
) -> set[int]:
    """Bring a built graph to changed rows, in place, as ``build`` would hold them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from ``build`` (its owner's: nothing else may be reading it).
    objects, cables : mapping of id to row or None
        Each changed object and cable: its row now (``build``'s shapes), None when it is gone.
        The objects' ``properties`` are kept, not copied (as ``build(..., owned=True)``).

    Returns
    -------
    touched : set of int
        The changed objects and both ends of every changed cable, before and after: what
        ``workspace.graph.incremental.revalidate`` takes as ``changed``.

    Raises
    ------
    BuildError
        A cable joins an object that is not there, or an object goes while a cable still
        joins it. The graph may then be half-changed: build it again.

    Example
    -------
    >>> G = build([{"id": 1, "type": "a"}, {"id": 2, "type": "b"}], [])
    >>> sorted(update_graph(G, objects={3: {"id": 3, "type": "c"}}, cables={
    ...     9: {"id": 9, "source": 1, "source_port": "x", "target": 3, "target_port": "y"}}))
    [1, 3]
    >>> list(G.edges(keys=True))
    [(1, 3, 9)]
    """
    ends = _cable_ends(G)
    touched: set[int] = set()
    for cable in sorted(cables):
        old = ends.pop(cable, None)
        if old is not None:
            G.remove_edge(*old, key=cable)
            touched.update(old)
    nodes = G._node
    for node in sorted(objects):
        row = objects[node]
        touched.add(node)
        if row is None:
            if node in nodes:
                if G._succ[node] or G._pred[node]:
                    raise BuildError(f"object {node} goes while cables still join it")
                G.remove_node(node)
            continue
        attrs = {
            "type": row["type"],
            "name": row.get("name") or "",
            "tab": row.get("tab"),
            "properties": row.get("properties") or {},
        }
        if node not in nodes:
            G.add_node(node)
        nodes[node] = attrs  # in place: the node keeps its place in the graph's order
    for cable in sorted(cables):
        row = cables[cable]
        if row is None:
            continue
        source, target = row["source"], row["target"]
        if source not in nodes or target not in nodes:
            raise BuildError(f"cable {cable} connects an object that is not in the workspace")
        G.add_edge(
            source,
            target,
            key=cable,
            source_port=row["source_port"],
            target_port=row["target_port"],
        )
        ends[cable] = (source, target)
        touched.update((source, target))
    G.graph.pop("memo", None)  # what hooks derived from the old rows
    return touched


def _cable_ends(G: nx.MultiDiGraph) -> dict[int, tuple[int, int]]:
    """Each cable's (source, target), kept beside a graph that ``update_graph`` changes."""
    ends: dict[int, tuple[int, int]] | None = G.graph.get("cable_ends")
    if ends is None:
        ends = G.graph["cable_ends"] = {
            key: (source, target)
            for source, targets in G._succ.items()
            for target, keyed in targets.items()
            for key in keyed
        }
    return ends


def _fill(
    G: nx.MultiDiGraph,
    nodes: list[tuple[int, dict[str, Any]]],
    edges: list[tuple[int, int, int, dict[str, Any]]],
) -> None:
    """Load checked nodes and edges into an empty graph, straight into its adjacency dicts.

    This is what ``add_nodes_from`` and ``add_edges_from`` store, without their per-item
    checks and view lookups, which cost most of a 10k-object build. The graph is new, so no
    cached view needs clearing. ``test_graph_build`` compares the result with those methods'.
    """
    node_attrs, succ, pred = G._node, G._succ, G._pred
    for node, attrs in nodes:
        node_attrs[node] = attrs
        succ[node] = {}
        pred[node] = {}
    for source, target, key, data in edges:
        keyed = succ[source].get(target)
        if keyed is None:
            keyed = succ[source][target] = pred[target][source] = {}
        keyed[key] = data


def _port_pair(
    ports: dict[tuple[str, str], dict[str, str]], source_port: str, target_port: str
) -> dict[str, str]:
    """The one attribute dict of every cable from ``source_port`` to ``target_port``."""
    found = ports.get((source_port, target_port))
    if found is None:
        found = ports[source_port, target_port] = {
            "source_port": source_port,
            "target_port": target_port,
        }
    return found


def _first_repeat(values: Iterable[int]) -> int:
    seen: set[int] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    raise AssertionError("no repeated value")


def out_cables(G: nx.MultiDiGraph, node: int, port: str | None = None) -> list[tuple[int, int]]:
    """Return ``(cable id, target)`` for the cables leaving ``node`` (on ``port``), by cable id.

    Example
    -------
    >>> G = build([{"id": 1, "type": "a"}, {"id": 2, "type": "b"}],
    ...           [{"id": 5, "source": 1, "source_port": "x", "target": 2, "target_port": "y"}])
    >>> out_cables(G, 1, "x"), out_cables(G, 1, "z")
    ([(5, 2)], [])
    """
    found = [
        (key, target)
        for target, keyed in G._succ[node].items()
        for key, data in keyed.items()
        if port is None or data["source_port"] == port
    ]
    found.sort()
    return found


def in_cables(G: nx.MultiDiGraph, node: int, port: str | None = None) -> list[tuple[int, int]]:
    """Return ``(cable id, source)`` for the cables entering ``node`` (on ``port``), by cable id.

    Example
    -------
    >>> G = build([{"id": 1, "type": "a"}, {"id": 2, "type": "b"}],
    ...           [{"id": 5, "source": 1, "source_port": "x", "target": 2, "target_port": "y"}])
    >>> in_cables(G, 2)
    [(5, 1)]
    """
    found = [
        (key, source)
        for source, keyed in G._pred[node].items()
        for key, data in keyed.items()
        if port is None or data["target_port"] == port
    ]
    found.sort()
    return found


def object_label(G: nx.MultiDiGraph, node: int, display_name: str | None = None) -> str:
    """Return how messages name an object: ``Ring Group "Sales"`` (``#id`` when unnamed).

    Example
    -------
    >>> G = build([{"id": 3, "type": "ring_group", "name": "Sales"}], [])
    >>> object_label(G, 3, "Ring Group")
    'Ring Group "Sales"'
    """
    attrs = G.nodes[node]
    kind = display_name or str(attrs.get("type", "object")).replace("_", " ").capitalize()
    name = attrs.get("name")
    return f'{kind} "{name}"' if name else f"{kind} #{node}"
