"""Errors of the services the wizard calls, renamed to the wizard step they belong to.

A service names the field in its own request (`number`, `sip_account_ids`); the wizard's
request nests each step under a key (`internal_number`, `device`), so the same refusal must
say `errors.json.internal_number.number` for the form to show it on the right step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workspace.errors import ServiceError


def _first_leaf(tree: Any, path: str = "") -> tuple[str, str] | None:
    """The first (dotted path, message) in a marshmallow-shaped error tree."""
    if isinstance(tree, list):
        return (path, str(tree[0])) if tree else None
    if isinstance(tree, dict):
        for key, value in tree.items():
            found = _first_leaf(value, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    return None


def rename(exc: ServiceError, step: str) -> ServiceError:
    """Nest the refusal's field errors under `step` (the step itself when it names none)."""
    errors = dict(exc.errors) if isinstance(exc.errors, dict) else {}
    fields = errors.get("json")
    errors["json"] = {step: fields if isinstance(fields, dict) and fields else [exc.message]}
    exc.errors = errors
    leaf = _first_leaf(errors["json"])
    if leaf is not None:
        exc.message = f"{leaf[0]}: {leaf[1]}"
    return exc


@contextmanager
def step(name: str) -> Iterator[None]:
    """Run one wizard step; a refusal inside it is reported under the step's key."""
    try:
        yield
    except ServiceError as exc:
        raise rename(exc, name) from None
