"""sha256 of a JSON value's canonical text, fed to the hash a slice at a time.

The canonical text is ``orjson.dumps(value, option=OPT_SORT_KEYS | OPT_NON_STR_KEYS)``: UTF-8,
keys sorted (integer keys written as strings), no whitespace. A plan of 50k objects is some
40 MB of that text; writing it whole for one hash was the largest single allocation of a
compile. Here the outer levels (``depth``) of dicts and lists are written in slices of
``SLICE`` entries, so at most one slice's text exists at a time. The bytes hashed are the
same as the whole text's (``test_graph_canonical`` checks it on generated values).
"""

from __future__ import annotations

import hashlib
from itertools import islice
from typing import Any

import orjson

__all__ = ["canonical_sha256"]

OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
SLICE = 512  # entries per orjson call: few calls, small slices
DEPTH = 2  # levels written slice by slice; deeper values are written whole


def canonical_sha256(value: Any, depth: int = DEPTH) -> str:
    """Hex sha256 of ``value``'s canonical JSON text (module docstring).

    >>> import hashlib, orjson
    >>> value = {"b": {2: [1], 10: None}, "a": "x"}
    >>> canonical_sha256(value) == hashlib.sha256(orjson.dumps(value, option=OPTIONS)).hexdigest()
    True
    """
    digest = hashlib.sha256()
    _feed(digest, value, depth)
    return digest.hexdigest()


def _feed(digest: Any, value: Any, depth: int) -> None:
    if depth > 0 and isinstance(value, list) and len(value) > SLICE:
        digest.update(b"[")
        for start in range(0, len(value), SLICE):
            text = orjson.dumps(value[start : start + SLICE], option=OPTIONS)
            digest.update(text[1:-1] if start == 0 else b"," + text[1:-1])
        digest.update(b"]")
        return
    keys = _text_keys(value) if depth > 0 and isinstance(value, dict) else None
    if keys is None:
        digest.update(orjson.dumps(value, option=OPTIONS))
        return
    # orjson sorts the keys' texts by code point, as sorted() does: the same order here
    ordered = sorted(keys)
    if depth == 1:
        digest.update(b"{")
        entries = iter(ordered)
        first = True
        while chunk := list(islice(entries, SLICE)):
            text = orjson.dumps({keys[k]: value[keys[k]] for k in chunk}, option=OPTIONS)
            digest.update(text[1:-1] if first else b"," + text[1:-1])
            first = False
        digest.update(b"}")
        return
    digest.update(b"{")
    for index, key in enumerate(ordered):
        digest.update((b"," if index else b"") + orjson.dumps(key) + b":")
        _feed(digest, value[keys[key]], depth - 1)
    digest.update(b"}")


def _text_keys(value: dict[Any, Any]) -> dict[str, Any] | None:
    """key text -> key, when every key is a str or an int (not a bool) and no two texts
    collide; else None, and the dict is written whole by orjson itself."""
    keys: dict[str, Any] = {}
    for key in value:
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            return None
        keys[key if isinstance(key, str) else str(key)] = key
    return keys if len(keys) == len(value) else None
