"""The draft journal: which tabs, objects and cables each committed draft version changed.

A process that keeps an account's built draft (workspace.objects.draft_cache) brings it from
version v to v + k by reading again only the rows that versions v + 1 .. v + k changed, instead
of the whole draft. This module records those rows, as the facts version's hooks do
(workspace.objects.facts_state), so that no service has to remember it:

* after_flush: the ids of the tabs, objects and cables the ORM inserted, changed or deleted;
* do_orm_execute: a statement on those tables whose WHERE names its rows (``id = x``,
  ``id IN (...)``: a move, an object's deletion) adds them; any other (an import's INSERTs, a
  whole-draft DELETE, a bulk UPDATE by parameter) makes the transaction's change unknown;
* before_commit, after the draft version's safety net (workspace.objects.state) has bumped:
  the version the account commits at, and the entry goes into the ``draft_changes`` table in
  the same transaction. A rolled-back transaction records nothing.

The journal is in the database, not in a process, so that a server process brings its kept
draft forward from versions another process committed (several gunicorn workers, or two
servers behind one balancer). An entry costs one small INSERT per committed edit; the last
``KEEP_VERSIONS`` per account are kept (older ones are pruned every ``PRUNE_EVERY`` versions)
and the rows go with the account, so an account id given out again starts anew.

Entries are kept only when they can be trusted whole: a transaction whose change is unknown,
or whose version moved in more than one account, records none. A version with no entry (made
by a bulk write, or older than the kept ones) is a gap, and the cache then
reads the whole draft: the journal is a shortcut, never the truth. Ids of rows are unique
across accounts, so an id listed too many is read again and harms nothing.

Writes past the session (raw SQL on a connection, a COPY) are not seen: the one service that
makes them (draft_restore's bulk writer, by COPY on PostgreSQL) calls ``note_unseen_write``.
The cache also compares its row counts with the database's after each update, which catches
an unseen insert or delete, not an unseen update.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

import workspace.objects.state as draft_state  # its before_commit bump must run before ours
from workspace.database import UPSERT_INSERTS, forget_at_transaction_end, ids_in_where
from workspace.extensions import db
from workspace.objects.models import Cable, DraftChange, Tab, WorkspaceObject

__all__ = [
    "Change",
    "changes_between",
    "has_uncommitted_draft",
    "note_unseen_write",
]

_KINDS: dict[str, str] = {
    Tab.__table__.name: "tabs",
    WorkspaceObject.__table__.name: "objects",
    Cable.__table__.name: "cables",
}
_IDS = "draft_journal_ids"  # session.info: {"tabs"|"objects"|"cables": set of ids}
_UNKNOWN = "draft_journal_unknown"  # session.info: True when some write's rows can't be told
#: Versions kept per account: an older one is a gap (the cache reads the whole draft).
KEEP_VERSIONS = 256
#: Entries older than KEEP_VERSIONS are deleted when a version is a multiple of this.
PRUNE_EVERY = 64
_CHANGE = DraftChange.__table__


@dataclass(frozen=True)
class Change:
    """The rows one committed draft version changed (created, edited or deleted)."""

    tabs: frozenset[int]
    objects: frozenset[int]
    cables: frozenset[int]


def changes_between(account_id: int, after: int, upto: int) -> list[Change] | None:
    """The changes of versions ``after + 1 .. upto`` of the account, oldest first; None when
    any of them is not in the journal. Read in the caller's transaction (db.session)."""
    if upto <= after:
        return []
    rows = db.session.execute(
        select(_CHANGE.c.version, _CHANGE.c.tabs, _CHANGE.c.objects, _CHANGE.c.cables)
        .where(_CHANGE.c.account_id == account_id)
        .where(_CHANGE.c.version > after, _CHANGE.c.version <= upto)
        .order_by(_CHANGE.c.version)
    ).all()
    if len(rows) != upto - after:
        return None
    return [
        Change(tabs=frozenset(tabs), objects=frozenset(objects), cables=frozenset(cables))
        for _, tabs, objects, cables in rows
    ]


def has_uncommitted_draft(session: Session, account_id: int) -> bool:
    """True when this transaction has written draft rows (or moved the account's draft version)
    that it has not committed yet; call after a flush (any query autoflushes)."""
    return bool(
        session.info.get(_IDS)
        or session.info.get(_UNKNOWN)
        or account_id in session.info.get(draft_state.BUMPED, ())
    )


def note_unseen_write(session: Session) -> None:
    """Say that this transaction writes draft rows where the hooks cannot see them (a COPY on
    the connection): its version gets no entry, and the cache reads the whole draft."""
    session.info[_UNKNOWN] = True


def _ids(session: Session) -> dict[str, set[int]]:
    found: dict[str, set[int]] = session.info.setdefault(_IDS, {})
    return found


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, flush_context: object) -> None:
    for row in chain(session.new, session.dirty, session.deleted):
        if isinstance(row, draft_state.DRAFT_ROWS):
            _ids(session).setdefault(_KINDS[row.__table__.name], set()).add(row.id)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: Any) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    kind = _KINDS.get(getattr(getattr(state.statement, "table", None), "name", None))
    if kind is None:
        return
    found = None
    if not state.is_insert and not state.parameters:  # executemany binds its ids per row
        found = ids_in_where(state.statement.whereclause)
    if found is None:
        state.session.info[_UNKNOWN] = True
        return
    _ids(state.session).setdefault(kind, set()).update(found)


@event.listens_for(Session, "before_commit")
def _read_versions(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released: the real commit records
    session.flush()
    bumped = session.info.get(draft_state.BUMPED, set())
    if session.info.get(_UNKNOWN) or len(bumped) != 1:
        return  # nothing to trust, or changes that can't be told apart by account
    (account_id,) = bumped
    stamp = draft_state.read_stamp(account_id, "draft_version", session=session)
    if stamp is None:
        return  # no state row (an account being deleted): nothing to cache
    ids = session.info.get(_IDS, {})
    version = stamp[0]
    changed = {kind: sorted(ids.get(kind, ())) for kind in ("tabs", "objects", "cables")}
    # Versions only move up while the account lives, so the key is new; should a row be there
    # after all, this version's own change replaces it rather than failing the admin's edit.
    upsert = UPSERT_INSERTS[session.get_bind().dialect.name]
    session.execute(
        upsert(_CHANGE)
        .values(account_id=account_id, version=version, **changed)
        .on_conflict_do_update(index_elements=["account_id", "version"], set_=changed)
    )
    if version % PRUNE_EVERY == 0:
        session.execute(
            delete(_CHANGE).where(
                _CHANGE.c.account_id == account_id, _CHANGE.c.version <= version - KEEP_VERSIONS
            )
        )


forget_at_transaction_end(_IDS, _UNKNOWN)
