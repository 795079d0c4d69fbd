"""Retention: files of delivered recordings stay RECORDING_RETENTION_SECONDS, then go.

With a retention of 0 the worker removes a file as soon as its delivery is recorded and
this sweep has nothing to do. The row is updated first and the file removed after the
commit, so a crash in between leaves an orphan file, never a row pointing at nothing.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import update

from workspace.database import utcnow
from workspace.delivery import files
from workspace.delivery.events import send_recording_updated
from workspace.delivery.models import DeliveryJob, Recording
from workspace.extensions import db

BATCH = 500


def sweep_delivered_files() -> int:
    """Remove files of recordings delivered longer ago than the retention time."""
    retention = current_app.config["RECORDING_RETENTION_SECONDS"]
    if retention <= 0:
        return 0
    cutoff = utcnow() - timedelta(seconds=retention)
    rows = db.session.execute(
        db.select(Recording.id, Recording.account_id, Recording.storage_name)
        .join(DeliveryJob, DeliveryJob.recording_id == Recording.id)
        .where(
            Recording.status == "delivered",
            Recording.storage_name.is_not(None),
            DeliveryJob.delivered_at < cutoff,
        )
        .limit(BATCH)
    ).all()
    if not rows:
        db.session.rollback()
        return 0
    ids = [row_id for row_id, _, _ in rows]
    db.session.execute(
        update(Recording)
        .where(Recording.id.in_(ids), Recording.status == "delivered")
        .values(storage_name=None, version=Recording.version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    for _, account_id, name in rows:
        files.remove_quietly(files.path_of(account_id, name))
    for row_id in ids:
        send_recording_updated(row_id)
    return len(rows)
