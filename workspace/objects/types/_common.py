"""What the object-type modules share: the properties base schema and small field helpers."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, fields

from workspace.graph import ObjectType, PortSpec, Reference

__all__ = ["PropertiesSchema", "calls_in", "entry_type", "row_id", "row_id_json"]


class PropertiesSchema(Schema):
    """Base of every properties schema: unknown keys are refused (nested schemas set it too)."""

    class Meta:
        unknown = RAISE


def row_id(**kwargs: Any) -> fields.Integer:
    """A property holding the id of a facts row; None until the admin picks one."""
    return fields.Integer(strict=True, allow_none=True, load_default=None, **kwargs)


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
        defaults={"number": None},
        default_name_prefix=display_name,
        references=(Reference("number", collection, label),),
        continue_port="calls",
        validate=validate,
        inbound=inbound,
    )
