"""Scoping every query and every referenced id to the caller's account.

Services never query a tenant-owned table without going through these helpers, so an id
of another account behaves exactly like an id that does not exist: 404.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import Select

from workspace.errors import NotFound
from workspace.extensions import db

M = TypeVar("M")


def _label(model: type) -> str:
    return getattr(model, "__label__", model.__name__)


def scoped(model: type[M], account_id: int) -> Select[tuple[M]]:
    """SELECT model WHERE account_id = ... ; add filters and ordering to it."""
    return db.select(model).where(model.account_id == account_id)  # type: ignore[attr-defined]


# Ids are 32-bit integers in every table; a larger number in a URL is simply not found
# (PostgreSQL and SQLite would otherwise fail on the out-of-range literal: a 500).
MAX_ID = 2**31 - 1


def get_owned(model: type[M], obj_id: int, account_id: int) -> M:
    row = db.session.get(model, obj_id) if 0 < obj_id <= MAX_ID else None
    if row is None or row.account_id != account_id:  # type: ignore[attr-defined]
        raise NotFound(f"{_label(model)} {obj_id} not found.")
    return row


def resolve_ids(model: type[M], ids: Iterable[int], account_id: int, *, field: str) -> list[M]:
    """Load referenced rows in order; an id outside the account is a 404 naming the field."""
    wanted = list(ids)
    if not wanted:
        return []
    in_range = {i for i in wanted if isinstance(i, int) and 0 < i <= MAX_ID}
    rows = db.session.execute(
        scoped(model, account_id).where(model.id.in_(in_range))  # type: ignore[attr-defined]
    ).scalars()
    by_id = {row.id: row for row in rows}  # type: ignore[attr-defined]
    missing = [i for i in wanted if i not in by_id]
    if missing:
        message = f"{_label(model)} {missing[0]} not found."
        raise NotFound(message, {"json": {field: [message]}})
    return [by_id[i] for i in wanted]


def resolve_id(model: type[M], obj_id: int | None, account_id: int, *, field: str) -> M | None:
    if obj_id is None:
        return None
    return resolve_ids(model, [obj_id], account_id, field=field)[0]
