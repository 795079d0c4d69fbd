"""A call as the Calls page and the call.updated event show it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import selectinload

from workspace.calls.fold import ordered
from workspace.calls.models import Call, CallEvent
from workspace.contact_center.contacts.models import Contact
from workspace.extensions import db
from workspace.objects.models import WorkspaceObject

# Loaded with a page of calls, so a list costs a fixed number of queries.
LIST_OPTIONS = (
    selectinload(Call.events),
    selectinload(Call.answered_contact),
    selectinload(Call.answered_device),
)


def _ref(row, name: str) -> dict[str, Any] | None:
    return None if row is None else {"id": row.id, "name": name}


def _answered_by(call: Call) -> dict[str, Any] | None:
    if call.answered_at is None:
        return None
    contact, device = call.answered_contact, call.answered_device
    return {
        "contact": _ref(contact, contact.full_name) if contact else None,
        "device": _ref(device, device.name) if device else None,
        "username": call.answered_username,
        "number": call.answered_number,
    }


def _path(events: list[CallEvent]) -> list[int]:
    path: list[int] = []
    for event in events:
        if event.type == "node" and event.object_id is not None and event.object_id not in path:
            path.append(event.object_id)
    return path


def _contact_names(call: Call, events: list[CallEvent]) -> dict[int, str]:
    ids = {e.contact_id for e in events if e.contact_id is not None}
    if not ids:
        return {}
    rows = db.session.scalars(
        db.select(Contact).where(Contact.account_id == call.account_id, Contact.id.in_(ids))
    )
    return {row.id: row.full_name for row in rows}


def _object_names(call: Call, events: list[CallEvent]) -> dict[int, str]:
    """Names of the objects the call went through, as they are now (a deleted one has none)."""
    ids = {e.object_id for e in events if e.object_id is not None and 0 < e.object_id < 2**31}
    if not ids:
        return {}
    rows = db.session.execute(
        db.select(WorkspaceObject.id, WorkspaceObject.name).where(
            WorkspaceObject.account_id == call.account_id, WorkspaceObject.id.in_(ids)
        )
    )
    return {obj_id: name for obj_id, name in rows}


def _event(event: CallEvent, names: dict[int, str], objects: dict[int, str]) -> dict[str, Any]:
    has_member = any(
        v is not None for v in (event.contact_id, event.device_id, event.username, event.number)
    )
    contact = None
    if event.contact_id in names:
        contact = {"id": event.contact_id, "name": names[event.contact_id]}
    return {
        "type": event.type,
        "at": event.at,
        "node": event.node,
        "object_id": event.object_id,
        "object_name": objects.get(event.object_id) if event.object_id is not None else None,
        "member": (
            {"contact": contact, "device": None, "username": event.username, "number": event.number}
            if has_member
            else None
        ),
        "cause": event.cause,
        "sip_code": event.sip_code,
    }


def describe_call(call: Call, *, with_events: bool = False) -> dict[str, Any]:
    events = ordered(list(call.events))
    body: dict[str, Any] = {
        "id": call.id,
        "version": call.version,
        "call_id": call.sip_call_id,
        "state": call.state,
        "route": call.route,
        "revision": call.revision_number,
        "caller": call.caller,
        "caller_name": call.caller_name,
        "callee": call.callee,
        "started_at": call.started_at,
        "answered_at": call.answered_at,
        "ended_at": call.ended_at,
        "answered_by": _answered_by(call),
        "ring_s": call.ring_s,
        "talk_s": call.talk_s,
        "cause": call.cause,
        "sip_code": call.sip_code,
        "path": _path(events),
    }
    if with_events:
        names, objects = _contact_names(call, events), _object_names(call, events)
        body["events"] = [_event(e, names, objects) for e in events]
    return body
