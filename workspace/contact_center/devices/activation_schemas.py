"""Request and response schemas of /devices/{id}/activation."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.contact_center.devices.schemas import DeviceContactSchema
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema


class DeviceActivationDeviceSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    name = fields.String()
    status = fields.String()
    sub_status = fields.String(allow_none=True)
    app_version = fields.String(allow_none=True)
    platform = fields.String(allow_none=True)
    last_seen_at = fields.DateTime(allow_none=True)
    activated_at = fields.DateTime(allow_none=True)
    contact = fields.Nested(DeviceContactSchema)


class DeviceActivationEmailSchema(BaseSchema):
    address = fields.String()
    label = fields.String()


class DeviceActivationMethodSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    when = fields.String()
    steps = fields.List(fields.String())
    note = fields.String()


class DeviceActivationInstructionsSchema(BaseSchema):
    title = fields.String()
    intro = fields.String()
    methods = fields.List(fields.Nested(DeviceActivationMethodSchema))
    send = fields.String()
    reset = fields.String()


class DeviceActivationSchema(BaseSchema):
    device = fields.Nested(DeviceActivationDeviceSchema)
    code = fields.String(allow_none=True, metadata={"description": "Shown until sent or used."})
    code_shown = fields.Boolean()
    code_hidden_reason = fields.String(allow_none=True)
    code_issued_at = fields.DateTime(allow_none=True)
    server = fields.String()
    activation_link = fields.String(allow_none=True, metadata={"description": "Click to Activate"})
    web_link = fields.String(allow_none=True, metadata={"description": "https fallback page"})
    emails = fields.List(fields.Nested(DeviceActivationEmailSchema))
    instructions = fields.Nested(DeviceActivationInstructionsSchema)


class DeviceActivationSendSchema(BaseSchema):
    email = Text(
        required=True,
        validate=validate.Length(min=1, max=254, error="Choose one of the contact's addresses."),
    )
