"""Validation that keeps what it found per object, so the next run recomputes only what an
edit can reach (the problems pushed after each canvas edit, workspace.objects.draft_cache).

``revalidate`` runs the rules of ``validate`` and returns, with the problems, a ``Validation``:
the problems of the rules that look at one object at a time, by object. Given that state and
the objects an edit touched (``changed``: the edited, added and removed objects and both ends
of every added or removed cable, as ``update_graph`` returns them), it recomputes

* an object's own checks (type, properties, references), its type's ``validate`` hook, its
  cables (ports, signals, duplicates), its ports' limits and its entry route: for the
  touched objects and their neighbours, since messages name the object at the other end of
  a cable and a hook reads the object's cables;
* every object's references when the facts are other facts: another ``facts_key`` than last
  time (the facts version, which the facts cache keeps them under), or without one another
  object;
* every hook when the facts changed, when the objects that place facts rows changed (a contact
  method's caller ID must be placed somewhere), or when an object came or went (a ring group's
  timeline may name an object it has no cable to);
* the rules over the whole workspace every time: numbers placed twice, loops, reachability
  (together about a quarter of a full validation at 10k objects).

The result is the same list ``validate`` gives for the graph as it is now, in the same order:
``validate`` is ``revalidate`` without a previous state. ``tests/unit/test_graph_incremental.py``
checks that on random workspaces and random edits.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import networkx as nx

from workspace.graph.rules import (
    Kinds,
    cable_problems,
    check_loops,
    check_placed_twice,
    check_reachable,
    entry_problems,
    kinds_of,
)
from workspace.graph.spec import ObjectType, Problem
from workspace.graph.validate import Placed, object_problems, placed_by, reference_problems

__all__ = ["Validation", "revalidate"]

Types = Mapping[str, ObjectType]


@dataclass
class Validation:
    """What one run found, by object (only objects with problems are listed)."""

    facts: Mapping[str, Any]
    facts_key: Hashable | None
    nodes: set[int]
    placed: Placed
    objects: dict[int, list[Problem]] = field(default_factory=dict)
    references: dict[int, list[Problem]] = field(default_factory=dict)
    hooks: dict[int, list[Problem]] = field(default_factory=dict)
    cables: dict[int, list[tuple[int, Problem]]] = field(default_factory=dict)
    limits: dict[int, list[Problem]] = field(default_factory=dict)
    entries: dict[int, list[Problem]] = field(default_factory=dict)

    def changed_facts(self, facts: Mapping[str, Any], facts_key: Hashable | None) -> bool:
        """Whether ``facts`` may say something else to validation than the last run's."""
        if facts_key is None or self.facts_key is None:
            return facts is not self.facts
        return bool(facts_key != self.facts_key)

    def stores(self) -> tuple[dict[int, Any], ...]:
        return (self.objects, self.references, self.hooks, self.cables, self.limits, self.entries)


