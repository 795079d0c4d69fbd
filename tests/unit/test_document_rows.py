"""The import document's fast path loads a row exactly as its schema does, or leaves it to the
schema: quick(row) is None or quick(row) == Schema().load(row)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from marshmallow import ValidationError

from workspace.objects.document_rows import quick_cable, quick_object, quick_rows, quick_tab
from workspace.objects.publishing_schemas import (
    DocumentCableSchema,
    DocumentObjectSchema,
    DocumentTabSchema,
)
from workspace.objects.types import REGISTRY

CASES = [
    (quick_tab, DocumentTabSchema),
    (quick_object, DocumentObjectSchema),
    (quick_cable, DocumentCableSchema),
]

keys = st.text(min_size=1, max_size=40)
numbers = (
    st.integers(-2_000_000, 2_000_000)
    | st.floats(allow_nan=True)
    | st.booleans()
    | st.sampled_from([0, -1, 1_000_000, -1_000_000, 1_000_001, 10_000, 10_001, 2**70])
)
texts = st.text(max_size=3) | st.text(min_size=39, max_size=41) | st.sampled_from(["a\x00", "1"])
json_values = st.recursive(
    st.none() | st.booleans() | numbers | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
coordinates = st.floats(-1e6, 1e6) | st.integers(-1_000_000, 1_000_000)
# Rows the schema takes, each field often left out where it may be.
VALID = {
    DocumentTabSchema: st.fixed_dictionaries(
        {"key": keys, "name": st.text(min_size=1, max_size=100)},
        optional={"position": st.integers(0, 10_000)},
    ),
    DocumentObjectSchema: st.fixed_dictionaries(
        {"key": keys, "tab": keys, "type": st.sampled_from(list(REGISTRY))},
        optional={
            "name": st.text(max_size=100),
            "position": st.fixed_dictionaries({"x": coordinates, "y": coordinates}),
            "properties": st.dictionaries(st.text(max_size=5), json_values, max_size=3),
        },
    ),
    DocumentCableSchema: st.fixed_dictionaries(
        {"key": keys, "source": keys, "source_port": keys, "target": keys, "target_port": keys}
    ),
}


def _rows(schema: type) -> st.SearchStrategy:
    """A valid row, or one with a field dropped, set to something else, or an unknown field."""
    fields = [*schema._declared_fields, "color"]
    other = json_values | numbers | texts | st.sampled_from([{"x": 1, "y": True}, {"x": 1}])

    @st.composite
    def changed(draw):
        row = dict(draw(VALID[schema]))
        field = draw(st.sampled_from(fields))
        if draw(st.booleans()):
            row.pop(field, None)
        else:
            row[field] = draw(other)
        return row

    return VALID[schema] | changed()


@pytest.mark.parametrize(("quick", "schema"), CASES, ids=[c[1].__name__ for c in CASES])
@given(data=st.data())
def test_when_the_fast_path_loads_a_row_then_the_schema_loads_it_the_same(quick, schema, data):
    row = data.draw(_rows(schema))
    loaded = quick(row)
    if loaded is not None:
        assert loaded == schema().load(row)
        assert list(loaded) == list(schema().load(row))  # same fields, same order


@pytest.mark.parametrize(
    ("quick", "row"),
    [
        (quick_tab, {"key": "t1", "name": "Main", "position": True}),
        (quick_tab, {"key": "t1", "name": "Main", "position": "3"}),
        (quick_tab, {"key": "t1", "name": ""}),
        (quick_object, {"key": "o1", "tab": "t1", "type": "teleporter"}),
        (quick_object, {"key": "o1", "tab": "t1", "type": "ring_group", "name": None}),
        (quick_object, {"key": "o1", "tab": "t1", "type": "ring_group", "position": {"x": 1}}),
        (quick_object, {"key": "o1", "tab": "t1", "type": "ring_group", "position": None}),
        (
            quick_object,
            {"key": "o1", "tab": "t1", "type": "ring_group", "position": {"x": True, "y": 0}},
        ),
        (
            quick_object,
            {"key": "o1", "tab": "t1", "type": "ring_group", "properties": {"a": ["b\x00"]}},
        ),
        (quick_cable, {"key": "c1", "source": "o1", "source_port": "calls", "target": "o2"}),
        (
            quick_cable,
            {
                "key": "c1",
                "source": "o1",
                "source_port": "x" * 41,
                "target": "o2",
                "target_port": "calls",
            },
        ),  # fmt: skip
    ],
)
def test_when_a_row_is_not_plainly_valid_then_the_fast_path_leaves_it_to_the_schema(quick, row):
    assert quick(row) is None


def test_when_one_row_is_left_to_the_schema_then_the_whole_list_is():
    good = {"key": "t1", "name": "Main"}
    assert quick_rows([good, good], quick_tab) == [{**good, "position": 0}] * 2
    assert quick_rows([good, {"key": "t2"}], quick_tab) is None
    assert quick_rows({"key": "t1"}, quick_tab) is None


def test_when_the_schema_refuses_a_row_then_the_fast_path_never_loads_it():
    row = {"key": "o1", "tab": "t1", "type": "ring_group", "position": {"x": 2e6, "y": 0}}
    with pytest.raises(ValidationError):
        DocumentObjectSchema().load(row)
    assert quick_object(row) is None
