"""The dial-plan clash rule for feature codes (contact_center/feature_codes/dialplan.py)."""

from __future__ import annotations

import doctest

import pytest

from workspace.contact_center.feature_codes import dialplan
from workspace.contact_center.feature_codes.dialplan import (
    find_dial_clash,
    is_valid_code,
)


@pytest.mark.parametrize("code", ["*1", "#1", "*123456", "#000", "*0"])
def test_when_symbol_then_1_to_6_digits_then_valid(code):
    assert is_valid_code(code)


@pytest.mark.parametrize(
    "code", ["", "*", "#", "1", "12", "**1", "*#1", "*1234567", "*12a", "1*", " *1", "*1\n", "*١"]
)
def test_when_not_symbol_then_1_to_6_ascii_digits_then_invalid(code):
    assert not is_valid_code(code)


def test_when_same_code_exists_then_already_a_feature_code():
    assert find_dial_clash("*1", ["*1"], []) == "*1 is already a feature code."


@pytest.mark.parametrize(("code", "other"), [("*1", "*12"), ("*12", "*1"), ("#4", "#456")])
def test_when_one_code_is_prefix_of_another_then_clash_names_both(code, other):
    assert find_dial_clash(code, [other], []) == (
        f"{code} clashes with {other}: one is a prefix of the other."
    )


@pytest.mark.parametrize(("code", "other"), [("*1", "#12"), ("*12", "*13"), ("*12", "*2")])
def test_when_codes_differ_in_symbol_or_digits_then_no_clash(code, other):
    assert find_dial_clash(code, [other], []) is None


@pytest.mark.parametrize(
    ("code", "number"), [("*10", "101"), ("*101", "10"), ("#1", "100"), ("#101", "101")]
)
def test_when_code_and_extension_share_digits_then_no_clash(code, number):
    # The symbol is a key of its own: *1 (record on demand) beside extensions 100-199.
    assert find_dial_clash(code, [], [number]) is None


@pytest.mark.parametrize(("code", "number"), [("*1", "*12"), ("*12", "*1")])
def test_when_extension_dial_string_overlaps_code_then_clash(code, number):
    assert find_dial_clash(code, [], [number]) == (
        f"{code} clashes with internal number {number}: one is a prefix of the other."
    )


def test_when_extension_dials_the_same_keys_then_clash_says_so():
    assert find_dial_clash("*1", [], ["*1"]) == (
        "*1 clashes with internal number *1: they dial the same keys."
    )


@pytest.mark.parametrize("number", ["200", "11", "2", "0101"])
def test_when_internal_number_does_not_overlap_digits_then_no_clash(number):
    assert find_dial_clash("*10", [], [number]) is None


def test_when_several_clashes_then_codes_first_then_lowest():
    message = find_dial_clash("*1", ["*19", "*13"], ["*1"])
    assert message == "*1 clashes with *13: one is a prefix of the other."
    assert find_dial_clash("*1", ["*2"], ["*19", "*13"]).startswith(
        "*1 clashes with internal number *13"
    )


def test_when_nothing_else_exists_then_no_clash():
    assert find_dial_clash("*1", [], []) is None
    assert find_dial_clash("*1", iter(()), iter(())) is None


def test_when_internal_number_is_empty_then_it_is_ignored():
    assert find_dial_clash("*1", [], [""]) is None


def test_when_docstring_examples_run_then_they_hold():
    result = doctest.testmod(dialplan)
    assert (result.failed, result.attempted > 0) == (0, True)
