"""The base schema every request and response schema derives from, and shared envelopes.

The base schema also refuses, in every field of every schema (bodies, query strings, nested
schemas, list items), the two things a database driver turns into a 500: a NUL character
in text (PostgreSQL cannot store it, SQLite stores it silently; free-form dicts included)
and an integer beyond 64 bits (no driver can bind it). Each is a 422 naming the field.
"""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
NUL_ERROR = "Remove the NUL character (\\u0000): text cannot hold it."
# Pages times per_page must stay a valid 64-bit OFFSET on every database.
MAX_PAGE = 2**31 - 1


class _Int64(validate.Range):
    """A Range (so the OpenAPI document shows the bounds) that passes over what is not an
    int: a custom field may turn "" into None before validators run."""

    def __call__(self, value: Any) -> Any:
        return super().__call__(value) if isinstance(value, int) else value


INT64 = _Int64(min=INT64_MIN, max=INT64_MAX, error="Use a whole number that fits in 64 bits.")


def _no_nul(value: Any) -> None:
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError(NUL_ERROR)


class FreeJSON(fields.Raw):
    """A value no field describes (a dict's values): no NUL in any text inside it. Its numbers
    are left to whoever describes them (an object type's properties answer an id no row
    can have with the 404 of any missing reference)."""

    def _deserialize(self, value: Any, attr, data, **kwargs) -> Any:
        stack = [value]
        while stack:  # iterative: nesting depth is the JSON guard's business
            item = stack.pop()
            _no_nul(item)
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list | tuple):
                stack.extend(item)
        return value


def _prepend(field: fields.Field, check) -> None:
    # A new list: marshmallow copies fields shallowly, so the declared field (and every
    # other schema instance) shares the old one.
    if check not in field.validators:
        field.validators = [check, *field.validators]


def guard_field(field: fields.Field) -> None:
    """Add the NUL and 64-bit checks to a field and to the fields inside it.

    Nested schemas derive from BaseSchema and guard their own fields; a bare Raw field is
    left as the service takes it (an activation code of any shape gets the same 401).
    """
    if isinstance(field, fields.Integer):
        _prepend(field, INT64)
    elif isinstance(field, fields.String):
        _prepend(field, _no_nul)
    elif isinstance(field, fields.List):
        guard_field(field.inner)
    elif isinstance(field, fields.Tuple):
        for inner in field.tuple_fields:
            guard_field(inner)
    elif isinstance(field, fields.Mapping):
        # Undescribed keys and values get fields of their own, so a refusal is named at its
        # place (errors.json.settings.folder.value), as a described one would be.
        if field.key_field is None:
            field.key_field = fields.String()
            field.key_field._bind_to_schema(field.name, field)
        if field.value_field is None:
            field.value_field = FreeJSON(allow_none=True)
            field.value_field._bind_to_schema(field.name, field)
        guard_field(field.key_field)
        guard_field(field.value_field)


class BaseSchema(Schema):
    """Unknown fields are refused with 422 naming them (nested schemas derive from it too)."""

    class Meta:
        unknown = RAISE
        ordered = True

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        guard_field(field_obj)


def list_schema(item_schema: type[Schema], name: str) -> type[Schema]:
    """A collection envelope {"items": [...], "total": n} for item_schema."""
    return type(
        name,
        (BaseSchema,),
        {"items": fields.List(fields.Nested(item_schema)), "total": fields.Integer()},
    )


def page_field() -> fields.Integer:
    """?page=, 1-based, bounded so that the OFFSET it becomes fits the database."""
    return fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))


class PagingSchema(BaseSchema):
    """Query arguments of paged lists: ?page=1&per_page=50&q=text"""

    page = page_field()
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    q = fields.String(
        load_default=None,
        validate=[
            validate.Length(max=100),
            # NUL and other control characters make PostgreSQL fail the query: refuse them.
            validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Remove control characters."),
        ],
    )
