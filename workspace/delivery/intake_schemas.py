"""The multipart body of POST /device/v1/recordings: the call's metadata and its file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, post_load, validate

from workspace.contact_center.fields import Text
from workspace.delivery.models import DIRECTIONS, SCOPES
from workspace.schemas import BaseSchema

MAX_ID = 2**31 - 1
MAX_DURATION = 24 * 3600
# Numbers as a softphone shows them: E.164, extensions, feature codes, SIP user parts.
NUMBER = validate.Regexp(
    r"^[A-Za-z0-9+*#._@-]{1,40}$", error="Use up to 40 digits, letters or + * # . _ @ -."
)
# Device clocks drift; a start time far in the future is a broken clock, not a call.
FUTURE_SLACK = timedelta(days=1)


class RecordingMetaSchema(BaseSchema):
    """The form fields; `contact` is the other party when the device knew them."""

    direction = fields.String(required=True, validate=validate.OneOf(DIRECTIONS))
    scope = fields.String(required=True, validate=validate.OneOf(SCOPES))
    on_demand = fields.Boolean(load_default=False)
    remote_number = Text(required=True, validate=NUMBER)
    local_number = Text(load_default=None, validate=NUMBER)
    started_at = fields.DateTime(required=True)
    duration_s = fields.Float(
        load_default=None, validate=validate.Range(min=0, max=MAX_DURATION), allow_nan=False
    )
    contact = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_ID))

    @post_load
    def _aware_start(self, data: dict, **_) -> dict:
        started = data["started_at"]
        if started.tzinfo is None:  # no offset given: the device meant UTC
            started = started.replace(tzinfo=UTC)
        if started > datetime.now(UTC) + FUTURE_SLACK:
            raise ValidationError("The call cannot start in the future.", "started_at")
        data["started_at"] = started.astimezone(UTC)
        return data


class RecordingUploadSchema(BaseSchema):
    """The file part: WAV, MP3, OGG or FLAC, told apart by its content (never its name)."""

    file = Upload(required=True)


class RecordingAcceptedSchema(BaseSchema):
    id = fields.Integer()
    status = fields.String()
