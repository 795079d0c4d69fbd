"""Request and response schemas of /audio-files."""

from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import fields, validate

from workspace.contact_center.audio.formats import MIME_TYPES
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, list_schema

NAME_MAX = 200


class AudioFileSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    version = fields.Integer(dump_only=True)
    name = fields.String()
    original_filename = fields.String()
    format = fields.String(metadata={"enum": sorted(MIME_TYPES)})
    content_type = fields.Method("_content_type", metadata={"type": "string"})
    size_bytes = fields.Integer()
    duration_seconds = fields.Float(allow_none=True)
    sha256 = fields.String()
    content_url = fields.Method("_content_url", metadata={"type": "string"})
    created_at = fields.DateTime()

    def _content_type(self, row) -> str:
        return MIME_TYPES[row.format]

    def _content_url(self, row) -> str:
        return f"/api/v1/audio-files/{row.id}/content"


AudioFileListSchema = list_schema(AudioFileSchema, "AudioFileListSchema")


class AudioFileCreateSchema(BaseSchema):
    """The multipart form part; the name defaults to the file name without extension."""

    name = Text(validate=validate.Length(max=NAME_MAX))  # blank: the file name


class AudioFileUploadSchema(AudioFileCreateSchema):
    """The multipart file part: WAV, MP3, OGG or FLAC, told apart by its content.

    flask-smorest documents one multipart body per view (this one), so it also lists the
    form's `name`; the form part itself is parsed by AudioFileCreateSchema.
    """

    file = Upload(required=True)


class AudioFileUpdateSchema(BaseSchema):
    name = Text(validate=validate.Length(min=1, max=NAME_MAX, error="Enter 1 to {max} characters."))
