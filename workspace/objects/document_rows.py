"""A fast path for the rows of an import document: plain checks that load a row exactly as
its schema does (publishing_schemas.DocumentTabSchema and friends), or answer None and leave
the row, and the wording and place of its error, to the schema.

Marshmallow makes a dozen calls per field; at 10,000 objects and 20,000 cables that was
about a second of an import's request. tests/unit/test_document_rows.py pins the contract:
``quick_x(row)`` is None or equal to ``XSchema().load(row)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from workspace.objects.types import REGISTRY

__all__ = [
    "COORDINATE_MAX",
    "KEY_MAX",
    "NAME_MAX",
    "TAB_POSITION_MAX",
    "quick_cable",
    "quick_object",
    "quick_rows",
    "quick_tab",
]

KEY_MAX = 40
NAME_MAX = 100
TAB_POSITION_MAX = 10_000
COORDINATE_MAX = 1_000_000

TAB_FIELDS = frozenset({"key", "name", "position"})
OBJECT_FIELDS = frozenset({"key", "tab", "type", "name", "position", "properties"})
CABLE_FIELDS = frozenset({"key", "source", "source_port", "target", "target_port"})
POSITION_FIELDS = frozenset({"x", "y"})
_ABSENT = object()


def _text(value: Any, most: int, least: int = 1) -> bool:
    """A string the schema's String field with Length(least, most) takes (NUL refused)."""
    return type(value) is str and least <= len(value) <= most and "\x00" not in value


def _coordinate(value: Any) -> bool:
    # Not bool (an int subclass the Float field refuses); NaN fails the comparison.
    return type(value) in (int, float) and -COORDINATE_MAX <= value <= COORDINATE_MAX


def _free_json(value: Any) -> bool:
    """No NUL in any text of a free-form value, keys included (workspace.schemas.FreeJSON).

    Read in its JSON text, which orjson writes in C and where a NUL is always the escape
    \\u0000; a text holding those six characters themselves is left to the schema, too.
    """
    try:
        return b"\\u0000" not in orjson.dumps(value)
    except orjson.JSONEncodeError:  # an integer past 64 bits, say: the schema decides
        return False


def quick_tab(row: Any) -> dict[str, Any] | None:
    if type(row) is not dict or not row.keys() <= TAB_FIELDS:
        return None
    key, name, position = row.get("key"), row.get("name"), row.get("position", 0)
    if not (_text(key, KEY_MAX) and _text(name, NAME_MAX)):
        return None
    if type(position) is not int or not 0 <= position <= TAB_POSITION_MAX:
        return None
    return {"key": key, "name": name, "position": position}


def quick_object(row: Any) -> dict[str, Any] | None:
    if type(row) is not dict or not row.keys() <= OBJECT_FIELDS:
        return None
    key, tab, kind, name = row.get("key"), row.get("tab"), row.get("type"), row.get("name", "")
    if not (_text(key, KEY_MAX) and _text(tab, KEY_MAX) and _text(name, NAME_MAX, 0)):
        return None
    if type(kind) is not str or kind not in REGISTRY:
        return None
    position = row.get("position", _ABSENT)
    if position is _ABSENT:
        position = {"x": 0.0, "y": 0.0}
    elif type(position) is dict and position.keys() == POSITION_FIELDS:
        x, y = position["x"], position["y"]
        if not (_coordinate(x) and _coordinate(y)):
            return None
        position = {"x": float(x), "y": float(y)}
    else:
        return None
    properties = row.get("properties", _ABSENT)
    if properties is _ABSENT:
        properties = {}
    elif type(properties) is not dict or not _free_json(properties):
        return None
    else:
        properties = dict(properties)
    return {
        "key": key,
        "tab": tab,
        "type": kind,
        "name": name,
        "position": position,
        "properties": properties,
    }


def quick_cable(row: Any) -> dict[str, Any] | None:
    if type(row) is not dict or row.keys() != CABLE_FIELDS:
        return None
    key, source, source_port = row["key"], row["source"], row["source_port"]
    target, target_port = row["target"], row["target_port"]
    if not (_text(key, KEY_MAX) and _text(source, KEY_MAX) and _text(target, KEY_MAX)):
        return None
    if not (_text(source_port, KEY_MAX) and _text(target_port, KEY_MAX)):
        return None
    return {
        "key": key,
        "source": source,
        "source_port": source_port,
        "target": target,
        "target_port": target_port,
    }


def quick_rows(rows: Any, quick: Callable[[Any], dict[str, Any] | None]) -> list | None:
    """Every row loaded by ``quick``, or None as soon as one is not (the schema decides)."""
    if type(rows) is not list:
        return None
    loaded = []
    for row in rows:
        item = quick(row)
        if item is None:
            return None
        loaded.append(item)
    return loaded
