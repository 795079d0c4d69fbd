"""/api/v1/audio-files: announcement and music-on-hold files."""

from __future__ import annotations

import functools

from flask import current_app, jsonify, request, send_file
from flask_smorest import Blueprint
from werkzeug.exceptions import RequestEntityTooLarge

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.audio import schemas, service
from workspace.contact_center.audio.formats import MIME_TYPES
from workspace.errors import error_body
from workspace.schemas import PagingSchema
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "audio_files", __name__, url_prefix="/api/v1/audio-files", description="Audio files"
)
protect(blp)
# Room for the multipart boundaries and the name field around a file at the size limit.
FORM_OVERHEAD = 64 * 1024
AUDIO_RESPONSES = {"200": {"content": {mime: {} for mime in sorted(set(MIME_TYPES.values()))}}}


def _upload_limit(view):
    """Stop reading a body past the audio limit, not only past the app-wide MAX_CONTENT_LENGTH."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        request.max_content_length = current_app.config["AUDIO_MAX_BYTES"] + FORM_OVERHEAD
        return view(*args, **kwargs)

    return wrapper


@blp.errorhandler(RequestEntityTooLarge)
def _too_large(exc: RequestEntityTooLarge):
    """An upload cut off while reading names `file` and the limit, like one measured after."""
    if request.method != "POST":
        return jsonify(error_body(413, exc.description)), 413
    refused = service.too_large()
    return jsonify(error_body(413, refused.message, refused.errors)), 413


@blp.get("")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, schemas.AudioFileListSchema)
def list_audio_files(args):
    """Audio files of the account, by name."""
    return service.list_audio_files(current_account_id(), **args)


@blp.post("")
@_upload_limit
@blp.arguments(schemas.AudioFileCreateSchema, location="form")
@blp.arguments(schemas.AudioFileUploadSchema, location="files")
@blp.response(201, schemas.AudioFileSchema)
def create_audio_file(form, files):
    """Upload a WAV, MP3, OGG or FLAC file (multipart: file, name)."""
    row = service.create_audio_file(current_account_id(), {**form, **files})
    set_etag(row)
    return row


@blp.get("/<int:audio_id>")
@blp.response(200, schemas.AudioFileSchema)
def get_audio_file(audio_id: int):
    """One audio file."""
    row = service.get_audio_file(current_account_id(), audio_id)
    set_etag(row)
    return row


@blp.get("/<int:audio_id>/content")
@blp.doc(responses=AUDIO_RESPONSES)
def get_audio_content(audio_id: int):
    """The audio bytes, playable in an <audio> element (HTTP Range supported)."""
    row = service.get_audio_file(current_account_id(), audio_id)
    response = send_file(
        service.content_path(row),
        mimetype=MIME_TYPES[row.format],
        conditional=True,
        etag=row.sha256,
        download_name=row.original_filename,
    )
    response.cache_control.private = True
    return response


@blp.patch("/<int:audio_id>")
@needs_if_match
@blp.arguments(schemas.AudioFileUpdateSchema)
@blp.response(200, schemas.AudioFileSchema)
def update_audio_file(data, audio_id: int):
    """Rename an audio file."""
    row = service.update_audio_file(current_account_id(), audio_id, data, if_match())
    set_etag(row)
    return row


@blp.delete("/<int:audio_id>")
@needs_if_match
@blp.response(204)
def delete_audio_file(audio_id: int):
    """Delete an audio file that no call.center settings use."""
    service.delete_audio_file(current_account_id(), audio_id, if_match())
