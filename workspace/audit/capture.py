"""Capturing every write from the ORM, in one place instead of calls in every service.

after_flush reads each new, changed and deleted row's attribute history (before the
session expires it) into session.info; a service that writes rows in bulk, past the ORM,
adds one entry for the whole with record_entry. after_commit writes those entries on a
connection of its own, so an entry exists only for a change that was committed, and a
rolled-back transaction leaves none. Who did it (the admin, API token or system) and from
which address is read from the request at flush time.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from flask import g, has_request_context, request
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from workspace.database import id_in_where, utcnow

log = logging.getLogger(__name__)

PENDING = "audit_pending"
MASK = "•••"
# Secret columns (the project's naming: *_encrypted ciphertext, *_hash of tokens and
# passwords, delivery `secrets`): their values never reach the log, only that they changed.
SECRET = re.compile(r"password|secret|token|_hash$|encrypted|key$")  # booleans are not secret
# Tables that are not an admin's data: sessions, the log itself, derived state, and the
# call log (calls and their events are telemetry with a page of their own, and one entry per
# SIP event would drown the edits).
SKIP_TABLES = frozenset(
    {"admin_sessions", "audit_entries", "workspace_state", "alembic_version"}
    | {"calls", "call_events"}
)
# Columns that move without anyone deciding anything (liveness, leases, caches, counters).
IGNORED = frozenset({"id", "account_id", "version", "created_at", "last_used_at", "last_seen_at"})
IGNORED_BY_TABLE = {
    "devices": {
        "status",
        "sub_status",
        "app_version",
        "platform",
        "fetched_config_hash",
        "config_hash",
    },
    "device_sip_accounts": {"registered"},
    "delivery_jobs": {"attempts", "next_attempt_at", "locked_by", "locked_until"},
    # what a publish remembers to answer the next one fast: derived, nobody decides it
    "revisions": {
        *("snapshot", "plan", "hash"),
        *("source_hash", "warnings", "draft_version", "facts_hash"),
    },
}
NAME_FIELDS = ("name", "friendly_name", "number", "email", "address", "file_name")


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict | list):
        return value
    return str(value)


def _columns(obj) -> list[str]:
    table = obj.__table__.name
    skip = IGNORED | IGNORED_BY_TABLE.get(table, set())
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in skip]


def _value(key: str, value: Any) -> Any:
    secret = value is not None and not isinstance(value, bool) and SECRET.search(key)
    return MASK if secret else _plain(value)


def _account_id(obj) -> int | None:
    """A tenant row names its account; a child row (a contact's numbers, call.center
    settings, a delivery job) is found through the row it belongs to."""
    if obj.__table__.name == "accounts":
        return obj.id
    if getattr(obj, "account_id", None) is not None:
        return obj.account_id
    for rel in inspect(obj).mapper.relationships:
        if rel.direction.name == "MANYTOONE":
            parent = getattr(obj, rel.key, None)
            if parent is not None and getattr(parent, "account_id", None) is not None:
                return parent.account_id
            if parent is not None:
                for sub in inspect(parent).mapper.relationships:
                    if sub.direction.name == "MANYTOONE":
                        grand = getattr(parent, sub.key, None)
                        if grand is not None and getattr(grand, "account_id", None) is not None:
                            return grand.account_id
    return None


def _name(obj) -> str:
    if obj.__table__.name == "revisions":
        return f"Revision {obj.number}"
    if hasattr(obj, "first_name") and hasattr(obj, "last_name"):
        full = f"{obj.first_name} {obj.last_name}".strip()
        if full:
            return full
    for field in NAME_FIELDS:
        value = getattr(obj, field, None)
        if value:
            return str(value)[:200]
    return ""


def _resource(obj) -> str:
    return obj.__table__.name


def _identity(obj) -> str:
    # Not state.identity: a row inserted by this flush has no identity key until it ends.
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(k) for k in key if k is not None)


def _actor() -> dict:
    """Who is writing: the request's logged-in admin or API token, else the system."""
    if not has_request_context():
        return {"actor_type": "system", "actor_id": None, "actor_name": "System", "address": None}
    address = request.remote_addr
    principal = g.get("principal")
    if principal is not None:
        admin = principal.admin
        name = admin.full_name or admin.email
        if principal.session is None:
            token = getattr(principal, "token_prefix", None)
            return {
                "actor_type": "api_token",
                "actor_id": admin.id,
                "actor_name": f"{name} (API token {token})" if token else f"{name} (API token)",
                "address": address,
            }
        return {"actor_type": "admin", "actor_id": admin.id, "actor_name": name, "address": address}
    who = "Device" if request.path.startswith("/device/") else "System"
    return {"actor_type": "system", "actor_id": None, "actor_name": who, "address": address}


def _snapshot(obj, *, committed: bool) -> dict:
    """The row's fields as [before, after] pairs: its values before a delete (committed)
    or after an insert; empty values are left out."""
    state = inspect(obj)
    out = {}
    for key in _columns(obj):
        hist = state.attrs[key].history
        moved = hist.deleted if committed else hist.added
        values = moved or hist.unchanged
        value = _value(key, values[0] if values else None)
        if value not in (None, "", [], {}):
            out[key] = [value, None] if committed else [None, value]
    return out


