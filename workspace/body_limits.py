"""Per-view request body limits, enforced before anything reads the body.

MAX_CONTENT_LENGTH is one number for the whole app, sized for uploads. A view that takes a
JSON document can declare a smaller limit with ``@max_body``; ``limit_bodies(blueprint)``
checks it when the request has been routed, in a URL value preprocessor: Flask runs those
before every ``before_request`` hook, and one of those (workspace.input_guard) reads and
parses each JSON body. So a body past the limit is refused with 413 without being read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, request
from flask_smorest import Blueprint, abort

__all__ = ["limit_bodies", "max_body"]

_ATTRIBUTE = "_max_body"


def max_body(limit: Callable[[], int], refusal: str) -> Callable:
    """Declare the view's largest body in bytes (`limit` is called per request, so it can
    read the config) and what a larger one is told (`{megabytes}` is filled in)."""

    def declare(view: Callable) -> Callable:
        setattr(view, _ATTRIBUTE, (limit, refusal))
        return view

    return declare


def _enforce(endpoint: str | None, values: dict[str, Any] | None) -> None:
    view = current_app.view_functions.get(endpoint) if endpoint else None
    declared = getattr(view, _ATTRIBUTE, None)
    if declared is None:
        return
    limit, refusal = declared
    most = limit()
    if request.content_length is not None and request.content_length > most:
        abort(413, message=refusal.format(megabytes=round(most / 1024 / 1024, 1)))
    # A body without Content-Length (chunked) is cut off at the limit while it is read.
    request.max_content_length = most


def limit_bodies(blueprint: Blueprint) -> None:
    """Enforce the @max_body of the blueprint's views."""
    blueprint.url_value_preprocessor(_enforce)
