"""Dialing rules: rewrite the prefix of a dialled number before a SIP account calls it.

Pure functions, no Flask and no database: the same rules run in tests, in the routing
plan's preview and (as data) on the softphone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["apply_dialing_rules", "rule_matches"]


def rule_matches(number: str, rule: Mapping[str, Any]) -> bool:
    """True when number starts with the rule's prefix and has at least min_length digits.

    >>> rule_matches("0174448746", {"start_with": "017", "replace_with": "1", "min_length": 10})
    True
    >>> rule_matches("017444", {"start_with": "017", "replace_with": "1", "min_length": 10})
    False
    """
    prefix = rule["start_with"]
    digits = sum(ch.isdigit() for ch in number)
    return bool(prefix) and number.startswith(prefix) and digits >= rule.get("min_length", 0)


def apply_dialing_rules(number: str, rules: Iterable[Mapping[str, Any]]) -> str:
    """Return number rewritten by the first matching rule, or unchanged when none matches.

    Parameters
    ----------
    number : the dialled number, e.g. ``"0174448746"`` or ``"+4930123456"``.
    rules : ordered ``{"start_with", "replace_with", "min_length"}`` mappings;
        ``replace_with`` defaults to ``""`` and ``min_length`` to 0.

    Returns
    -------
    The number with the matched ``start_with`` prefix replaced by ``replace_with``.
    The input is never modified; later rules are not applied to the result.

    Examples
    --------
    The user guide's rule:

    >>> apply_dialing_rules(
    ...     "0174448746", [{"start_with": "017", "replace_with": "1", "min_length": 10}]
    ... )
    '14448746'
    """
    for rule in rules:
        if rule_matches(number, rule):
            return rule.get("replace_with", "") + number[len(rule["start_with"]) :]
    return number
