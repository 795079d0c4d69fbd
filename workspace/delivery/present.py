"""A recording as the portal and the recording.updated event show it (no secrets in it)."""

from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy.orm import selectinload

from workspace.delivery.models import DeliveryJob, Recording

# Loaded with a page of recordings, so a list costs a fixed number of queries.
LIST_OPTIONS = (
    selectinload(Recording.job).selectinload(DeliveryJob.delivery_method),
    selectinload(Recording.device),
    selectinload(Recording.contact),
    selectinload(Recording.remote_contact),
)


def _ref(row, name: str) -> dict[str, Any] | None:
    return None if row is None else {"id": row.id, "name": name}


def describe_recording(row: Recording) -> dict[str, Any]:
    job = row.job
    method = job.delivery_method
    return {
        "id": row.id,
        "version": row.version,
        "status": row.status,
        "direction": row.direction,
        "scope": row.scope,
        "on_demand": row.on_demand,
        "remote_number": row.remote_number,
        "local_number": row.local_number,
        "started_at": row.started_at,
        "duration_s": row.duration_s,
        "size_bytes": row.size_bytes,
        "content_type": row.content_type,
        "file_name": row.file_name,
        "created_at": row.created_at,
        "device": _ref(row.device, row.device.name if row.device else ""),
        "contact": _ref(row.contact, row.contact.full_name if row.contact else ""),
        "remote_contact": _ref(
            row.remote_contact, row.remote_contact.full_name if row.remote_contact else ""
        ),
        "delivery": {
            "method": None
            if method is None
            else {"id": method.id, "name": method.name, "type": method.type},
            "attempts": job.attempts,
            "max_attempts": current_app.config["DELIVERY_MAX_ATTEMPTS"],
            "next_attempt_at": job.next_attempt_at,
            "last_error": job.last_error,
            "last_error_kind": job.last_error_kind,
            "delivered_at": job.delivered_at,
            "remote_location": job.remote_location,
        },
        "audio_url": f"/api/v1/recordings/{row.id}/audio" if row.storage_name else None,
    }
