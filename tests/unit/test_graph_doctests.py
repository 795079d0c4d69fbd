"""The docstring examples of the engine and the types run as tests, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "workspace.graph",
    "workspace.graph.build",
    "workspace.graph.compile",
    "workspace.graph.devices",
    "workspace.graph.facts",
    "workspace.graph.plan_format",
    "workspace.graph.simulate",
    "workspace.graph.spec",
    "workspace.graph.validate",
    "workspace.objects.types",
    "workspace.objects.types.forward",
    "workspace.objects.types.internal_number",
    "workspace.objects.types.ring_group",
    "workspace.objects.pending_schedules",
    "workspace.objects.pending",
    "workspace.objects.revision_diff",
]


@pytest.mark.parametrize("name", MODULES)
def test_when_docstring_examples_run_then_they_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
