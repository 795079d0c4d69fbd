"""Refusals that come before any view runs: malformed JSON bodies and ids no row can have.

Python's json module accepts things nothing after it can handle: a lone surrogate
("\\ud800") decodes to a str no encoder or database takes, NaN and Infinity are not JSON,
a number of thousands of digits or a body nested thousands deep raise something other than
the JSONDecodeError webargs turns into a 400. So every JSON body is checked here first and
answered 400 in the one error shape; field-level rules (NUL, 64 bits) live in BaseSchema.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from workspace.errors import ServiceError
from workspace.tenancy import MAX_ID

# Deeper than any document this API takes (an exported workspace is about six levels).
MAX_DEPTH = 64
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _depth_within(value: Any) -> None:
    """Level by level over the containers only: a tenth of what parsing took."""
    level, depth = [value], 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise ValueError(f"it is nested deeper than {MAX_DEPTH} levels")
        deeper: list = []
        for item in level:
            children = item.values() if type(item) is dict else item
            deeper += [child for child in children if type(child) in (dict, list)]
        level = deeper


def _no_lone_surrogate(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError("it holds a lone surrogate (\\ud800-\\udfff)") from exc
        elif type(item) is dict:
            stack += item.keys()
            stack += item.values()
        elif type(item) is list:
            stack += item


def loads(data: bytes | str) -> Any:
    """json.loads that raises ValueError for everything described in the module docstring."""
    # Strict UTF-8: json.loads(bytes) would let raw surrogate bytes through ("surrogatepass").
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        value = json.loads(text, parse_constant=_constant)
    except RecursionError as exc:
        raise ValueError("it is nested too deeply") from exc
    # Only a body with enough brackets can be too deep, and only one with a \uD800-\uDFFF
    # escape can hold a lone surrogate: the common body is not walked at all.
    if text.count("[") + text.count("{") > MAX_DEPTH:
        _depth_within(value)
    if _SURROGATE_ESCAPE.search(text):
        _no_lone_surrogate(value)
    return value


def refuse_malformed_json() -> None:
    """400 for a JSON body that `loads` refuses, before authentication or a view reads it."""
    if not request.is_json:
        return
    data = request.get_data(cache=True)
    if not data:
        return
    try:
        loads(data)
    except ValueError as exc:
        message = f"The body is not valid JSON: {exc}."
        raise ServiceError(message, {"json": ["Invalid JSON body."]}) from exc


class IdConverter(IntegerConverter):
    """`<int:...>` in routes: ids (and revision numbers) are 32-bit columns, so a larger
    number names nothing: 404 before any lookup, as the services answer one out of range.
    A 404 rather than "no route matches", which the SPA's GET-only catch-all route would
    turn into a 405 for other methods."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002  (werkzeug's name)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)

    def to_python(self, value: str) -> int:
        # The length check first: int() of thousands of digits is slow, then refused.
        if len(value) > len(str(MAX_ID)) or int(value) > MAX_ID:
            raise NotFound("Nothing has this id.")
        return super().to_python(value)


def init_app(app: Flask) -> None:
    """Call before the blueprints are registered: routes bind their converters when added."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(refuse_malformed_json)
