"""Request and response schemas of /contacts/{id}/call-center (the call.center settings)."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema


def _id(description: str) -> fields.Integer:
    return fields.Integer(allow_none=True, strict=True, metadata={"description": description})


class RecordingUpdateSchema(BaseSchema):
    enabled = fields.Boolean()
    inbound = fields.Boolean()
    outbound = fields.Boolean()
    internal = fields.Boolean()
    external = fields.Boolean()
    on_demand = fields.Boolean(metadata={"description": "needs a record_on_demand feature code"})
    delivery_method_id = _id("a delivery method of the account; required while enabled")


class AnnouncementsUpdateSchema(BaseSchema):
    internal_audio_id = _id("audio file played on internal outbound calls")
    external_audio_id = _id("audio file played on external outbound calls")


class CallCenterUpdateSchema(BaseSchema):
    """Partial update of the call.center settings (If-Match: the call.center method's ETag)."""

    caller_id_name = Text(
        allow_none=True,
        validate=validate.Length(max=100, error="Use at most 100 characters for the name."),
        metadata={"description": "null or empty: the contact's name"},
    )
    internal_caller_id = _id("an internal number of the account")
    outbound_calling = fields.Boolean()
    external_caller_id = _id("a phone number of the account; required for outbound calling")
    recording = fields.Nested(RecordingUpdateSchema)
    announcements = fields.Nested(AnnouncementsUpdateSchema)


class RecordingSchema(BaseSchema):
    enabled = fields.Boolean()
    inbound = fields.Boolean()
    outbound = fields.Boolean()
    internal = fields.Boolean()
    external = fields.Boolean()
    on_demand = fields.Boolean()
    on_demand_code = fields.String(
        allow_none=True, metadata={"description": "the feature code dialled to record on demand"}
    )
    delivery_method_id = fields.Integer(allow_none=True)


class AnnouncementsSchema(BaseSchema):
    internal_audio_id = fields.Integer(allow_none=True)
    external_audio_id = fields.Integer(allow_none=True)


class SaveWarningSchema(BaseSchema):
    code = fields.String(metadata={"description": "the problem code publish will report"})
    message = fields.String()


class CallCenterSchema(BaseSchema):
    warnings = fields.List(
        fields.Nested(SaveWarningSchema),
        metadata={"description": "Accepted, but publishing will report these until fixed"},
    )
    contact_id = fields.Integer()
    contact_method_id = fields.Integer()
    version = fields.Integer(metadata={"description": "the call.center method's version"})
    caller_id_name = Text(metadata={"description": "the effective caller ID name"})
    caller_id_name_is_default = fields.Boolean()
    internal_caller_id = fields.Integer(allow_none=True)
    internal_caller_id_number = fields.String(allow_none=True)
    outbound_calling = fields.Boolean()
    external_caller_id = fields.Integer(allow_none=True)
    external_caller_id_number = fields.String(allow_none=True)
    recording = fields.Nested(RecordingSchema)
    announcements = fields.Nested(AnnouncementsSchema)
    live_devices = fields.Integer(
        metadata={
            "description": "activated devices of the contact: settings take effect on save, "
            "so a save is live on these at once"
        }
    )
