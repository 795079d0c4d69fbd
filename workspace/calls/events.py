"""The call.updated event on /workspace, sent to the account's room after each commit.

Payload: ``{"call": {...}}``, the body of a row of GET /api/v1/calls (with ``path``, the
objects the call went through, for the canvas). Clients replace a cached row when the
version is newer. The SIP supervisor posts to one process; with REDIS_URL set the message
queue carries the event to the clients of every process.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.calls.ingest import StoredCall
from workspace.calls.present import describe_call
from workspace.calls.schemas import CallSchema
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)
EVENT = "call.updated"


def send_calls_updated(calls: list[StoredCall]) -> None:
    """Announce each call as the batch committed it; a failure here never undoes the batch.

    The bodies come from the rows the batch wrote (the ingestion has every column and event
    at hand), so only the names of who answered are read: reading the calls back with their
    events cost a batch about as much as storing it.
    """
    if not calls:
        return
    schema = CallSchema()
    try:
        contacts = _by_id(Contact, {c.values["answered_contact_id"] for c in calls})
        devices = _by_id(Device, {c.values["answered_device_id"] for c in calls})
        bodies = []
        for call in calls:
            row = SimpleNamespace(
                **call.values,
                events=call.events,
                answered_contact=contacts.get(call.values["answered_contact_id"]),
                answered_device=devices.get(call.values["answered_device_id"]),
            )
            bodies.append((row.account_id, {"call": schema.dump(describe_call(row))}))
        db.session.rollback()  # end the read before the (possibly slow) emits
        for account_id, body in bodies:
            socketio.emit(EVENT, body, namespace=NAMESPACE, to=account_room(account_id))
    except Exception:
        log.exception("call.updated for calls %s not sent", [c.values.get("id") for c in calls])
        db.session.rollback()


def _by_id(model: type, ids: set[int | None]) -> dict[int, object]:
    """The rows by id (the ingestion checked they are the call's account's)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {row.id: row for row in db.session.scalars(db.select(model).where(model.id.in_(wanted)))}
