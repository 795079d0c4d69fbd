"""What /api/v1/account/settings reads and writes."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema
from workspace.zones import zone_field


class AccountSettingsSchema(BaseSchema):
    name = fields.String()
    setup_wizard = fields.Boolean(attribute="setup_wizard_enabled")
    time_zone = fields.String(metadata={"description": "IANA zone: new schedules' default"})
    version = fields.Integer()


class AccountSettingsUpdateSchema(BaseSchema):
    name = Text(validate=validate.Length(min=1, max=200, error="Enter 1 to 200 characters."))
    setup_wizard = fields.Boolean(truthy={True}, falsy={False})  # JSON true/false only
    time_zone = zone_field()
