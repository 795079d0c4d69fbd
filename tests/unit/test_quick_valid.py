"""The fast accept path of property validation never accepts what the schema refuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workspace.objects.types import REGISTRY

QUICK = sorted(name for name, kind in REGISTRY.items() if kind.quick_valid is not None)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


members = st.lists(
    st.fixed_dictionaries(
        {"target": st.integers(-2, 5)},
        optional={"start": st.integers(-5, 305), "duration": st.integers(-5, 305)},
    )
    | json_values,
    max_size=4,
)


def _properties(name: str):
    known = list(REGISTRY[name].schema.fields)
    keys = st.sampled_from(known) | st.text(max_size=8)
    if name == "ring_group":  # well-formed timelines are too rare among random values
        shaped = st.fixed_dictionaries(
            {}, optional={"members": members, "preset": st.sampled_from(["ring_all", "x", 1])}
        )
        return shaped | st.dictionaries(keys, json_values, max_size=3)
    return st.dictionaries(keys, json_values, max_size=3) | json_values


def test_when_types_are_registered_then_the_simple_ones_have_a_fast_path():
    assert set(QUICK) == set(REGISTRY)


@pytest.mark.parametrize("name", QUICK)
def test_when_fast_path_refuses_wrong_properties_then_schema_decides(name):
    kind = REGISTRY[name]
    for wrong in ({"x": 1}, {next(iter(kind.schema.fields)): True}, [], "4"):
        assert not kind.quick_valid(wrong)


@pytest.mark.parametrize("name", QUICK)
@given(data=st.data())
def test_when_fast_path_accepts_properties_then_schema_accepts_them(name, data):
    props = data.draw(_properties(name))
    kind = REGISTRY[name]
    if kind.quick_valid(props):
        assert kind.schema.validate(props) == {}
