"""Incremental validation (workspace.graph.incremental) against a full one: after any sequence
of edits applied with ``update_graph``, ``revalidate`` from the last state lists exactly the
problems ``validate`` lists for a graph built afresh from the same rows, in the same order.
Hypothesis draws the workspaces (broken ones included) and the edits."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.test_graph_properties import (
    FACTS,
    PORTS,
    PROPERTY,
    TYPES,
    _properties,
    any_workspaces,
    valid_workspaces,
)
from workspace.graph import BuildError, build, update_graph, validate
from workspace.graph.incremental import revalidate
from workspace.objects.types import REGISTRY

# Other facts: a phone number and an internal number gone (references go missing, caller IDs
# lose their placement).
OTHER_FACTS: dict[str, Any] = copy.deepcopy(FACTS)
del OTHER_FACTS["phone_numbers"][101]
del OTHER_FACTS["internal_numbers"][201]


@st.composite
def edited(draw: st.DrawFn, rows: tuple[list[dict], list[dict]]) -> tuple[list[dict], list[dict]]:
    """The workspace after one to four edits of any kind an admin makes."""
    objects = {o["id"]: o for o in rows[0]}
    cables = {c["id"]: c for c in rows[1]}
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["add", "remove", "rename", "props", "cable", "uncable"]))
        ids = sorted(objects)
        if action == "add" or not ids:
            new = max([*ids, 60]) + 1
            kind = draw(st.sampled_from(TYPES))
            objects[new] = {
                "id": new,
                "type": kind,
                "name": f"n{new}",
                "tab": 1,
                "properties": _properties(draw, kind, [*ids, new]),
            }
        elif action == "remove":
            gone = draw(st.sampled_from(ids))
            del objects[gone]
            cables = {i: c for i, c in cables.items() if gone not in (c["source"], c["target"])}
        elif action == "rename":
            target = draw(st.sampled_from(ids))
            objects[target] = {**objects[target], "name": draw(st.sampled_from(["", "A", "B"]))}
        elif action == "props":
            target = draw(st.sampled_from(ids))
            kind = objects[target]["type"]
            objects[target] = {**objects[target], "properties": _properties(draw, kind, ids)}
        elif action == "cable":
            new = max([*cables, 100]) + 1
            cables[new] = {
                "id": new,
                "source": draw(st.sampled_from(ids)),
                "source_port": draw(st.sampled_from(PORTS)),
                "target": draw(st.sampled_from(ids)),
                "target_port": draw(st.sampled_from(PORTS)),
            }
        elif cables:
            del cables[draw(st.sampled_from(sorted(cables)))]
    return list(objects.values()), list(cables.values())


def _changes(before: list[dict], after: list[dict]) -> dict[int, dict | None]:
    old = {row["id"]: row for row in before}
    new = {row["id"]: row for row in after}
    return {i: new.get(i) for i in old.keys() | new.keys() if old.get(i) != new.get(i)}


@st.composite
def edit_sequences(draw: st.DrawFn) -> list[tuple[tuple[list[dict], list[dict]], bool]]:
    """A workspace, then three to six edited versions of it, each with whether the facts are
    the other facts at that step."""
    rows = draw(st.one_of(any_workspaces(), valid_workspaces()))
    steps = [(rows, False)]
    for _ in range(draw(st.integers(3, 6))):
        rows = draw(edited(rows))
        steps.append((rows, draw(st.sampled_from([False, False, False, True]))))
    return steps


# ---- errors first ---------------------------------------------------------------------------


def test_when_a_cable_joins_an_object_that_is_not_there_then_update_graph_refuses():
    G = build([{"id": 1, "type": "ring_group"}], [])
    with pytest.raises(BuildError):
        update_graph(
            G,
            objects={},
            cables={5: {"id": 5, "source": 1, "source_port": "x", "target": 2, "target_port": "y"}},
        )


def test_when_an_object_goes_with_its_cables_left_then_update_graph_refuses():
    G = build(
        [{"id": 1, "type": "ring_group"}, {"id": 2, "type": "contact_method"}],
        [{"id": 5, "source": 1, "source_port": "members", "target": 2, "target_port": "calls"}],
    )
    with pytest.raises(BuildError):
        update_graph(G, objects={2: None}, cables={})


# ---- the same problems ----------------------------------------------------------------------


@PROPERTY
@given(edit_sequences(), st.booleans())
def test_when_edits_follow_each_other_then_revalidate_lists_what_validate_lists(steps, keyed):
    (objects, cables), _ = steps[0]
    G = build(objects, cables)
    problems, state = revalidate(
        G, types=REGISTRY, facts=FACTS, facts_key="base" if keyed else None
    )
    assert problems == validate(build(objects, cables), types=REGISTRY, facts=FACTS)
    for (new_objects, new_cables), other in steps[1:]:
        facts = OTHER_FACTS if other else FACTS
        touched = update_graph(
            G,
            objects=copy.deepcopy(_changes(objects, new_objects)),
            cables=_changes(cables, new_cables),
        )
        problems, state = revalidate(
            G,
            types=REGISTRY,
            # a copy half the time: facts that are equal by key need not be the same object
            facts=copy.copy(facts) if keyed else facts,
            previous=state,
            changed=touched,
            facts_key=("other" if other else "base") if keyed else None,
        )
        fresh = build(new_objects, new_cables)
        assert problems == validate(fresh, types=REGISTRY, facts=facts)
        assert sorted(G.edges(keys=True, data=True)) == sorted(fresh.edges(keys=True, data=True))
        assert dict(G.nodes(data=True)) == dict(fresh.nodes(data=True))
        objects, cables = new_objects, new_cables


def _edit_then_compare(objects, cables, new_objects, new_cables) -> list[dict]:
    G = build(objects, cables)
    _, state = revalidate(G, types=REGISTRY, facts=FACTS)
    touched = update_graph(
        G, objects=_changes(objects, new_objects), cables=_changes(cables, new_cables)
    )
    problems, _ = revalidate(G, types=REGISTRY, facts=FACTS, previous=state, changed=touched)
    assert problems == validate(build(new_objects, new_cables), types=REGISTRY, facts=FACTS)
    return problems


def test_when_an_object_a_timeline_names_goes_then_the_ring_group_is_checked_again():
    """No cable joins the two, so the ring group is no neighbour of what went, and what went
    placed no facts row."""
    group = {"id": 1, "type": "ring_group", "properties": {"members": [{"target": 2}]}}
    member = {"id": 2, "type": "ring_group", "properties": {}}
    problems = _edit_then_compare([group, member], [], [group], [])
    stale = [p for p in problems if p["code"] == "ring_group.member_not_cabled"]
    assert [p["objects"] for p in stale] == [[1]]


def test_when_the_placed_numbers_change_then_distant_caller_ids_are_checked_again():
    """Contact method 301 shows internal caller ID 201; the object that places 201 changes to
    202 with no cable to the contact method."""
    method = {"id": 1, "type": "contact_method", "properties": {"contact_method": 301}}
    ext = {"id": 2, "type": "internal_number", "properties": {"number": 201}}
    moved = {**ext, "properties": {"number": 202}}
    problems = _edit_then_compare([method, ext], [], [method, moved], [])
    assert "caller_id.internal_not_placed" in [p["code"] for p in problems]


def test_when_nothing_changed_then_revalidate_gives_the_same_list():
    G = build(
        [{"id": 1, "type": "phone_number", "properties": {"number": 101}}, {"id": 2, "type": "x"}],
        [],
    )
    first, state = revalidate(G, types=REGISTRY, facts=FACTS)
    again, _ = revalidate(G, types=REGISTRY, facts=FACTS, previous=state, changed=())
    assert again == first
    assert [p["code"] for p in first] == ["object.unknown_type", "entry.no_route"]


def test_when_an_object_turns_invalid_as_the_facts_change_then_its_reference_problem_goes():
    """Found by the property above: with other facts every valid object's references are
    checked again, and the phone number that became an unknown type is no longer valid."""
    unset = {"id": 1, "type": "phone_number", "properties": {"number": None}}
    G = build([unset], [])
    before, state = revalidate(G, types=REGISTRY, facts=FACTS)
    assert "reference.unset" in [p["code"] for p in before]
    mystery = {"id": 1, "type": "mystery", "properties": {}}
    touched = update_graph(G, objects={1: mystery}, cables={})
    problems, _ = revalidate(G, types=REGISTRY, facts=OTHER_FACTS, previous=state, changed=touched)
    assert problems == validate(build([mystery], []), types=REGISTRY, facts=OTHER_FACTS)
    assert [p["code"] for p in problems] == ["object.unknown_type"]
