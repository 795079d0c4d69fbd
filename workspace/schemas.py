"""The base schema every request and response schema derives from, and shared envelopes."""

from marshmallow import RAISE, Schema, fields, validate


class BaseSchema(Schema):
    """Unknown fields are refused with 422 naming them (nested schemas derive from it too)."""

    class Meta:
        unknown = RAISE
        ordered = True


def list_schema(item_schema: type[Schema], name: str) -> type[Schema]:
    """A collection envelope {"items": [...], "total": n} for item_schema."""
    return type(
        name,
        (BaseSchema,),
        {"items": fields.List(fields.Nested(item_schema)), "total": fields.Integer()},
    )


class PagingSchema(BaseSchema):
    """Query arguments of paged lists: ?page=1&per_page=50&q=text"""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    q = fields.String(
        load_default=None,
        validate=[
            validate.Length(max=100),
            # NUL and other control characters make PostgreSQL fail the query: refuse them.
            validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Remove control characters."),
        ],
    )
