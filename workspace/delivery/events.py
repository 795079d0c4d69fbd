"""The recording.updated event on /workspace, sent to the account's room after each commit.

Payload: ``{"recording": {...}}``, the same body GET /api/v1/recordings/{id} returns, so
a client replaces its row when the version is newer. The worker may run in a process
without clients: with REDIS_URL set the message queue carries the event to them.
"""

from __future__ import annotations

import logging

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.delivery.models import Recording
from workspace.delivery.present import describe_recording
from workspace.delivery.schemas import CallRecordingSchema
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)
EVENT = "recording.updated"
_schema = CallRecordingSchema()


def send_recording_updated(recording_id: int) -> None:
    """Announce the committed state of one recording; a failure here never undoes it."""
    try:
        row = db.session.get(Recording, recording_id, populate_existing=True)
        if row is not None:
            body = {"recording": _schema.dump(describe_recording(row))}
            account_id = row.account_id
            db.session.rollback()  # end the read before the (possibly slow) emit
            socketio.emit(EVENT, body, namespace=NAMESPACE, to=account_room(account_id))
    except Exception:
        log.exception("recording.updated for recording %s not sent", recording_id)
        db.session.rollback()
