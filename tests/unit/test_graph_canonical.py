"""canonical_sha256 hashes the same bytes as orjson's whole canonical text, slice by slice."""

from __future__ import annotations

import hashlib

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from workspace.graph import canonical
from workspace.graph.canonical import OPTIONS, canonical_sha256


def whole(value) -> str:
    return hashlib.sha256(orjson.dumps(value, option=OPTIONS)).hexdigest()


scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=6)
keys = st.text(max_size=4) | st.integers(-50, 50)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=7) | st.dictionaries(keys, inner, max_size=7),
    max_leaves=60,
)


def test_when_keys_mix_ints_and_their_texts_then_the_whole_text_is_hashed():
    value = {"a": {1: "int", "1": "text"}, "b": {True: 1}}
    assert canonical_sha256(value) == whole(value)


def test_when_keys_sort_differently_as_text_than_as_numbers_then_text_order_wins():
    value = {"devices": {10: "ten", 9: "nine", 100: "hundred"}}
    assert canonical_sha256(value) == whole(value)


@settings(max_examples=300)
@given(value=values, depth=st.integers(0, 4), slice_size=st.integers(1, 4))
def test_when_any_json_value_is_hashed_in_slices_then_it_equals_the_whole_text(
    value, depth, slice_size
):
    previous = canonical.SLICE
    canonical.SLICE = slice_size  # small slices: every value crosses slice borders
    try:
        assert canonical_sha256(value, depth=depth) == whole(value)
    finally:
        canonical.SLICE = previous
