"""apply_dialing_rules: the first matching rule rewrites the dialled number's prefix."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workspace.contact_center import fields
from workspace.contact_center.providers import dialing
from workspace.contact_center.providers.dialing import apply_dialing_rules

GUIDE_RULE = {"start_with": "017", "replace_with": "1", "min_length": 10}

digits = st.text(alphabet="0123456789", min_size=0, max_size=15)


def test_when_guide_example_dialled_then_0174448746_becomes_14448746():
    assert apply_dialing_rules("0174448746", [GUIDE_RULE]) == "14448746"


def test_when_number_shorter_than_min_length_then_unchanged():
    assert apply_dialing_rules("017444874", [GUIDE_RULE]) == "017444874"


def test_when_number_does_not_start_with_prefix_then_unchanged():
    assert apply_dialing_rules("0184448746", [GUIDE_RULE]) == "0184448746"
    assert apply_dialing_rules("1017444874", [GUIDE_RULE]) == "1017444874"


def test_when_no_rules_then_unchanged():
    assert apply_dialing_rules("0174448746", []) == "0174448746"


def test_when_two_rules_match_then_the_first_wins_and_only_once():
    rules = [{"start_with": "0", "replace_with": "00", "min_length": 0}, GUIDE_RULE]
    assert apply_dialing_rules("0174448746", rules) == "00174448746"
    reversed_rules = [GUIDE_RULE, {"start_with": "1", "replace_with": "9", "min_length": 0}]
    assert apply_dialing_rules("0174448746", reversed_rules) == "14448746"


def test_when_first_rule_fails_min_length_then_a_later_rule_applies():
    long_only = {"start_with": "017", "replace_with": "1", "min_length": 11}
    any_length = {"start_with": "01", "replace_with": "", "min_length": 0}
    assert apply_dialing_rules("0174448746", [long_only, any_length]) == "74448746"


def test_when_min_length_equals_digit_count_then_rule_applies():
    assert apply_dialing_rules("0174448746", [GUIDE_RULE | {"min_length": 10}]) == "14448746"


def test_when_plus_prefix_then_it_is_matched_and_not_counted_as_a_digit():
    rule = {"start_with": "+49", "replace_with": "0", "min_length": 12}
    assert apply_dialing_rules("+49301234567", [rule]) == "+49301234567"  # 11 digits
    assert apply_dialing_rules("+493012345678", [rule]) == "03012345678"  # 12 digits
    assert apply_dialing_rules("49301234567", [rule | {"min_length": 0}]) == "49301234567"


def test_when_replace_with_and_min_length_omitted_then_defaults_apply():
    assert apply_dialing_rules("00442079460958", [{"start_with": "00"}]) == "442079460958"


def test_when_rules_applied_then_input_rules_are_not_modified():
    rules = [dict(GUIDE_RULE)]
    apply_dialing_rules("0174448746", rules)
    assert rules == [GUIDE_RULE]


@given(number=digits, prefix=digits.filter(bool), replacement=digits)
def test_when_rule_matches_then_result_is_replacement_plus_rest(number, prefix, replacement):
    rule = {"start_with": prefix, "replace_with": replacement, "min_length": 0}
    result = apply_dialing_rules(prefix + number, [rule])
    assert result == replacement + number


@given(number=digits, prefix=digits.filter(bool))
def test_when_prefix_absent_then_number_unchanged(number, prefix):
    rule = {"start_with": prefix, "replace_with": "9", "min_length": 0}
    if not number.startswith(prefix):
        assert apply_dialing_rules(number, [rule]) == number


@pytest.mark.parametrize("module", [dialing, fields], ids=["dialing", "fields"])
def test_when_docstring_examples_run_then_they_hold(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
