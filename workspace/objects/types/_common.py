"""What the object-type modules share: the properties base schema and small field helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from marshmallow import RAISE, Schema, fields

from workspace.graph import ObjectType, PortSpec, Reference

__all__ = [
    "PropertiesSchema",
    "calls_in",
    "entry_type",
    "row_ids_only",
    "row_id",
    "row_id_json",
]


class PropertiesSchema(Schema):
    """Base of every properties schema: unknown keys are refused (nested schemas set it too)."""

    class Meta:
        unknown = RAISE


def row_id(**kwargs: Any) -> fields.Integer:
    """A property holding the id of a facts row; None until the admin picks one."""
    return fields.Integer(strict=True, allow_none=True, load_default=None, **kwargs)


def row_ids_only(*names: str) -> Callable[[Mapping[str, Any]], bool]:
    """A ``quick_valid`` for schemas made only of ``row_id`` fields called ``names``.

    Accepts a dict whose keys are among ``names`` and whose values are None or plain
    integers (not booleans); anything else goes to the schema.

    >>> check = row_ids_only("number")
    >>> check({"number": 4}), check({}), check({"number": True}), check({"other": 1})
    (True, True, False, False)
    """
    allowed = frozenset(names)

    def quick_valid(props: Mapping[str, Any]) -> bool:
        if not isinstance(props, dict) or not allowed.issuperset(props):
            return False
        return all(v is None or type(v) is int for v in props.values())

    return quick_valid


def row_id_json(description: str) -> dict[str, Any]:
    """The JSON schema of a ``row_id`` property."""
    return {"type": ["integer", "null"], "default": None, "description": description}


def calls_in(*accepts: str) -> PortSpec:
    """The ``calls`` input port, taking the given signals."""
    return PortSpec("calls", "in", "Calls", max_cables=None, accepts=frozenset(accepts))


def entry_type(
    *,
    name: str,
    display_name: str,
    icon: str,
    color: str,
    collection: str,
    label: str,
    schema: Schema,
    inbound: Any,
    validate: Any = None,
) -> ObjectType:
    """Build an entry type: a number that calls arrive on, with one ``calls`` output cable."""
    return ObjectType(
        name=name,
        display_name=display_name,
        category="entry",
        icon=icon,
        color=color,
        ports=(PortSpec("calls", "out", "Calls", max_cables=1, signal="call"),),
        schema=schema,
        properties_schema={
            "type": "object",
            "additionalProperties": False,
            "properties": {"number": row_id_json(f"The id of a {label} of the inventory.")},
        },
        pickers={"number": name},
        defaults={"number": None},
        default_name_prefix=display_name,
        references=(Reference("number", collection, label),),
        validate=validate,
        inbound=inbound,
        quick_valid=row_ids_only("number"),
    )
