"""The base schema every request and response schema derives from."""

from marshmallow import RAISE, Schema


class BaseSchema(Schema):
    """Unknown fields are refused with 422 naming them (nested schemas set it too)."""

    class Meta:
        unknown = RAISE
        ordered = True
