"""The demo's call log: a few calls the demo flow routed, so the Calls page is a tour.

They go in the way the SIP server's calls do, as events through the call log's ingestion
(workspace.calls.service), naming the demo's real objects, contacts and devices: an
answered call, a call nobody answered (it went on to the on-call mobile), a caller who hung
up while it rang, and an internal call, all routed by the published revision (2).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from workspace.auth.models import Account
from workspace.calls.service import ingest_events
from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.devices.models import Device
from workspace.contact_center.providers.models import SipAccount
from workspace.database import utcnow
from workspace.extensions import db
from workspace.objects.models import WorkspaceObject


def _objects(account_id: int) -> dict[str, WorkspaceObject]:
    rows = db.session.scalars(
        db.select(WorkspaceObject).where(WorkspaceObject.account_id == account_id)
    )
    return {row.name: row for row in rows}


def _member(account_id: int, person: WorkspaceObject) -> dict[str, Any]:
    method = db.session.get(ContactMethod, person.properties["contact_method"])
    device = db.session.scalar(
        db.select(Device)
        .where(Device.account_id == account_id, Device.contact_id == method.contact_id)
        .order_by(Device.id)
    )
    line = (
        db.session.get(SipAccount, device.sip_account_ids[0])
        if device and device.sip_links
        else None
    )
    username = line.username if line else None
    return {
        "contact": method.contact_id,
        "device": device.id if device else None,
        "username": username,
        "number": None,
    }


class _Call:
    """The events of one demo call, `at` seconds after it started."""

    def __init__(self, account_id: int, revision: int, route: str, started, caller, name=None):
        self.base = {
            "call_id": f"demo-{uuid.uuid4().hex}@sip.callflow.local",
            "account": account_id,
            "revision": revision,
            "route": route,
            "caller": caller,
            "caller_name": name,
            "callee": route,
        }
        self.start = started.timestamp()
        self.events: list[dict[str, Any]] = []
        self.add("start", 0)

    def add(self, type_: str, at: float, **fields: Any) -> _Call:
        self.events.append(
            {"id": str(uuid.uuid4()), **self.base, "type": type_, "at": self.start + at, **fields}
        )
        return self

    def path(self, at: float, *objects: WorkspaceObject) -> _Call:
        for i, obj in enumerate(objects):
            self.add("node", at + i * 0.01, node=f"n{obj.id}", object=obj.id)
        return self


def build_calls(account: Account) -> None:
    aid = account.id
    objects = _objects(aid)
    entry, group = objects["Main line"], objects["Sales & Support"]
    people = sorted((o for o in objects.values() if o.type == "contact_method"), key=lambda o: o.y)
    members = [_member(aid, p) for p in people]
    forward = objects["On-call mobile"]
    ext = next(o for o in objects.values() if o.type == "internal_number")
    now = utcnow().replace(second=0, microsecond=0)
    calls = []

    # The published revision rings the team one after the other: Mike answered first.
    answered = _Call(
        aid, 2, "+14155550100", now - timedelta(hours=3, minutes=25), "+12125550111", "Ann Caller"
    )
    answered.path(0.05, entry, group).add("ringing", 0.2, member=members[0])
    answered.add("answered", 6.4, member=members[0]).add(
        "ended", 198.0, cause="answered", sip_code=200
    )
    calls.append(answered)

    # Nobody in the team picked up, nor the on-call mobile after them.
    missed = _Call(
        aid,
        2,
        "+14155550100",
        now - timedelta(hours=2, minutes=50),
        "+13105550142",
        "Bay Logistics",
    )
    missed.path(0.05, entry, group)
    for i, member in enumerate(members):
        missed.add("ringing", 0.2 + i * 15, member=member)
    missed.path(45.3, forward).add(
        "ringing",
        45.4,
        member={"contact": None, "device": None, "username": None, "number": "+14155550177"},
    )
    missed.add("ended", 75.4, cause="no_answer", sip_code=480)
    calls.append(missed)

    # An anonymous caller hung up while the first member rang.
    cancelled = _Call(aid, 2, "+14155550100", now - timedelta(hours=2, minutes=12), None)
    cancelled.path(0.05, entry, group).add("ringing", 0.2, member=members[0])
    cancelled.add("ended", 8.7, cause="caller_cancel", sip_code=487)
    calls.append(cancelled)

    # A colleague dialled an extension.
    internal = _Call(
        aid, 2, f"ext:{_ext_number(ext)}", now - timedelta(minutes=40), "102", "Sarah Lee"
    )
    internal.path(0.02, ext, people[0]).add("ringing", 0.1, member=members[0])
    internal.add("answered", 3.2, member=members[0]).add(
        "ended", 71.0, cause="answered", sip_code=200
    )
    calls.append(internal)

    ingest_events([event for call in calls for event in call.events])


def _ext_number(ext: WorkspaceObject) -> str:
    from workspace.contact_center.numbers.models import InternalNumber

    row = db.session.get(InternalNumber, ext.properties["number"])
    return row.number if row else ext.name.removeprefix("Ext ")
