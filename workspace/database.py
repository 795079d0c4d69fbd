"""The declarative base, shared column helpers and SQLite connection settings."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import and_, eq
from typing import Any

from flask import g, has_request_context, request
from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, TypeDecorator, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    SessionTransaction,
    declared_attr,
    mapped_column,
)
from sqlalchemy.sql.operators import in_op

# A naming convention makes Alembic migrations deterministic on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


# References between tenant rows: services refuse to delete a row in use (409 naming the
# users), so the database rule only matters when an account is deleted as a whole. Then
# nullable references are SET NULL and required ones CASCADE, because PostgreSQL checks
# RESTRICT/NO ACTION between cascade steps in an order it does not promise.


class TenantMixin:
    """Every tenant-owned row names its account; tenancy.py scopes queries by it."""

    @declared_attr
    def account_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(
            Integer, ForeignKey("accounts.id", ondelete="CASCADE"), index=True, nullable=False
        )


class VersionedMixin:
    """An optimistic-lock counter: the ETag clients send back in If-Match."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.version}


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """WAL, foreign keys and a busy timeout for SQLite; other databases are untouched."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_thread = threading.local()


@contextmanager
def reads_only() -> Iterator[None]:
    """Background work of this thread that only reads (a draft validation, a count to push)
    begins deferred on SQLite, as a GET does: it must not hold the one write lock that
    logins and edits wait on for as long as it validates and emits."""
    before = getattr(_thread, "reads_only", False)
    _thread.reads_only = True
    try:
        yield
    finally:
        _thread.reads_only = before


def _reads_only() -> bool:
    """True inside a GET/HEAD/OPTIONS request that has not announced a write (Socket.IO
    event handlers run in a request context too, with a `sid`: they keep BEGIN IMMEDIATE),
    or inside ``reads_only()``."""
    if getattr(_thread, "reads_only", False):
        return True
    return (
        has_request_context()
        and request.method in _SAFE_METHODS
        and not hasattr(request, "sid")
        and not g.get("_sqlite_writes_follow", False)
    )


def writes_follow() -> None:
    """Call in a GET handler before it writes (a device recording its fetch, a token's
    last use): ends the read transaction so the write starts its own, with the write lock.
    """
    from workspace.extensions import db  # extensions imports this module

    db.session.commit()
    if has_request_context():
        g._sqlite_writes_follow = True


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn) -> None:
    """Take the write lock at BEGIN on SQLite, except for requests that only read.

    A deferred transaction that reads and then writes cannot upgrade its lock while
    another writer holds it and fails with "database is locked" at once, ignoring the
    busy timeout. BEGIN IMMEDIATE waits its turn instead; request transactions are short.
    But GETs (a thousand devices polling, pages loading) only read: under WAL, readers
    never block, so they begin deferred and do not queue behind the single write lock.
    A GET that does write calls ``writes_follow()`` first.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN" if _reads_only() else "BEGIN IMMEDIATE")


def id_in_where(criteria: Any) -> Any:
    """The value of `id == value` in a WHERE clause (alone or ANDed with more), else None."""
    found = ids_in_where(criteria, lists=False)
    return found[0] if found else None


def ids_in_where(criteria: Any, *, lists: bool = True) -> list[Any] | None:
    """The ids a WHERE clause names by `id == value` or, with ``lists``, `id IN (...)` (alone
    or ANDed with more), else None: the rows a bulk UPDATE or DELETE can reach."""
    if criteria is None:
        return None
    operator = getattr(criteria, "operator", None)
    if operator in (eq, in_op) and getattr(criteria.left, "key", None) == "id":
        value = getattr(criteria.right, "value", None)
        if operator is eq:
            return None if value is None else [value]
        return list(value) if lists and isinstance(value, list | tuple) else None
    if operator is and_:
        for clause in criteria.clauses:
            found = ids_in_where(clause, lists=lists)
            if found is not None:
                return found
    return None


def forget_at_transaction_end(*keys: str) -> None:
    """Drop these ``session.info`` keys however each root transaction ends (commit, rollback,
    close): what a transaction notes about its own writes never reaches the next one."""

    @event.listens_for(Session, "after_transaction_end")
    def _forget(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is not None:
            return  # a SAVEPOINT: its writes still belong to the enclosing transaction
        for key in keys:
            session.info.pop(key, None)


# The INSERT with ON CONFLICT of each backend that has one (a race-free upsert).
UPSERT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
