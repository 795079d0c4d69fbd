"""Response and query schemas of /api/v1/recordings (also the body of recording.updated)."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.delivery.models import DIRECTIONS, SCOPES, STATUSES
from workspace.schemas import BaseSchema, PagingSchema, list_schema


class CallRecordingRefSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class CallRecordingMethodSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    type = fields.String()


class CallRecordingDeliverySchema(BaseSchema):
    method = fields.Nested(CallRecordingMethodSchema, allow_none=True)
    attempts = fields.Integer()
    max_attempts = fields.Integer()
    next_attempt_at = fields.DateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    last_error_kind = fields.String(allow_none=True)
    delivered_at = fields.DateTime(allow_none=True)
    remote_location = fields.String(allow_none=True)


class CallRecordingSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    status = fields.String(metadata={"enum": list(STATUSES)})
    direction = fields.String(metadata={"enum": list(DIRECTIONS)})
    scope = fields.String(metadata={"enum": list(SCOPES)})
    on_demand = fields.Boolean()
    remote_number = fields.String()
    local_number = fields.String(allow_none=True)
    started_at = fields.DateTime()
    duration_s = fields.Float()
    size_bytes = fields.Integer()
    content_type = fields.String()
    file_name = fields.String()
    created_at = fields.DateTime()
    device = fields.Nested(CallRecordingRefSchema, allow_none=True)
    contact = fields.Nested(CallRecordingRefSchema, allow_none=True)
    remote_contact = fields.Nested(CallRecordingRefSchema, allow_none=True)
    delivery = fields.Nested(CallRecordingDeliverySchema)
    # Set while the file is held here (until delivered and past the retention time).
    audio_url = fields.String(allow_none=True)


CallRecordingListSchema = list_schema(CallRecordingSchema, "CallRecordingListSchema")


class CallRecordingListArgsSchema(PagingSchema):
    """?status=dead&q=+1415 (q searches numbers and the file name)."""

    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
