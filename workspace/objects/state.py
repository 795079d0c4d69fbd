"""The per-account workspace state: the draft counter every edit bumps, read for re-syncs.

Every editing service calls ``bump_draft_version`` FIRST, before it reads what it checks:
the UPDATE row-locks the account's state row until the commit, so the edits of one account
run one after another. That makes check-then-write rules (a port's cable limit, duplicate
cables, the next free default name, tab positions) safe under concurrency, gives every change
a distinct draft version in commit order, and cannot deadlock (the state row is always the
first row an edit locks). A refused edit rolls back, bump included.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from workspace.extensions import db
from workspace.objects.models import WorkspaceState

__all__ = ["bump_draft_version", "read_state"]

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def _ensure_row(account_id: int) -> None:
    insert = _INSERT.get(db.session.get_bind().dialect.name)
    if insert is None:  # another backend: no race-free upsert, check first
        if db.session.get(WorkspaceState, account_id) is None:
            db.session.add(WorkspaceState(account_id=account_id, draft_version=0))
            db.session.flush()
        return
    db.session.execute(
        insert(WorkspaceState)
        .values(account_id=account_id, draft_version=0)
        .on_conflict_do_nothing(index_elements=["account_id"])
    )


def bump_draft_version(account_id: int) -> int:
    """Add one to the account's draft version (creating the row) and return the new value."""
    _ensure_row(account_id)
    table = WorkspaceState.__table__
    db.session.execute(
        update(table)
        .where(table.c.account_id == account_id)
        .values(draft_version=table.c.draft_version + 1)
    )
    return db.session.execute(
        db.select(table.c.draft_version).where(table.c.account_id == account_id)
    ).scalar_one()


def read_state(account_id: int) -> dict[str, Any]:
    """{"draft_version", "published_revision"}; an account that never edited has 0 and None."""
    table = WorkspaceState.__table__
    row = db.session.execute(
        db.select(table.c.draft_version, table.c.published_revision).where(
            table.c.account_id == account_id
        )
    ).first()
    if row is None:
        return {"draft_version": 0, "published_revision": None}
    return {"draft_version": row.draft_version, "published_revision": row.published_revision}
