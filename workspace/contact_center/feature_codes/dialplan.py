"""The dial-plan rule for feature codes: which codes and extensions the PBX cannot tell apart.

A PBX matches what the caller keys in digit by digit; when one dial string is a prefix of
another (``*1`` and ``*12``), it cannot know whether the caller has finished, so the shorter
one shadows the longer one. Pure functions: no Flask, no database.

The rule (the service refuses a feature code it finds a clash for):

- Feature codes are compared with each other as dialled, symbol included: ``*1`` clashes
  with ``*12``, but ``*1`` and ``#12`` do not.
- A feature code is compared with internal numbers as dialled too. The ``*`` or ``#`` is a
  key of its own, so ``*1`` and extension ``101`` coexist (as on every PBX: record on demand
  ``*1`` beside extensions 100-199). Comparing digits only flagged exactly that everyday
  plan. Internal numbers are digits today, so this half guards future formats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CODE_PATTERN", "find_dial_clash", "is_valid_code"]

CODE_PATTERN = re.compile(r"[*#][0-9]{1,6}")


def is_valid_code(code: str) -> bool:
    """Return whether ``code`` is ``*`` or ``#`` followed by 1 to 6 digits.

    Example
    -------
    >>> is_valid_code("*1"), is_valid_code("#123456"), is_valid_code("*"), is_valid_code("1")
    (True, True, False, False)
    """
    return CODE_PATTERN.fullmatch(code) is not None


def _overlap(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def find_dial_clash(
    code: str, other_codes: Iterable[str], internal_numbers: Iterable[str]
) -> str | None:
    """Return why ``code`` cannot be dialled unambiguously, or None when it can.

    Parameters
    ----------
    code : str
        The feature code being saved, such as ``"*1"``.
    other_codes : iterable of str
        The account's other feature codes (enabled or not: enabling one must not need a
        second check), without ``code``'s own row.
    internal_numbers : iterable of str
        The account's internal numbers (extensions), digits only.

    Returns
    -------
    str or None
        A sentence naming the first clash found (feature codes first, then internal
        numbers, each in ascending order), or None.

    Example
    -------
    >>> find_dial_clash("*1", ["*12", "#1"], ["200"])
    '*1 clashes with *12: one is a prefix of the other.'
    >>> find_dial_clash("*10", [], ["101"]) is None
    True
    >>> find_dial_clash("*3", ["*12"], ["200"]) is None
    True
    """
    for other in sorted(set(other_codes)):
        if other == code:
            return f"{code} is already a feature code."
        if _overlap(code, other):
            return f"{code} clashes with {other}: one is a prefix of the other."
    for number in sorted(set(internal_numbers)):
        if not number:
            continue
        if number == code:
            return f"{code} clashes with internal number {number}: they dial the same keys."
        if _overlap(code, number):
            return f"{code} clashes with internal number {number}: one is a prefix of the other."
    return None
