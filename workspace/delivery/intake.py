"""Accepting a recording from a device: allowed by its contact's settings, stored, queued.

The live call.center settings of the device's contact decide: recording enabled, the
call's direction and scope both selected (or record-on-demand for an on-demand
recording), and a delivery method chosen. Anything else is a 403 and nothing is stored.

The check runs twice: once before the file is copied (a refused upload costs no disk),
and again in the transaction that inserts the Recording and its DeliveryJob, so settings
changed during a long upload still win. Between the two no transaction is open: on SQLite
every transaction holds the write lock, and copying 100 MB must not hold it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import current_app

from workspace.contact_center.audio import formats
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.delivery import files
from workspace.delivery.events import send_recording_updated
from workspace.delivery.final_names import final_file_name
from workspace.delivery.models import DeliveryJob, Recording
from workspace.errors import Forbidden, ServiceError
from workspace.extensions import db
from workspace.tenancy import resolve_id


@dataclass(frozen=True)
class Caller:
    """The uploading device, as plain values (no ORM row outlives its transaction here)."""

    device_id: int
    account_id: int
    contact_id: int


class FileRefused(ServiceError):
    """An upload refused for its content, named under the multipart location of `file`."""

    def __init__(self, message: str, status_code: int = 422) -> None:
        super().__init__(f"file: {message}", {"files": {"file": [message]}})
        self.status_code = status_code


def too_large() -> FileRefused:
    megabytes = current_app.config["RECORDING_MAX_BYTES"] / (1024 * 1024)
    return FileRefused(f"The recording is larger than the {megabytes:g} MB limit.", 413)


def _settings_of(caller: Caller) -> CallCenterSettings | None:
    return db.session.execute(
        db.select(CallCenterSettings)
        .join(ContactMethod, ContactMethod.id == CallCenterSettings.contact_method_id)
        .where(
            ContactMethod.account_id == caller.account_id,
            ContactMethod.contact_id == caller.contact_id,
            ContactMethod.kind == "call_center",
        )
    ).scalar_one_or_none()


def check_allowed(caller: Caller, meta: dict[str, Any]) -> int:
    """The delivery method id the recording goes to, or 403 saying what is off."""
    s = _settings_of(caller)
    if s is None or not s.recording_enabled:
        raise Forbidden("Call recording is off for this contact.")
    if meta.get("on_demand"):
        if not s.record_on_demand:
            raise Forbidden("Recording on demand is off for this contact.")
    else:
        direction_on = s.record_inbound if meta["direction"] == "inbound" else s.record_outbound
        scope_on = s.record_internal if meta["scope"] == "internal" else s.record_external
        if not (direction_on and scope_on):
            raise Forbidden(
                f"This contact's settings do not record {meta['direction']} {meta['scope']} calls."
            )
    if s.delivery_method_id is None:
        raise Forbidden("Recording has no delivery method: choose one in the call.center settings.")
    return s.delivery_method_id


def _stage(caller: Caller, upload) -> tuple[files.Staged, str, float]:
    try:
        staged = files.stage(
            upload.stream,
            caller.account_id,
            current_app.config["RECORDING_MAX_BYTES"],
            formats.HEADER_BYTES,
        )
    except files.TooLarge:
        raise too_large() from None
    try:
        if staged.size == 0:
            raise FileRefused("The file is empty.")
        fmt = formats.detect_format(staged.head)
        if fmt is None:
            raise FileRefused("Upload a WAV, MP3, OGG or FLAC audio file.")
        try:
            duration = formats.duration_of(str(staged.path), fmt)
        except formats.UnreadableAudio as exc:
            raise FileRefused(str(exc)) from exc
    except BaseException:
        files.discard(staged.path)
        raise
    return staged, fmt, duration


def accept_recording(caller: Caller, meta: dict[str, Any], upload) -> Recording:
    """Store the file and queue its delivery, all or nothing; returns the new Recording."""
    check_allowed(caller, meta)
    remote_contact = resolve_id(Contact, meta.get("contact"), caller.account_id, field="contact")
    remote_contact_id = remote_contact.id if remote_contact else None
    db.session.rollback()  # no transaction (SQLite: no write lock) while the file is copied

    staged, fmt, measured = _stage(caller, upload)
    stored: str | None = None
    try:
        stored = files.keep(staged, caller.account_id, fmt)
        method_id = check_allowed(caller, meta)  # again, in the inserting transaction
        method = db.session.get(DeliveryMethod, method_id)
        row = Recording(
            account_id=caller.account_id,
            device_id=caller.device_id,
            contact_id=caller.contact_id,
            remote_contact_id=remote_contact_id,
            direction=meta["direction"],
            scope=meta["scope"],
            on_demand=bool(meta.get("on_demand")),
            remote_number=meta["remote_number"],
            local_number=meta.get("local_number"),
            started_at=meta["started_at"],
            duration_s=meta["duration_s"] if meta.get("duration_s") is not None else measured,
            storage_name=stored,
            size_bytes=staged.size,
            sha256=staged.sha256,
            content_type=formats.MIME_TYPES[fmt],
            status="queued",
        )
        owner = db.session.get(Contact, caller.contact_id)
        row.file_name = final_file_name(row, method, fmt, owner.full_name if owner else "")
        row.job = DeliveryJob(
            delivery_method_id=method_id, attempts=0, next_attempt_at=datetime.now(UTC)
        )
        db.session.add(row)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        files.discard(files.path_of(caller.account_id, stored) if stored else staged.path)
        raise
    send_recording_updated(row.id)
    return row
