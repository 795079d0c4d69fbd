"""Recordings in the portal: list, read, play while held, retry a failed or dead delivery."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from workspace.contact_center.contacts.models import CallCenterSettings, ContactMethod
from workspace.contact_center.listing import contains, paged
from workspace.database import utcnow
from workspace.delivery import files
from workspace.delivery.events import send_recording_updated
from workspace.delivery.models import Recording
from workspace.delivery.present import LIST_OPTIONS, describe_recording
from workspace.errors import Conflict, NotFound, PreconditionFailed
from workspace.extensions import db
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

RETRYABLE = ("failed", "dead")


def list_recordings(
    account_id: int,
    *,
    page: int = 1,
    per_page: int = 50,
    q: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    query = scoped(Recording, account_id).order_by(Recording.started_at.desc(), Recording.id.desc())
    if status:
        query = query.where(Recording.status == status)
    match = contains(q, Recording.remote_number, Recording.local_number, Recording.file_name)
    if match is not None:
        query = query.where(match)
    rows, total = paged(query, page=page, per_page=per_page, options=LIST_OPTIONS)
    return {"items": [describe_recording(row) for row in rows], "total": total}


def get_recording(account_id: int, recording_id: int) -> Recording:
    return get_owned(Recording, recording_id, account_id)


def audio_path(row: Recording) -> Path:
    """The held file; 404 once it was removed after delivery."""
    path = files.path_of(row.account_id, row.storage_name) if row.storage_name else None
    if path is None or not path.is_file():
        raise NotFound("The recording's file is no longer held here: it was delivered.")
    return path


def _current_method_id(row: Recording) -> int | None:
    """The delivery method the contact's settings name now (for a job whose method is gone)."""
    if row.contact_id is None:
        return None
    return db.session.scalar(
        db.select(CallCenterSettings.delivery_method_id)
        .join(ContactMethod, ContactMethod.id == CallCenterSettings.contact_method_id)
        .where(
            ContactMethod.account_id == row.account_id,
            ContactMethod.contact_id == row.contact_id,
            ContactMethod.kind == "call_center",
        )
    )


def retry_recording(account_id: int, recording_id: int, expected_version: int | None) -> Recording:
    """Queue a failed or dead delivery again with a fresh count of attempts."""
    row = get_owned(Recording, recording_id, account_id)
    check_version(row, expected_version)
    if row.status not in RETRYABLE:
        raise Conflict(f"Only a failed or dead delivery can be retried; this one is {row.status}.")
    if row.storage_name is None:
        raise Conflict("The recording's file is no longer held here, so it cannot be sent again.")
    job = row.job
    if job.delivery_method_id is None:
        job.delivery_method_id = _current_method_id(row)
        if job.delivery_method_id is None:
            raise Conflict(
                "The contact has no delivery method for recordings: choose one in its "
                "call.center settings, then retry."
            )
    job.attempts = 0
    job.next_attempt_at = utcnow()
    job.locked_by = None
    job.locked_until = None
    row.status = "queued"
    try:
        db.session.commit()
    except StaleDataError:  # a worker took the job between our read and write
        db.session.rollback()
        raise PreconditionFailed("The delivery changed meanwhile. Reload and try again.") from None
    send_recording_updated(row.id)
    return row
