"""The call.updated event on /workspace, sent to the account's room after each commit.

Payload: ``{"call": {...}}``, the body of a row of GET /api/v1/calls (with ``path``, the
objects the call went through, for the canvas). Clients replace a cached row when the
version is newer. The SIP supervisor posts to one process; with REDIS_URL set the message
queue carries the event to the clients of every process.
"""

from __future__ import annotations

import logging

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.calls.models import Call
from workspace.calls.present import LIST_OPTIONS, describe_call
from workspace.calls.schemas import CallSchema
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)
EVENT = "call.updated"


def send_calls_updated(call_ids: list[int]) -> None:
    """Announce the committed state of each call; a failure here never undoes the batch."""
    if not call_ids:
        return
    schema = CallSchema()
    try:
        rows = db.session.scalars(
            db.select(Call).where(Call.id.in_(call_ids)).options(*LIST_OPTIONS)
        ).all()
        bodies = [(row.account_id, {"call": schema.dump(describe_call(row))}) for row in rows]
        db.session.rollback()  # end the read before the (possibly slow) emits
        for account_id, body in bodies:
            socketio.emit(EVENT, body, namespace=NAMESPACE, to=account_room(account_id))
    except Exception:
        log.exception("call.updated for calls %s not sent", call_ids)
        db.session.rollback()
