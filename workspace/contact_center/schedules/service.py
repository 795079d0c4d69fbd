"""Schedules: create, change and delete an account's opening hours; refuse to delete one in use."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from workspace.auth.models import Account
from workspace.contact_center.listing import paged
from workspace.contact_center.schedules.models import Schedule
from workspace.contact_center.schedules.schemas import holidays_json
from workspace.contact_center.schedules.status import schedule_node, status_at
from workspace.errors import Conflict, FieldErrors, NotFound
from workspace.extensions import db
from workspace.signals import draft_facts_changed, users_of_rows
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

NAMED_IN_MESSAGE = 5


def present(account_id: int, row: Schedule, now: datetime | None = None) -> dict:
    """The row with what it says right now and which objects use it."""
    return {
        "id": row.id,
        "version": row.version,
        "name": row.name,
        "time_zone": row.time_zone,
        "intervals": row.intervals or [],
        "holidays": row.holidays or [],
        "status": status_at(schedule_node(row), now or datetime.now(UTC)),
        "used_by": users_of_rows(account_id, "schedules", [row.id]),
    }


def list_schedules(account_id: int, *, page: int = 1, per_page: int = 50, q=None) -> dict:
    query = scoped(Schedule, account_id).order_by(Schedule.name, Schedule.id)
    items, total = paged(query, page=page, per_page=per_page)
    return {"items": [present(account_id, row) for row in items], "total": total}


def get_schedule(account_id: int, schedule_id: int) -> Schedule:
    if not 0 < schedule_id < 2**31:
        raise NotFound(f"Schedule {schedule_id} not found.")
    return get_owned(Schedule, schedule_id, account_id)


def create_schedule(account_id: int, data: dict) -> Schedule:
    """A schedule left without a time zone keeps the account's (Settings -> Account)."""
    stored = _stored(data)
    if not stored.get("time_zone"):
        stored["time_zone"] = db.session.get(Account, account_id).time_zone
    row = Schedule(account_id=account_id, **stored)
    db.session.add(row)
    _commit(data["name"])
    draft_facts_changed.send(account_id, reason="schedule added")
    return row


def update_schedule(
    account_id: int, schedule_id: int, data: dict, expected: int | None
) -> Schedule:
    row = get_schedule(account_id, schedule_id)
    check_version(row, expected)
    for key, value in _stored(data).items():
        setattr(row, key, value)
    _commit(row.name)
    draft_facts_changed.send(account_id, reason="schedule changed")
    return row


def delete_schedule(account_id: int, schedule_id: int, expected: int | None) -> None:
    """409 naming the Time Routers that use it: they would lose their hours."""
    row = get_schedule(account_id, schedule_id)
    check_version(row, expected)
    users = users_of_rows(account_id, "schedules", [row.id])
    if users:
        names = ", ".join(u["name"] for u in users[:NAMED_IN_MESSAGE])
        if len(users) > NAMED_IN_MESSAGE:
            names += f" and {len(users) - NAMED_IN_MESSAGE} more"
        raise Conflict(
            f'Cannot delete the schedule "{row.name}": {names} use it. '
            "Pick another schedule there first.",
            {"used_by": users},
        )
    db.session.delete(row)
    db.session.commit()
    draft_facts_changed.send(account_id, reason="schedule deleted")


def _stored(data: dict) -> dict:
    stored = dict(data)
    if "holidays" in stored:
        stored["holidays"] = holidays_json(stored["holidays"])
    if "intervals" in stored:
        stored["intervals"] = [dict(i) for i in stored["intervals"]]
    return stored


def _commit(name: str) -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise FieldErrors({"name": f'A schedule called "{name}" exists already.'}) from None
