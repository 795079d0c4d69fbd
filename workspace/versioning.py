"""Optimistic locking over HTTP: ETag out, If-Match in (412 stale, 428 missing).

Views read the expected version with `if_match()` and hand it to the service, which
calls `check_version()` before writing; `set_etag()` puts the new version on the response.
"""

from __future__ import annotations

import re

from flask import after_this_request, request

from workspace.errors import PreconditionFailed, PreconditionRequired
from workspace.schemas import INT64_MAX

# At most 19 digits: int() of a longer run is slow or refused, and no version is that big.
_ETAG = re.compile(r'^(?:W/)?"?(\d{1,19})"?$')


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