def _changed(obj) -> dict:
    state = inspect(obj)
    changes = {}
    for key in _columns(obj):
        hist = state.attrs[key].history
        if not hist.added and not hist.deleted:
            continue
        before = hist.deleted[0] if hist.deleted else None
        after = hist.added[0] if hist.added else None
        if before == after:
            continue
        changes[key] = [_value(key, before), _value(key, after)]
    return changes


def _record(session: Session, obj, action: str, changes: dict) -> None:
    account_id = _account_id(obj)
    if account_id is not None:
        where = (_resource(obj), _identity(obj))
        _add(session, where, account_id, _name(obj), action, changes)


def _add(session: Session, where: tuple, account_id: int, name: str, action: str, changes: dict):
    pending: dict = session.info.setdefault(PENDING, {})
    earlier = pending.get(where)
    if earlier is None:
        pending[where] = {
            "account_id": account_id,
            "action": action,
            "resource": where[0],
            "resource_id": where[1],
            "resource_name": name,
            "changes": changes,
            **_actor(),
        }
        return
    # Several flushes in one transaction make one entry: the first before, the last after.
    if action == "delete" and earlier["action"] == "create":
        del pending[where]
        return
    if action == "delete":
        earlier["action"] = "delete"
    for field, (before, after) in changes.items():
        first = earlier["changes"].get(field, [before, after])[0]
        earlier["changes"][field] = [first, after]
    earlier["resource_name"] = name or earlier["resource_name"]


def record_entry(
    session: Session,
    *,
    account_id: int,
    resource: str,
    resource_id: str,
    name: str,
    action: str,
    changes: dict,
) -> None:
    """Add one entry for a write the row capture does not see (a whole draft written by
    bulk INSERTs): written after the commit like the others, dropped if it rolls back."""
    _add(session, (resource, resource_id), account_id, name, action, changes)


def _audited(obj) -> bool:
    table = getattr(obj, "__table__", None)
    return table is not None and table.name not in SKIP_TABLES


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context) -> None:
    try:
        with session.no_autoflush:
            for obj in session.new:
                if _audited(obj):
                    _record(session, obj, "create", _snapshot(obj, committed=False))
            for obj in session.dirty:
                if _audited(obj) and session.is_modified(obj, include_collections=False):
                    changes = _changed(obj)
                    if changes:
                        _record(session, obj, "update", changes)
            for obj in session.deleted:
                if _audited(obj):
                    _record(session, obj, "delete", _snapshot(obj, committed=True))
    except Exception:  # the audit must never fail the write it describes
        log.exception("audit capture failed")


@event.listens_for(Session, "do_orm_execute")
def _bulk_update(state) -> None:
    """A bulk UPDATE of one row by id (a secret sealed with the new row's id, a device's
    activation, the delivery worker's outcome) bypasses the attribute history: record it
    from the statement and the row as it is before the UPDATE runs (if the UPDATE then
    matches nothing, the service rolls back and the entry goes with it)."""
    if not state.is_update:
        return
    try:
        stmt = state.statement
        table = stmt.table
        row_id = id_in_where(stmt.whereclause)
        if table.name in SKIP_TABLES or row_id is None:
            return
        new = {
            getattr(column, "key", str(column)): param.value
            for column, param in stmt._values.items()  # noqa: SLF001  (no public accessor)
            if isinstance(param, BindParameter)  # not `version + 1` and other expressions
        }
        mapper = state.bind_arguments.get("mapper") or state.all_mappers[0]
        obj = state.session.identity_map.get(mapper.identity_key_from_primary_key([row_id]))
        row = None
        if obj is not None:
            old = {key: getattr(obj, key, None) for key in new}
        else:
            # Not loaded (the delivery worker works by id): read the row without putting it
            # in the session, where it would go stale after this UPDATE.
            with state.session.no_autoflush:
                plain = mapper.local_table  # not the statement's ORM-annotated table
                query = select(plain).where(plain.c.id == row_id)
                row = state.session.execute(query).mappings().first()
            if row is None or row.get("account_id") is None:
                return
            old = {key: row.get(key) for key in new}
        skip = IGNORED | IGNORED_BY_TABLE.get(table.name, set())
        changes = {
            key: [_value(key, old[key]), _value(key, after)]
            for key, after in new.items()
            if key not in skip and old[key] != after
        }
        if not changes:
            return
        if obj is not None:
            _record(state.session, obj, "update", changes)
        else:
            name = next((str(row[f]) for f in NAME_FIELDS if row.get(f)), "")
            where = (table.name, str(row_id))
            _add(state.session, where, row["account_id"], name, "update", changes)
    except Exception:
        log.exception("audit capture of a bulk update failed")


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released: the entries wait for the real commit
    entries = list(session.info.pop(PENDING, {}).values())
    if entries:
        from workspace.audit.store import write_entries

        write_entries(session, entries, utcnow())


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)
