"""Activation codes: short, easy to type, single use, and stored only as a hash.

A code is 12 characters of Crockford's base32 (no I, L, O or U, so nothing reads as
another character), shown in groups of four: ``K7QM-4TZP-9XWD``. That is 60 bits from
the CSPRNG; guessing is further bounded by the per-address and per-account rate limits
on the activation endpoint. People type codes from a mail or a screen, so reading them
back forgives case, spaces, dashes and the look-alikes O/0 and I/L/1.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_activation_code() -> str:
    """A fresh code, grouped for display.

    Example
    -------
    >>> code = new_activation_code()
    >>> len(code), code.count("-"), normalize_code(code) == code.replace("-", "")
    (14, 2, True)
    """
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalize_code(text: str) -> str:
    """The code as typed, reduced to its 12 canonical characters ('' when it cannot be one).

    >>> normalize_code(" k7qm 4tzp-9xwd "), normalize_code("o1l"), normalize_code("x" * 80)
    ('K7QM4TZP9XWD', '011', '')
    """
    if not isinstance(text, str) or len(text) > 64:
        return ""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t")
    return cleaned.translate(_LOOK_ALIKES)


def code_hash(text: str) -> str | None:
    """SHA-256 of the normalized code, or None when `text` cannot be a code."""
    code = normalize_code(text)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return hashlib.sha256(f"activation:{code}".encode()).hexdigest()
