"""Audio files: upload (checked by content), rename, delete unless call.center settings use it."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import or_

from workspace.contact_center.audio import formats, storage
from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.usage import refuse_if_used
from workspace.errors import ServiceError
from workspace.extensions import db
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

log = logging.getLogger(__name__)
DEFAULT_NAME = "Audio file"


class FileRefused(ServiceError):
    """An upload refused for its content, named under the multipart location of `file`."""

    def __init__(self, message: str, status_code: int = 422) -> None:
        super().__init__(f"file: {message}", {"files": {"file": [message]}})
        self.status_code = status_code


def too_large() -> FileRefused:
    megabytes = current_app.config["AUDIO_MAX_BYTES"] / (1024 * 1024)
    return FileRefused(f"The file is larger than the {megabytes:g} MB limit.", 413)


def list_audio_files(
    account_id: int, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> dict[str, Any]:
    query = scoped(AudioFile, account_id).order_by(db.func.lower(AudioFile.name), AudioFile.id)
    if (match := contains(q, AudioFile.name)) is not None:
        query = query.where(match)
    items, total = paged(query, page=page, per_page=per_page)
    return {"items": items, "total": total}


def get_audio_file(account_id: int, audio_id: int) -> AudioFile:
    return get_owned(AudioFile, audio_id, account_id)


def content_path(row: AudioFile) -> Path:
    return storage.path_of(row.storage_name)


def _base_name(filename: str | None) -> str:
    """The client's file name without folders or control characters (it ends up in headers)."""
    printable = "".join(ch for ch in filename or "" if ch.isprintable())
    return printable.replace("\\", "/").rsplit("/", 1)[-1].strip()[-255:]


def _default_name(filename: str) -> str:
    return os.path.splitext(filename)[0].strip()[:200] or DEFAULT_NAME


def _check(staged: storage.Staged) -> tuple[str, float]:
    if staged.size == 0:
        raise FileRefused("The file is empty.")
    fmt = formats.detect_format(staged.head)
    if fmt is None:
        raise FileRefused("Upload a WAV, MP3, OGG or FLAC audio file.")
    try:
        return fmt, formats.duration_of(str(staged.path), fmt)
    except formats.UnreadableAudio as exc:
        raise FileRefused(str(exc)) from exc


def create_audio_file(account_id: int, data: dict[str, Any]) -> AudioFile:
    """Store the upload under the instance folder and record it; all or nothing."""
    upload = data["file"]
    filename = _base_name(upload.filename)
    try:
        staged = storage.stage(
            upload.stream, current_app.config["AUDIO_MAX_BYTES"], formats.HEADER_BYTES
        )
    except storage.TooLarge:
        raise too_large() from None
    try:
        fmt, duration = _check(staged)
        stored = storage.keep(staged, fmt)
    except BaseException:
        storage.discard(staged.path)
        raise
    row = AudioFile(
        account_id=account_id,
        name=(data.get("name") or "").strip() or _default_name(filename),
        original_filename=filename or f"audio.{fmt}",
        format=fmt,
        size_bytes=staged.size,
        duration_seconds=duration,
        storage_name=stored,
        sha256=staged.sha256,
    )
    try:
        db.session.add(row)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        storage.discard(storage.path_of(stored))
        raise
    return row


def update_audio_file(
    account_id: int, audio_id: int, data: dict[str, Any], expected_version: int | None
) -> AudioFile:
    row = get_owned(AudioFile, audio_id, account_id)
    check_version(row, expected_version)
    if "name" in data:
        row.name = data["name"].strip()
    db.session.commit()
    return row


def delete_audio_file(account_id: int, audio_id: int, expected_version: int | None) -> None:
    """Refused (409) while call.center settings announce it; the bytes go after the commit."""
    row = get_owned(AudioFile, audio_id, account_id)
    check_version(row, expected_version)
    refuse_if_used(
        account_id,
        or_(
            CallCenterSettings.announcement_internal_id == row.id,
            CallCenterSettings.announcement_external_id == row.id,
        ),
        f'The audio file "{row.name}"',
    )
    path = content_path(row)
    db.session.delete(row)
    db.session.commit()
    try:
        storage.discard(path)
    except OSError:
        log.warning("could not remove audio bytes %s", path.name)
