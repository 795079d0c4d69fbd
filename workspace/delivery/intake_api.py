"""POST /device/v1/recordings: a device uploads a call recording (multipart: file + metadata).

The device is known from its bearer token before the body is read (a request without a
valid token is a 401 however large its body), and the body is cut off past the recording
limit while it is read, not only after.
"""

from __future__ import annotations

from flask import current_app, g, jsonify, request
from flask_smorest import Blueprint
from werkzeug.exceptions import RequestEntityTooLarge

from workspace.delivery import intake
from workspace.delivery.intake_schemas import (
    RecordingAcceptedSchema,
    RecordingMetaSchema,
    RecordingUploadSchema,
)
from workspace.device_api.auth import current_device
from workspace.errors import error_body
from workspace.extensions import db

blp = Blueprint(
    "device_recordings",
    __name__,
    url_prefix="/device/v1",
    description="Device API: call recording upload",
)
# Room for the multipart boundaries and the metadata fields around a file at the limit.
FORM_OVERHEAD = 64 * 1024


@blp.before_request
def _authenticate() -> None:
    device = current_device()
    g.recording_caller = intake.Caller(
        device_id=device.id, account_id=device.account_id, contact_id=device.contact_id
    )
    db.session.rollback()  # no transaction open while the body streams in
    request.max_content_length = current_app.config["RECORDING_MAX_BYTES"] + FORM_OVERHEAD


@blp.errorhandler(RequestEntityTooLarge)
def _too_large(exc: RequestEntityTooLarge):
    refused = intake.too_large()
    return jsonify(error_body(413, refused.message, refused.errors)), 413


@blp.post("/recordings")
@blp.arguments(RecordingMetaSchema, location="form")
@blp.arguments(RecordingUploadSchema, location="files")
@blp.response(201, RecordingAcceptedSchema)
def upload_recording(meta, files):
    """Upload a recording: accepted when the contact's call.center settings record such calls.

    Form fields: direction (inbound|outbound), scope (internal|external), remote_number,
    local_number, started_at (ISO 8601), duration_s, contact (the other party's contact id),
    on_demand; and the file (WAV, MP3, OGG or FLAC).
    """
    row = intake.accept_recording(g.recording_caller, meta, files["file"])
    return {"id": row.id, "status": row.status}
