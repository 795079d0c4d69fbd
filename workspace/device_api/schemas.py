"""Request and response schemas of the device API (/device/v1)."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate, validates

from workspace.contact_center.devices.models import MAX_SIP_ACCOUNTS
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema

MAX_ID = 2**31 - 1


def _label(**kwargs) -> Text:
    return Text(validate=validate.Length(min=1, max=40, error="Use 1 to 40 characters."), **kwargs)


class ActivateSchema(BaseSchema):
    # Any value is taken here: a code that is too long, of the wrong type or malformed gets the
    # same 401 as a wrong one (workspace.device_api.service), so its shape tells a guesser nothing.
    code = fields.Raw(
        required=True, allow_none=True, metadata={"type": "string", "example": "K7QM-4TZP-9XWD"}
    )
    platform = _label(required=True, metadata={"example": "android"})
    app_version = _label(required=True, metadata={"example": "4.2.0"})


class ActivatedDeviceSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class ActivatedSchema(BaseSchema):
    token = fields.String(metadata={"description": "Bearer token; shown only this once."})
    device = fields.Nested(ActivatedDeviceSchema)
    config = fields.Dict(metadata={"description": "As GET /config returns it, etag included."})


class HeartbeatLineSchema(BaseSchema):
    sip_account = fields.Integer(required=True, strict=True, validate=validate.Range(1, MAX_ID))
    registered = fields.Boolean(required=True, truthy={True}, falsy={False})


class HeartbeatSchema(BaseSchema):
    app_version = _label(load_default=None)
    lines = fields.List(fields.Nested(HeartbeatLineSchema), load_default=list)

    @validates("lines")
    def _lines(self, value: list[dict], **_) -> None:
        if len(value) > MAX_SIP_ACCOUNTS:
            raise ValidationError("A device has at most four SIP accounts.")
        # Runs even when an item failed its own validation: look, do not assume.
        ids = [line.get("sip_account") for line in value if isinstance(line, dict)]
        if len(set(ids)) != len(ids):
            raise ValidationError("Report each SIP account once.")


class HeartbeatResultSchema(BaseSchema):
    status = fields.String()
    pending_update = fields.Boolean()
    config_etag = fields.String(allow_none=True)
