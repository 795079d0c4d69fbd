"""Storing the SIP server's call events, and reading the call log.

Ingestion is one transaction per batch: every event is checked first (an unknown account is
refused like a malformed field, naming the event's index), so a refused batch stores
nothing. Event ids are idempotency keys: replays are counted and skipped. Each call touched
is refolded from all its stored events, so the order events arrive in does not matter.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, or_
from sqlalchemy.exc import IntegrityError

from workspace.auth.models import Account
from workspace.calls.events import send_calls_updated
from workspace.calls.fold import fold_call
from workspace.calls.models import Call, CallEvent
from workspace.calls.present import LIST_OPTIONS, describe_call
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.contact_center.listing import contains, paged
from workspace.errors import ServiceError
from workspace.extensions import db
from workspace.objects.models import Revision
from workspace.tenancy import get_owned, scoped

ACTIVE_WINDOW = timedelta(hours=4)


def _check_accounts(events: list[dict[str, Any]]) -> None:
    wanted = {e["account"] for e in events}
    known = (
        set(db.session.scalars(db.select(Account.id).where(Account.id.in_(wanted))))
        if wanted
        else set()
    )
    errors = {
        i: {"account": [f"Account {e['account']} not found."]}
        for i, e in enumerate(events)
        if e["account"] not in known
    }
    if errors:
        first = next(iter(errors))
        raise ServiceError(
            f"events.{first}.account: Account {events[first]['account']} not found.",
            {"json": {"events": errors}},
        )


def ingest_events(events: list[dict[str, Any]]) -> dict[str, int]:
    """Store new events, refold their calls, commit, then announce the calls (call.updated)."""
    _check_accounts(events)
    try:
        result, touched = _store(events)
        db.session.commit()
    except IntegrityError:
        # Another batch stored some of these events (or opened the call) at the same moment:
        # once more, those now count as replays.
        db.session.rollback()
        result, touched = _store(events)
        db.session.commit()
    send_calls_updated(touched)
    return result


def _store(events: list[dict[str, Any]]) -> tuple[dict[str, int], list[int]]:
    ids = [str(e["id"]) for e in events]
    stored = set(
        db.session.scalars(db.select(CallEvent.event_id).where(CallEvent.event_id.in_(ids)))
    )
    fresh: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    duplicates = 0
    for event in events:
        key = str(event["id"])
        if key in stored:
            duplicates += 1
            continue
        stored.add(key)
        fresh[(event["account"], event["call_id"])].append(event)
    touched = []
    for (account_id, call_id), group in fresh.items():
        call = _call_for(account_id, call_id, group[0])
        for event in group:
            call.events.append(_event_row(account_id, event))
        _refold(call)
        db.session.flush()
        touched.append(call.id)
    accepted = sum(len(group) for group in fresh.values())
    return {"accepted": accepted, "duplicates": duplicates, "calls": len(touched)}, touched


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _call_for(account_id: int, call_id: str, first: dict[str, Any]) -> Call:
    call = db.session.scalar(
        scoped(Call, account_id).where(Call.sip_call_id == call_id).with_for_update()
    )
    if call is None:
        call = Call(
            account_id=account_id,
            sip_call_id=call_id,
            route=first["route"],
            started_at=_at(first["at"]),
        )
        db.session.add(call)
    return call


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
        route=event["route"],
        revision_number=event.get("revision"),
        caller=event.get("caller"),
        caller_name=event.get("caller_name"),
        callee=event.get("callee") or "",
    )


def _owned_id(model: type, obj_id: int | None, account_id: int) -> int | None:
    """The id when the account owns such a row (the link is kept), else None."""
    if obj_id is None or not 0 < obj_id <= 2**31 - 1:
        return None
    row = db.session.get(model, obj_id)
    return obj_id if row is not None and row.account_id == account_id else None


def _refold(call: Call) -> None:
    summary = fold_call(call.events)
    summary["answered_contact_id"] = _owned_id(
        Contact, summary["answered_contact_id"], call.account_id
    )
    summary["answered_device_id"] = _owned_id(
        Device, summary["answered_device_id"], call.account_id
    )
    number = summary["revision_number"]
    summary["revision_id"] = (
        db.session.scalar(
            scoped(Revision, call.account_id)
            .where(Revision.number == number)
            .with_only_columns(Revision.id)
        )
        if number is not None
        else None
    )
    for name, value in summary.items():
        if getattr(call, name) != value:
            setattr(call, name, value)


# --- reading ---------------------------------------------------------------------------------


def list_calls(
    account_id: int,
    *,
    page: int = 1,
    per_page: int = 50,
    q: str | None = None,
    number: str | None = None,
    contact: int | None = None,
    revision: int | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    active: bool = False,
) -> dict[str, Any]:
    query = scoped(Call, account_id).order_by(Call.started_at.desc(), Call.id.desc())
    match = contains(number or q, Call.caller, Call.callee, Call.route)
    if match is not None:
        query = query.where(match)
    if contact is not None:
        rung = exists().where(CallEvent.call_pk == Call.id, CallEvent.contact_id == contact)
        query = query.where(or_(Call.answered_contact_id == contact, rung))
    if revision is not None:
        query = query.where(Call.revision_number == revision)
    if active:
        # A call whose end was never reported must not stay "in progress" for ever.
        since = datetime.now(UTC) - ACTIVE_WINDOW
        query = query.where(Call.state != "ended", Call.started_at >= since)
    if date_from is not None:
        query = query.where(Call.started_at >= date_from)
    if date_to is not None:
        query = query.where(Call.started_at < date_to)
    rows, total = paged(query, page=page, per_page=per_page, options=LIST_OPTIONS)
    return {"items": [describe_call(row) for row in rows], "total": total}


def get_call(account_id: int, call_pk: int) -> dict[str, Any]:
    return describe_call(get_owned(Call, call_pk, account_id), with_events=True)


def calls_per_revision(account_id: int) -> dict[str, Any]:
    """How many calls each revision routed (revisions without calls are left out)."""
    rows = db.session.execute(
        db.select(Call.revision_number, func.count())
        .where(Call.account_id == account_id, Call.revision_number.is_not(None))
        .group_by(Call.revision_number)
        .order_by(Call.revision_number.desc())
    ).all()
    items = [{"revision": number, "calls": count} for number, count in rows]
    return {"items": items, "total": len(items)}
