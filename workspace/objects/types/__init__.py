"""The object-type registry: one module per workspace object type.

Each module defines ``TYPE``, an ``ObjectType`` (ports, properties schema, defaults, hooks).
The graph engine takes ``REGISTRY`` as an argument; the canvas draws its palette and its
connection rules from ``catalogue()`` (served at ``/api/v1/object-types``).
"""

from __future__ import annotations

from typing import Any

from workspace.graph import GraphError, ObjectType
from workspace.objects.types import (
    blacklist,
    caller_router,
    contact_method,
    forward,
    internal_number,
    phone_number,
    ring_group,
    time_router,
)

__all__ = ["REGISTRY", "UnknownTypeError", "catalogue", "get_type"]

REGISTRY: dict[str, ObjectType] = {
    t.name: t
    for t in (
        phone_number.TYPE,
        internal_number.TYPE,
        time_router.TYPE,
        caller_router.TYPE,
        blacklist.TYPE,
        ring_group.TYPE,
        contact_method.TYPE,
        forward.TYPE,
    )
}


class UnknownTypeError(GraphError, LookupError):
    """No object type has this name."""


def get_type(name: str) -> ObjectType:
    """Return the object type called ``name``.

    Raises
    ------
    UnknownTypeError
        No such type (a LookupError).

    Example
    -------
    >>> get_type("ring_group").display_name
    'Ring Group'
    """
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownTypeError(f"unknown object type {name!r}") from None


def catalogue() -> list[dict[str, Any]]:
    """Return every type as JSON-ready dicts, in palette order (entries, routing, destinations).

    Example
    -------
    >>> [t["type"] for t in catalogue()][:5]
    ['phone_number', 'internal_number', 'time_router', 'caller_router', 'blacklist']
    """
    return [t.to_dict() for t in REGISTRY.values()]