def revalidate(
    G: nx.MultiDiGraph,
    *,
    types: Types,
    facts: Mapping[str, Any],
    previous: Validation | None = None,
    changed: Iterable[int] = (),
    facts_key: Hashable | None = None,
) -> tuple[list[Problem], Validation]:
    """Every problem of the workspace, as ``validate`` lists them, and the state to pass
    as ``previous`` next time (``previous`` itself, brought up to date).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph ``previous`` was computed on, changed since only by ``update_graph``.
    types, facts : as for ``validate``
    previous : Validation, optional
        The state the last run returned; everything is computed when None.
    changed : iterable of int
        The objects touched since that run (``update_graph`` returns them, summed over
        every update since).
    facts_key : hashable, optional
        Equal for two runs exactly when their facts say the same to validation (the facts
        version); without one, facts are the same only when they are the same object.
    """
    kinds = kinds_of(G, types)
    nodes = sorted(G)
    present = G._node
    if previous is None:
        state = Validation(facts=facts, facts_key=facts_key, nodes=set(nodes), placed={})
        dirty: Iterable[int] = nodes
        came_or_went = facts_changed = True
    else:
        state = previous
        touched = set(changed)
        came_or_went = any((node in present) != (node in state.nodes) for node in touched)
        for store in state.stores():
            for node in [node for node in store if node not in present]:
                del store[node]
        dirty = _with_neighbours(G, touched)
        facts_changed = state.changed_facts(facts, facts_key)
        if came_or_went:
            state.nodes = set(nodes)
        state.facts, state.facts_key = facts, facts_key

    _recompute(state.objects, dirty, partial(object_problems, G, kinds))
    valid = [node for node in nodes if node not in state.objects]
    valid_set = set(valid) if len(state.objects) else present

    targets = valid if facts_changed else dirty
    _recompute(
        state.references,
        [node for node in targets if node in valid_set],
        partial(reference_problems, G, kinds, facts),
    )
    # An object that turned invalid is not checked for references: its old ones go. Not only
    # among ``targets``: when the facts changed those are the valid objects alone.
    for node in [node for node in state.references if node not in valid_set]:
        del state.references[node]
    resolved = [node for node in valid if node not in state.references]

    placed = placed_by(G, kinds, valid)
    all_hooks = facts_changed or came_or_went or placed != state.placed
    state.placed = placed
    hook_facts = {**facts, "placed": placed}
    if all_hooks:
        state.hooks.clear()
    # Without a change of facts, only a dirty object's references can change: an object
    # that stops resolving is dirty, and its hook's problems go with the [] it gets here.
    _recompute(
        state.hooks,
        resolved if all_hooks else dirty,
        partial(_hook_problems, G, kinds, hook_facts, set(resolved)),
    )

    if previous is None:
        state.cables, state.limits = cable_problems(G, kinds)
    else:
        by_source, limits = cable_problems(G, kinds, dirty)
        _recompute(state.cables, dirty, lambda node: by_source.get(node, []))
        _recompute(state.limits, dirty, lambda node: limits.get(node, []))
    _recompute(state.entries, dirty, partial(entry_problems, G, kinds))

    problems = _in_order(state.objects) + _in_order(state.references) + _in_order(state.hooks)
    broken = sorted((item for items in state.cables.values() for item in items), key=_cable_key)
    problems += [problem for _, problem in broken]
    problems += _in_order(state.limits) + _in_order(state.entries)
    problems += check_placed_twice(G, kinds, hook_facts, resolved)
    problems += check_loops(G, kinds)
    problems += check_reachable(G, kinds)
    problems.sort(key=lambda p: p["severity"] != "error")
    return problems, state


def _with_neighbours(G: nx.MultiDiGraph, touched: set[int]) -> list[int]:
    dirty = {node for node in touched if node in G._node}
    for node in list(dirty):
        dirty.update(G._succ[node])
        dirty.update(G._pred[node])
    return sorted(dirty)


def _hook_problems(
    G: nx.MultiDiGraph,
    kinds: Kinds,
    hook_facts: Mapping[str, Any],
    resolved: set[int],
    node: int,
) -> list[Problem]:
    """The type's own ``validate`` of an object whose references all resolve."""
    kind = kinds[node]
    if node not in resolved or kind is None or kind.validate is None:
        return []
    return kind.validate(G, node, hook_facts)


def _recompute(
    store: dict[int, list[Any]], nodes: Iterable[int], compute: Callable[[int], list[Any]]
) -> None:
    """``compute`` each object's problems into ``store`` (which lists only objects with some)."""
    for node in nodes:
        found = compute(node)
        if found:
            store[node] = found
        elif node in store:
            del store[node]


def _in_order(store: dict[int, list[Problem]]) -> list[Problem]:
    return [problem for node in sorted(store) for problem in store[node]]


def _cable_key(item: tuple[int, Problem]) -> int:
    return item[0]
