"""Storing a batch of call events: the writing half of workspace.calls.service.

A batch costs a fixed number of statements however many calls and events it holds: the stored
event ids, the calls it names (locked) and their stored events, the rows the summaries link to
(contacts, devices, revisions), then one INSERT of the new calls, one executemany of the
events and one of the summaries that changed. Rows are plain dicts and Core statements, not
ORM objects: the ORM's flush (an INSERT ... RETURNING per batch of events, an UPDATE per call)
was most of a batch's time (bench/call_ingest.py), and the log must keep up with 200 calls/s.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam

from workspace.bulk_insert import insert_returning_ids
from workspace.calls.fold import fold_call
from workspace.calls.models import Call, CallEvent
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.extensions import db
from workspace.objects.models import Revision
from workspace.tenancy import MAX_ID

Key = tuple[int, str]  # (account id, SIP Call-ID)
CALLS = Call.__table__
EVENTS = CallEvent.__table__


@dataclass
class StoredCall:
    """A touched call as this batch leaves it: its columns and every event it has."""

    values: dict[str, Any]  # the calls row: id, account_id, version, sip_call_id, summary
    events: list[Any]  # anything with the CallEvent attributes


def store_events(events: list[dict[str, Any]]) -> tuple[dict[str, int], list[StoredCall]]:
    """Add the events not stored yet and refold their calls; the caller commits.

    Returns the counts ({"accepted", "duplicates", "calls"}) and the calls touched.
    """
    ids = [str(e["id"]) for e in events]
    stored = set(db.session.scalars(db.select(EVENTS.c.event_id).where(EVENTS.c.event_id.in_(ids))))
    fresh: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    duplicates = 0
    for event in events:
        key = str(event["id"])
        if key in stored:
            duplicates += 1
            continue
        stored.add(key)
        fresh[(event["account"], event["call_id"])].append(event)
    accepted = sum(len(group) for group in fresh.values())
    counts = {"accepted": accepted, "duplicates": duplicates, "calls": len(fresh)}
    if not fresh:
        return counts, []
    calls = _lock_calls(list(fresh))
    history = _stored_events([row["id"] for row in calls.values()])
    new_rows = {key: [_event_row(key[0], e) for e in group] for key, group in fresh.items()}
    # Links for every event a refold reads: the stored ones of these calls too, or an answer
    # posted in an earlier batch would lose its contact and device at the next refold.
    links = _Links.load(
        [e for group in fresh.values() for e in group]
        + [_stored_event(row) for rows in history.values() for row in rows]
    )
    touched: dict[Key, StoredCall] = {}
    opened: list[Key] = []
    changed: list[dict[str, Any]] = []
    for key, rows in new_rows.items():
        account_id, call_id = key
        row = calls.get(key)
        past = history.get(row["id"], []) if row is not None else []
        timeline = [*past, *(_as_event(r) for r in rows)]
        summary = _summary(timeline, account_id, links)
        if row is None:
            values = {"account_id": account_id, "sip_call_id": call_id, "version": 1, **summary}
            opened.append(key)
        elif any(row[name] != value for name, value in summary.items()):
            values = {**row, **summary, "version": row["version"] + 1}
            changed.append(values)
        else:
            values = dict(row)
        touched[key] = StoredCall(values, timeline)
    _write(opened, touched, changed, new_rows)
    return counts, list(touched.values())


def _write(
    opened: list[Key],
    touched: dict[Key, StoredCall],
    changed: list[dict[str, Any]],
    new_rows: dict[Key, list[dict[str, Any]]],
) -> None:
    """The new calls (their ids come back), the events under their calls, the new summaries."""
    fresh_calls = [touched[key].values for key in opened]
    for values, call_pk in zip(fresh_calls, insert_returning_ids(CALLS, fresh_calls), strict=True):
        values["id"] = call_pk
    rows = []
    for key, group in new_rows.items():
        for row in group:
            row["call_pk"] = touched[key].values["id"]
            rows.append(row)
    db.session.execute(EVENTS.insert(), rows)
    if changed:
        # The version moves as the ORM's version counter did: only when the summary changed.
        # The rows are locked (PostgreSQL) or the database is (SQLite): no one moved it since.
        columns = [name for name in changed[0] if name not in ("id", "account_id", "sip_call_id")]
        stmt = (
            CALLS.update()
            .where(CALLS.c.id == bindparam("pk"))
            .values({name: bindparam(f"v_{name}") for name in columns})
        )
        db.session.execute(
            stmt, [{"pk": v["id"], **{f"v_{name}": v[name] for name in columns}} for v in changed]
        )


def _lock_calls(keys: list[Key]) -> dict[Key, dict[str, Any]]:
    """The calls already known, as rows, locked for this transaction (PostgreSQL)."""
    by_account: dict[int, list[str]] = defaultdict(list)
    for account_id, call_id in keys:
        by_account[account_id].append(call_id)
    found: dict[Key, dict[str, Any]] = {}
    for account_id, call_ids in by_account.items():
        rows = db.session.execute(
            db.select(CALLS)
            .where(CALLS.c.account_id == account_id, CALLS.c.sip_call_id.in_(call_ids))
            .with_for_update()
        ).mappings()
        found.update({(account_id, row["sip_call_id"]): dict(row) for row in rows})
    return found


def _stored_events(call_pks: list[int]) -> dict[int, list[Any]]:
    """call pk -> its stored events, in time order (ties: the order they were stored in)."""
    if not call_pks:
        return {}
    rows = db.session.execute(
        db.select(EVENTS)
        .where(EVENTS.c.call_pk.in_(call_pks))
        .order_by(EVENTS.c.call_pk, EVENTS.c.at, EVENTS.c.id)
    )
    found: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        found[row.call_pk].append(row)
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


def _stored_event(row: Any) -> dict[str, Any]:
    """The parts of a stored event that _Links looks up."""
    return {
        "account": row.account_id,
        "revision": row.revision_number,
        "member": {"contact": row.contact_id, "device": row.device_id},
    }


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _event_row(account_id: int, event: dict[str, Any]) -> dict[str, Any]:
    """The call_events row of an event (its call_pk is set once the call has an id)."""
    member = event.get("member") or {}
    return {
        "account_id": account_id,
        "event_id": str(event["id"]),
        "type": event["type"],
        "at": _at(event["at"]),
        "node": event.get("node"),
        "object_id": event.get("object"),
        "contact_id": member.get("contact"),
        "device_id": member.get("device"),
        "username": member.get("username"),
        "number": member.get("number"),
        "cause": event.get("cause"),
        "sip_code": event.get("sip_code"),
        "route": event.get("route") or "",
        "revision_number": event.get("revision"),
        "caller": event.get("caller"),
        "caller_name": event.get("caller_name"),
        "callee": event.get("callee") or "",
    }


def _as_event(row: dict[str, Any]) -> SimpleNamespace:
    """A new row with attribute access, as fold_call and describe_call read events."""
    return SimpleNamespace(**row)


def _summary(timeline: list[Any], account_id: int, links: _Links) -> dict[str, Any]:
    """The call's summary columns from all its events; links to other accounts' rows dropped."""
    summary = fold_call(timeline)
    summary["answered_contact_id"] = links.owned(
        links.contacts, summary["answered_contact_id"], account_id
    )
    summary["answered_device_id"] = links.owned(
        links.devices, summary["answered_device_id"], account_id
    )
    number = summary["revision_number"]
    summary["revision_id"] = links.revisions.get((account_id, number)) if number else None
    return summary
