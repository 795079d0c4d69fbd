"""Taking in the SIP server's call events, and reading the call log.

Ingestion is one transaction per batch: every event is checked first (an unknown account is
refused like a malformed field, naming the event's index), so a refused batch stores
nothing. Event ids are idempotency keys: replays are counted and skipped. Each call touched
is refolded from all its stored events, so the order events arrive in does not matter.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, or_
from sqlalchemy.exc import IntegrityError

from workspace.auth.models import Account
from workspace.calls.events import send_calls_updated
from workspace.calls.ingest import store_events
from workspace.calls.models import Call, CallEvent
from workspace.calls.present import LIST_OPTIONS, describe_call
from workspace.contact_center.listing import contains, paged
from workspace.errors import ServiceError
from workspace.extensions import db
from workspace.tenancy import get_owned, scoped

ACTIVE_WINDOW = timedelta(hours=4)
ATTEMPTS = 3


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
    for attempt in range(ATTEMPTS):
        try:
            result, touched = store_events(events)
            db.session.commit()
            break
        except IntegrityError:
            # Another batch stored some of these events (or opened the same call) at the same
            # moment: once more, and those now count as replays.
            db.session.rollback()
            if attempt == ATTEMPTS - 1:
                raise
    send_calls_updated(touched)
    return result


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
