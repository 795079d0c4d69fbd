"""/api/v1/recordings: call recordings, where each was delivered, playback, retry."""

from __future__ import annotations

from flask import send_file
from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.audio.formats import MIME_TYPES
from workspace.delivery import schemas, service
from workspace.delivery.present import describe_recording
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "recordings", __name__, url_prefix="/api/v1/recordings", description="Call recordings"
)
protect(blp)
AUDIO_RESPONSES = {"200": {"content": {mime: {} for mime in sorted(set(MIME_TYPES.values()))}}}


@blp.get("")
@blp.arguments(schemas.CallRecordingListArgsSchema, location="query")
@blp.response(200, schemas.CallRecordingListSchema)
def list_recordings(args):
    """Recordings of the account, newest call first; ?status= and ?q= filter."""
    return service.list_recordings(current_account_id(), **args)


@blp.get("/<int:recording_id>")
@blp.response(200, schemas.CallRecordingSchema)
def get_recording(recording_id: int):
    """One recording and the state of its delivery."""
    row = service.get_recording(current_account_id(), recording_id)
    set_etag(row)
    return describe_recording(row)


@blp.post("/<int:recording_id>/retry")
@needs_if_match
@blp.response(200, schemas.CallRecordingSchema)
def retry_recording(recording_id: int):
    """Send a failed or dead delivery again, with a fresh count of attempts (If-Match)."""
    expected = if_match()
    row = service.retry_recording(current_account_id(), recording_id, expected)
    set_etag(row)
    return describe_recording(row)


@blp.get("/<int:recording_id>/audio")
@blp.doc(responses=AUDIO_RESPONSES)
def get_recording_audio(recording_id: int):
    """The recording's audio while it is held here (HTTP Range supported)."""
    row = service.get_recording(current_account_id(), recording_id)
    response = send_file(
        service.audio_path(row),
        mimetype=row.content_type,
        conditional=True,
        etag=row.sha256,
        download_name=row.file_name,
    )
    response.cache_control.private = True
    return response
