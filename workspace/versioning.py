"""Optimistic locking over HTTP: ETag out, If-Match in (412 stale, 428 missing).

Views read the expected version with `if_match()` and hand it to the service, which
calls `check_version()` before writing; `set_etag()` puts the new version on the response.
A view that reads If-Match is marked `@needs_if_match`, so the OpenAPI document lists the
header and the 412 and 428 answers on it (`IfMatchPlugin`).
"""

from __future__ import annotations

import re
from typing import Any

from apispec import BasePlugin
from flask import after_this_request, request
from flask_smorest import Blueprint

from workspace.errors import PreconditionFailed, PreconditionRequired
from workspace.schemas import INT64_MAX

# At most 19 digits: int() of a longer run is slow or refused, and no version is that big.
_ETAG = re.compile(r'^(?:W/)?"?(\d{1,19})"?$')
_MARK = "x-needs-if-match"
IF_MATCH_PARAMETER = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": 'The ETag of the item as you last read it, e.g. "3".',
    "schema": {"type": "string"},
}


def etag_of(version: int) -> str:
    return f'"{version}"'


def if_match() -> int:
    """The version the client last saw, from the If-Match header."""
    raw = request.headers.get("If-Match", "").strip()
    if not raw:
        raise PreconditionRequired("This change needs an If-Match header with the item's ETag.")
    match = _ETAG.match(raw)
    if not match or int(match.group(1)) > INT64_MAX:
        raise PreconditionFailed("The If-Match header is not an ETag of this item.")
    return int(match.group(1))


def check_version(row, expected: int | None) -> None:
    """Refuse a write based on a stale copy; expected=None skips the check (internal callers)."""
    if expected is not None and row.version != expected:
        raise PreconditionFailed(
            f"Someone else changed this item (now version {row.version}). Reload and try again.",
            {"current_version": row.version},
        )


def set_etag(row) -> None:
    version = row.version

    @after_this_request
    def _etag(response):
        response.headers["ETag"] = etag_of(version)
        return response


def needs_if_match(view):
    """Mark a view that calls `if_match()` (place it under the route decorator)."""
    return Blueprint.doc(**{_MARK: True})(view)


class IfMatchPlugin(BasePlugin):
    """Turns the `needs_if_match` mark into the If-Match parameter and the 412/428 answers."""

    def operation_helper(self, path: str | None = None, operations: Any = None, **kwargs) -> None:
        for operation in (operations or {}).values():
            if not isinstance(operation, dict) or not operation.pop(_MARK, False):
                continue
            operation.setdefault("parameters", []).append(dict(IF_MATCH_PARAMETER))
            responses = operation.setdefault("responses", {})
            # flask-smorest registers a response, in its error shape, for every status.
            responses.setdefault(412, "PRECONDITION_FAILED")
            responses.setdefault(428, "PRECONDITION_REQUIRED")
