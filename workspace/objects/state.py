"""The per-account workspace state: the draft counter every edit bumps, read for re-syncs.

Every editing service calls ``bump_draft_version`` FIRST, before it reads what it checks:
the UPDATE row-locks the account's state row until the commit, so the edits of one account
run one after another. That makes check-then-write rules (a port's cable limit, duplicate
cables, the next free default name, tab positions) safe under concurrency, gives every change
a distinct draft version in commit order, and cannot deadlock (the state row is always the
first row an edit locks). A refused edit rolls back, bump included.

A publish relies on it: at the draft version its revision was compiled from, the draft is
that revision's, so an unchanged publish need not read it. So that no write can slip past,
a transaction that writes a tab, object or cable through the ORM and commits without having
bumped its account's version gets the bump at commit (a test's factory, a future service
that forgot). Services still bump first, for the lock; bulk writes past the ORM (an import,
a rollback's restore) bump themselves.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from workspace.database import UPSERT_INSERTS, forget_at_transaction_end
from workspace.extensions import db
from workspace.objects.models import Cable, Tab, WorkspaceObject, WorkspaceState

__all__ = ["BUMPED", "DRAFT_ROWS", "bump_draft_version", "read_stamp", "read_state"]


def _ensure_row(session: Session, account_id: int) -> None:
    insert = UPSERT_INSERTS.get(session.get_bind().dialect.name)
    if insert is None:  # another backend: no race-free upsert, check first
        if session.get(WorkspaceState, account_id) is None:
            session.add(WorkspaceState(account_id=account_id, draft_version=0))
            session.flush()
        return
    session.execute(
        insert(WorkspaceState)
        .values(account_id=account_id, draft_version=0)
        .on_conflict_do_nothing(index_elements=["account_id"])
    )


def bump_draft_version(account_id: int) -> int:
    """Add one to the account's draft version (creating the row) and return the new value."""
    session = db.session()
    _ensure_row(session, account_id)
    _bump(session, account_id)
    table = WorkspaceState.__table__
    return session.execute(
        db.select(table.c.draft_version).where(table.c.account_id == account_id)
    ).scalar_one()


def read_stamp(
    account_id: int, counter: str, *, session: Session | None = None
) -> tuple[int, Any] | None:
    """(the account's ``counter`` column of workspace_state, the account's creation time),
    None without a state row: what a per-process cache keeps its entries under. The counter
    alone could meet an old entry again when an account is deleted and its id given out anew
    (SQLite reuses the highest id; the demo reset deletes its account and builds it again),
    and the new account's counter climbs the same way. ``session``: a session hook's own."""
    table = WorkspaceState.__table__
    accounts = db.metadata.tables["accounts"]
    row = (
        (session or db.session)
        .execute(
            db.select(table.c[counter], accounts.c.created_at)
            .join(accounts, accounts.c.id == table.c.account_id)
            .where(table.c.account_id == account_id)
        )
        .first()
    )
    return None if row is None else (row[0], row[1])


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


# session.info keys: accounts whose version this transaction bumped, and accounts whose draft
# rows it wrote through the ORM.
BUMPED = "draft_version_bumped"
_WRITTEN = "draft_rows_written"
DRAFT_ROWS = (Tab, WorkspaceObject, Cable)


@event.listens_for(Session, "after_flush")
def _note_draft_writes(session: Session, flush_context: object) -> None:
    for row in chain(session.new, session.dirty, session.deleted):
        if isinstance(row, DRAFT_ROWS) and row.account_id is not None:
            session.info.setdefault(_WRITTEN, set()).add(row.account_id)


@event.listens_for(Session, "before_commit")
def _bump_unbumped(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released: the real commit checks
    session.flush()  # what is still pending counts too
    missed = session.info.get(_WRITTEN, set()) - session.info.get(BUMPED, set())
    for account_id in sorted(missed):
        _bump(session, account_id)


def _bump(session: Session, account_id: int) -> None:
    """The UPDATE alone: an account without a state row has never published, so there is no
    revision to tell apart (and one being deleted has lost its row already)."""
    table = WorkspaceState.__table__
    session.execute(
        update(table)
        .where(table.c.account_id == account_id)
        .values(draft_version=table.c.draft_version + 1)
    )
    session.info.setdefault(BUMPED, set()).add(account_id)


forget_at_transaction_end(BUMPED, _WRITTEN)
