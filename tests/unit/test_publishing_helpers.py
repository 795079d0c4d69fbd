"""The pure helpers of publishing: revision diffs, device slices, object references."""

from __future__ import annotations

import doctest
import importlib

import pytest

from workspace.objects.draft_restore import map_object_refs, object_refs
from workspace.objects.revision_diff import diff_cables, diff_revisions


@pytest.mark.parametrize(
    "name", ["workspace.objects.revision_diff", "workspace.objects.device_config"]
)
def test_when_docstring_examples_run_then_they_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0


def test_when_a_cable_id_is_reused_with_other_ends_then_it_is_removed_and_added():
    old = [{"id": 1, "source": 1, "source_port": "calls", "target": 2, "target_port": "calls"}]
    new = [{"id": 1, "source": 3, "source_port": "calls", "target": 2, "target_port": "calls"}]
    assert diff_cables(old, new) == {"added": new, "removed": old}


def test_when_tabs_and_plans_differ_then_the_diff_lists_them():
    empty = {"tabs": [], "objects": [], "cables": []}
    tabbed = {"tabs": [{"id": 1, "name": "Main", "position": 0}], "objects": [], "cables": []}
    diff = diff_revisions(
        empty,
        {"routes": {"+1": {"node": "n1"}}, "nodes": {"n1": {}}, "devices": {"5": {}}},
        tabbed,
        {},
    )
    assert diff["tabs"]["added"] == tabbed["tabs"]
    assert diff["plan"]["routes"] == {"added": [], "removed": ["+1"], "changed": []}
    assert diff["plan"]["nodes"]["removed"] == ["n1"]
    assert diff["plan"]["devices"]["removed"] == ["5"]


def test_when_ring_group_members_are_mapped_then_only_targets_change_and_unknowns_drop():
    props = {
        "members": [{"target": 4, "start": 0, "duration": 20}, {"target": 9, "start": 20}],
        "preset": "sequential",
    }
    assert object_refs("ring_group", props) == [4, 9]
    mapped = map_object_refs("ring_group", props, {4: "o1"}.get)
    assert mapped == {
        "members": [{"target": "o1", "start": 0, "duration": 20}],
        "preset": "sequential",
    }
    assert props["members"][0]["target"] == 4  # the input is not changed
    assert object_refs("phone_number", {"number": 4}) == []
    assert map_object_refs("ring_group", {"members": "junk"}, str) == {"members": "junk"}
