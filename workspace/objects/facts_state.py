"""The facts version: a per-account counter that every committed write to the contact-center
data the engine reads moves by one, so a process may keep the facts it loaded and reuse them
while the counter stands (workspace.objects.facts_cache: the problems pushed after each canvas
edit, where loading the facts was a quarter of the time).

The counter lives in ``workspace_state`` (the database), so it holds across server processes.
It moves in the transaction of the write itself, at commit, as the draft version's safety net
does (workspace.objects.state), and no service has to remember it:

* after_flush notes the account of every facts row the ORM inserts or deletes, and of every
  row it changes in a column other than telemetry (a device's status, a line's registration:
  the engine never reads them, and they move all day);
* do_orm_execute notes bulk statements on those tables; one whose account cannot be told
  from its ``id = ...`` moves every account's counter (none in the services today);
* before_commit moves each noted account's counter (creating the state row when missing, so
  a write racing an account's first edit still moves it).

A process that read the counter *before* the facts can keep them under that value: anything
committed later moved it. Writes past the session (raw SQL on a connection) are not seen:
the services make none to these tables.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event, exists, inspect, literal, select, update
from sqlalchemy.orm import Session

from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.contact_center.schedules.models import Schedule
from workspace.database import UPSERT_INSERTS, forget_at_transaction_end, id_in_where
from workspace.extensions import db
from workspace.objects.models import WorkspaceState
from workspace.objects.state import read_stamp

__all__ = [
    "FACTS_MODELS",
    "TELEMETRY",
    "has_uncommitted_facts",
    "read_facts_stamp",
]

# Every table workspace.objects.facts reads (the directory's numbers and emails included).
FACTS_MODELS: tuple[type, ...] = (
    *(Contact, ContactMethod, CallCenterSettings, ContactNumber, ContactEmail),
    *(Device, DeviceSipAccount, Provider, SipAccount, PhoneNumber, InternalNumber),
    *(FeatureCode, DeliveryMethod, AudioFile, Schedule),
)
_TABLES = {model.__table__.name: model for model in FACTS_MODELS}
# Columns the facts never read that move on their own (liveness, activation, config caches);
# a change to only these leaves the counter. ``version`` moves with any change, so never alone
# matters.
TELEMETRY: dict[str, frozenset[str]] = {
    "devices": frozenset(
        {
            *("status", "sub_status", "app_version", "platform", "last_seen_at"),
            *("activation_code_hash", "activation_code_encrypted", "activation_code_issued_at"),
            *("token_hash", "activated_at", "fetched_config_hash", "config_hash", "version"),
        }
    ),
    "device_sip_accounts": frozenset({"registered"}),
}
# Rows without an account_id of their own: the parent that has it.
_PARENTS: dict[type, tuple[str, type]] = {
    CallCenterSettings: ("contact_method_id", ContactMethod),
    DeviceSipAccount: ("device_id", Device),
    ContactNumber: ("contact_id", Contact),
    ContactEmail: ("contact_id", Contact),
}
_NOTED = "facts_written_accounts"  # session.info: account ids (_EVERY: every account)
_GONE = "facts_parents_deleted"  # session.info: (model, id) deleted in this transaction
_EVERY = 0  # stands for "every account" among the noted ids (no account has id 0)


def read_facts_stamp(account_id: int) -> tuple[int, Any] | None:
    """(facts version, the account's creation time), None without a state row: what cached
    facts are kept under (workspace.objects.state.read_stamp)."""
    return read_stamp(account_id, "facts_version")


def has_uncommitted_facts(session: Session, account_id: int) -> bool:
    """True when this transaction has written facts of the account (or maybe of every account)
    that it has not committed yet; call after a flush (any query autoflushes)."""
    noted = session.info.get(_NOTED, ())
    return account_id in noted or _EVERY in noted


def _note(session: Session, account_id: int) -> None:
    session.info.setdefault(_NOTED, set()).add(account_id)


def _changed(row: Any) -> bool:
    """A changed row whose change is more than telemetry."""
    state = inspect(row)
    ignored = TELEMETRY.get(row.__table__.name, frozenset())
    return any(
        state.attrs[prop.key].history.has_changes()
        for prop in state.mapper.column_attrs
        if prop.key not in ignored
    )


def _account_of(session: Session, row: Any) -> int | None:
    """The row's account, through its parent when it has no account_id; None when the parent
    went in this same transaction (the parent's own deletion noted its account)."""
    account_id = getattr(row, "account_id", None)
    if account_id is not None or type(row) not in _PARENTS:
        return account_id
    key, parent = _PARENTS[type(row)]
    parent_id = getattr(row, key)
    if (parent, parent_id) in session.info.get(_GONE, set()):
        return None
    with session.no_autoflush:  # the identity map first: a contact's numbers come with it
        found = session.get(parent, parent_id)
    return _EVERY if found is None else found.account_id


_PARENT_MODELS = frozenset(parent for _, parent in _PARENTS.values())


@event.listens_for(Session, "after_flush")
def _note_facts_writes(session: Session, flush_context: object) -> None:
    gone = session.info.setdefault(_GONE, set())
    gone.update((type(row), row.id) for row in session.deleted if type(row) in _PARENT_MODELS)
    for row in chain(session.new, session.deleted, session.dirty):
        if not isinstance(row, FACTS_MODELS):
            continue
        if row in session.dirty and not _changed(row):
            continue
        account_id = _account_of(session, row)
        if account_id is not None:
            _note(session, account_id)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_facts_writes(state: Any) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    model = _TABLES.get(getattr(table, "name", None))
    if model is None:
        return
    if state.is_update:
        values = state.statement._values or {}  # noqa: SLF001  (no public accessor)
        keys = {getattr(column, "key", str(column)) for column in values}
        if keys and keys <= TELEMETRY.get(table.name, frozenset()):
            return
    row_id = None if state.is_insert else id_in_where(state.statement.whereclause)
    account_id = _EVERY
    if row_id is not None and hasattr(model, "account_id"):
        with state.session.no_autoflush:
            found = state.session.execute(
                select(model.account_id).where(model.id == row_id)
            ).scalar_one_or_none()
        account_id = _EVERY if found is None else found
    _note(state.session, account_id)


@event.listens_for(Session, "before_commit")
def _move_facts_versions(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT released: the real commit moves them
    session.flush()  # what is still pending counts too
    noted = session.info.pop(_NOTED, set())
    table = WorkspaceState.__table__
    if _EVERY in noted:
        session.execute(update(table).values(facts_version=table.c.facts_version + 1))
        return
    insert = UPSERT_INSERTS.get(session.get_bind().dialect.name)
    for account_id in sorted(noted):
        if insert is None:  # another backend: the UPDATE alone
            session.execute(
                update(table)
                .where(table.c.account_id == account_id)
                .values(facts_version=table.c.facts_version + 1)
            )
            continue
        # Insert the row at 1 when missing, but not for an account deleted in this same
        # transaction (its rows are going; a new state row would break the foreign key).
        alive = select(literal(account_id), literal(0), literal(1)).where(
            exists().where(db.metadata.tables["accounts"].c.id == account_id)
        )
        statement = insert(table).from_select(
            ["account_id", "draft_version", "facts_version"], alive
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["account_id"],
                set_={"facts_version": table.c.facts_version + 1},
            )
        )


forget_at_transaction_end(_NOTED, _GONE)
