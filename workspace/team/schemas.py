"""Request and response schemas of /team."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.auth.roles import ROLES
from workspace.schemas import BaseSchema

ROLE = validate.OneOf(ROLES, error="Choose owner, admin or viewer.")


class MemberSchema(BaseSchema):
    id = fields.Integer()
    email = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    role = fields.String()
    status = fields.String(metadata={"description": "active | invited | disabled"})
    invite_expires_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


class InviteSchema(BaseSchema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    role = fields.String(required=True, validate=ROLE)
    first_name = fields.String(load_default="", validate=validate.Length(max=100))
    last_name = fields.String(load_default="", validate=validate.Length(max=100))


class RoleChangeSchema(BaseSchema):
    role = fields.String(required=True, validate=ROLE)
