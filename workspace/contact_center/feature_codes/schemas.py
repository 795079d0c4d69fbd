"""Request and response schemas of /feature-codes."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.contact_center.feature_codes.dialplan import CODE_PATTERN
from workspace.contact_center.feature_codes.models import PURPOSES
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, PagingSchema, list_schema

CODE_MESSAGE = "Use * or # followed by 1 to 6 digits, for example *1."
PURPOSE_MESSAGE = f"Choose one of: {', '.join(PURPOSES)}."


def _code(**kwargs) -> fields.String:
    return fields.String(
        validate=validate.Regexp(rf"{CODE_PATTERN.pattern}\Z", error=CODE_MESSAGE), **kwargs
    )


def _purpose(**kwargs) -> fields.String:
    return fields.String(validate=validate.OneOf(PURPOSES, error=PURPOSE_MESSAGE), **kwargs)


class FeatureCodeListArgsSchema(PagingSchema):
    q = Text(load_default=None, validate=validate.Length(max=100))  # no NUL: PostgreSQL refuses it


class FeatureCodeSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    code = fields.String()
    purpose = fields.String()
    enabled = fields.Boolean()


class FeatureCodeCreateSchema(BaseSchema):
    code = _code(required=True)
    purpose = _purpose(required=True)
    enabled = fields.Boolean(load_default=True)


class FeatureCodeUpdateSchema(BaseSchema):
    code = _code()
    purpose = _purpose()
    enabled = fields.Boolean()


FeatureCodeListSchema = list_schema(FeatureCodeSchema, "FeatureCodeListSchema")
