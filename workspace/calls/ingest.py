"""Storing a batch of call events: the writing half of workspace.calls.service.

A batch costs a fixed number of queries however many calls it touches: the stored event ids,
the calls (with their events) per account, and the rows the summaries link to (contacts,
devices, revisions) are each read once; the new rows go in with one flush.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import selectinload

from workspace.calls.fold import fold_call
from workspace.calls.models import Call, CallEvent
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.extensions import db
from workspace.objects.models import Revision
from workspace.tenancy import MAX_ID

Key = tuple[int, str]  # (account id, SIP Call-ID)


def store_events(events: list[dict[str, Any]]) -> tuple[dict[str, int], list[int]]:
    """Add the events not stored yet and refold their calls; the caller commits.

    Returns the counts ({"accepted", "duplicates", "calls"}) and the ids of the calls touched.
    """
    ids = [str(e["id"]) for e in events]
    stored = set(
        db.session.scalars(db.select(CallEvent.event_id).where(CallEvent.event_id.in_(ids)))
    )
    fresh: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    duplicates = 0
    for event in events:
        key = str(event["id"])
        if key in stored:
            duplicates += 1
            continue
        stored.add(key)
        fresh[(event["account"], event["call_id"])].append(event)
    calls = _load_calls(list(fresh))
    # Links for every event a refold reads: the stored ones of these calls too, or an answer
    # posted in an earlier batch would lose its contact and device at the next refold.
    links = _Links.load(
        [e for group in fresh.values() for e in group]
        + [_stored_event(row) for call in calls.values() for row in call.events]
    )
    touched: list[Call] = []
    for (account_id, call_id), group in fresh.items():
        call = calls.get((account_id, call_id))
        if call is None:
            call = Call(account_id=account_id, sip_call_id=call_id, route="")
            db.session.add(call)
        for event in group:
            call.events.append(_event_row(account_id, event))
        _refold(call, links)
        touched.append(call)
    db.session.flush()
    accepted = sum(len(group) for group in fresh.values())
    counts = {"accepted": accepted, "duplicates": duplicates, "calls": len(touched)}
    return counts, [call.id for call in touched]


def _load_calls(keys: list[Key]) -> dict[Key, Call]:
    """The calls already known, locked for this transaction (PostgreSQL), events loaded."""
    by_account: dict[int, list[str]] = defaultdict(list)
    for account_id, call_id in keys:
        by_account[account_id].append(call_id)
    found: dict[Key, Call] = {}
    for account_id, call_ids in by_account.items():
        rows = db.session.scalars(
            db.select(Call)
            .where(Call.account_id == account_id, Call.sip_call_id.in_(call_ids))
            .options(selectinload(Call.events))
            .with_for_update()
        )
        found.update({(account_id, row.sip_call_id): row for row in rows})
    return found


@dataclass
class _Links:
    """Which contacts, devices and revisions of the batch exist, and in which account."""

    contacts: dict[int, int]  # id -> account id
    devices: dict[int, int]
    revisions: dict[tuple[int, int], int]  # (account id, number) -> revision id

    @classmethod
    def load(cls, events: list[dict[str, Any]]) -> _Links:
        members = [e["member"] for e in events if e.get("member")]
        return cls(
            contacts=_owners(Contact, {m.get("contact") for m in members}),
            devices=_owners(Device, {m.get("device") for m in members}),
            revisions=_revisions(events),
        )

    def owned(self, table: dict[int, int], obj_id: int | None, account_id: int) -> int | None:
        return obj_id if obj_id is not None and table.get(obj_id) == account_id else None


def _owners(model: type, ids: set[int | None]) -> dict[int, int]:
    wanted = {i for i in ids if i is not None and 0 < i <= MAX_ID}
    if not wanted:
        return {}
    rows = db.session.execute(db.select(model.id, model.account_id).where(model.id.in_(wanted)))
    return {obj_id: account_id for obj_id, account_id in rows}


def _revisions(events: list[dict[str, Any]]) -> dict[tuple[int, int], int]:
    accounts = {e["account"] for e in events if e.get("revision") is not None}
    numbers = {e["revision"] for e in events if e.get("revision") is not None}
    if not accounts:
        return {}
    rows = db.session.execute(
        db.select(Revision.account_id, Revision.number, Revision.id).where(
            Revision.account_id.in_(accounts), Revision.number.in_(numbers)
        )
    )
    return {(account_id, number): rev_id for account_id, number, rev_id in rows}


def _stored_event(row: CallEvent) -> dict[str, Any]:
    """The parts of a stored event that _Links looks up."""
    return {
        "account": row.account_id,
        "revision": row.revision_number,
        "member": {"contact": row.contact_id, "device": row.device_id},
    }


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _event_row(account_id: int, event: dict[str, Any]) -> CallEvent:
    member = event.get("member") or {}
    return CallEvent(
        account_id=account_id,
        event_id=str(event["id"]),
        type=event["type"],
        at=_at(event["at"]),
        node=event.get("node"),
        object_id=event.get("object"),
        contact_id=member.get("contact"),
        device_id=member.get("device"),
        username=member.get("username"),
        number=member.get("number"),
        cause=event.get("cause"),
        sip_code=event.get("sip_code"),
        route=event.get("route") or "",
        revision_number=event.get("revision"),
        caller=event.get("caller"),
        caller_name=event.get("caller_name"),
        callee=event.get("callee") or "",
    )


def _refold(call: Call, links: _Links) -> None:
    summary = fold_call(call.events)
    account_id = call.account_id
    summary["answered_contact_id"] = links.owned(
        links.contacts, summary["answered_contact_id"], account_id
    )
    summary["answered_device_id"] = links.owned(
        links.devices, summary["answered_device_id"], account_id
    )
    number = summary["revision_number"]
    summary["revision_id"] = links.revisions.get((account_id, number)) if number else None
    for name, value in summary.items():
        if getattr(call, name) != value:
            setattr(call, name, value)
