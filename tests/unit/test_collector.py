"""The serving process's collector set-up (workspace.collector)."""

from __future__ import annotations

import gc

import pytest

from workspace.collector import FULL_COLLECTION_EVERY, tune_collector_for_serving


@pytest.fixture
def restore_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_when_tuned_then_start_up_objects_are_frozen_and_full_collections_spaced(
    restore_collector,
):
    young, middle, _ = gc.get_threshold()
    frozen = tune_collector_for_serving()
    assert frozen == gc.get_freeze_count() > 1000  # at least the imported modules
    assert gc.get_threshold() == (young, middle, FULL_COLLECTION_EVERY)
    assert gc.isenabled()  # spaced out, never switched off
