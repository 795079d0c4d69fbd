"""Feature codes: unique, unambiguous dial strings, and the record-on-demand guard."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from workspace.auth.models import Account
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.feature_codes.dialplan import find_dial_clash
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.numbers.models import InternalNumber
from workspace.contact_center.usage import NAMED_IN_MESSAGE, contacts_using
from workspace.errors import Conflict, FieldErrors, NotFound
from workspace.extensions import db
from workspace.signals import announce_devices_may_change
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

RECORD_ON_DEMAND = "record_on_demand"


def list_feature_codes(
    account_id: int, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> dict:
    query = scoped(FeatureCode, account_id)
    if (match := contains(q, FeatureCode.code)) is not None:
        query = query.where(match)
    order = (FeatureCode.code, FeatureCode.id)
    items, total = paged(query.order_by(*order), page=page, per_page=per_page)
    return {"items": items, "total": total}


def get_feature_code(account_id: int, code_id: int) -> FeatureCode:
    return _owned(account_id, code_id)


def create_feature_code(account_id: int, data: dict) -> FeatureCode:
    _lock_dial_plan(account_id)
    _refuse_clash(account_id, data["code"], exclude_id=None)
    row = FeatureCode(account_id=account_id, **data)
    db.session.add(row)
    _commit(data["code"])
    # Feature codes are part of every device's config
    announce_devices_may_change(account_id, "feature_code")
    return row


def update_feature_code(
    account_id: int, code_id: int, data: dict, expected_version: int | None
) -> FeatureCode:
    _lock_dial_plan(account_id)
    row = _owned(account_id, code_id)
    check_version(row, expected_version)
    if "code" in data and data["code"] != row.code:
        _refuse_clash(account_id, data["code"], exclude_id=row.id)
    stays_on_demand = data.get("purpose", row.purpose) == RECORD_ON_DEMAND and data.get(
        "enabled", row.enabled
    )
    if not stays_on_demand:
        _refuse_if_relied_on(account_id, row, "disable")
    for key, value in data.items():
        setattr(row, key, value)
    _commit(row.code)
    announce_devices_may_change(account_id, "feature_code")
    return row


def delete_feature_code(account_id: int, code_id: int, expected_version: int | None) -> None:
    row = _owned(account_id, code_id)
    check_version(row, expected_version)
    _refuse_if_relied_on(account_id, row, "delete")
    db.session.delete(row)
    db.session.commit()
    announce_devices_may_change(account_id, "feature_code")


def _owned(account_id: int, code_id: int) -> FeatureCode:
    """get_owned, with an id beyond 32 bits answered 404 before PostgreSQL refuses it."""
    if not 0 < code_id < 2**31:
        raise NotFound(f"Feature code {code_id} not found.")
    return get_owned(FeatureCode, code_id, account_id)


def _lock_dial_plan(account_id: int) -> None:
    """Serialise feature-code writes of one account, so two concurrent saves cannot both
    pass the prefix check (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).
    FOR NO KEY UPDATE does not block inserts that merely reference the account."""
    db.session.execute(
        db.select(Account.id).where(Account.id == account_id).with_for_update(key_share=True)
    )


def _refuse_clash(account_id: int, code: str, *, exclude_id: int | None) -> None:
    others = scoped(FeatureCode, account_id).with_only_columns(FeatureCode.code)
    if exclude_id is not None:
        others = others.where(FeatureCode.id != exclude_id)
    numbers = scoped(InternalNumber, account_id).with_only_columns(InternalNumber.number)
    clash = find_dial_clash(
        code, db.session.execute(others).scalars(), db.session.execute(numbers).scalars()
    )
    if clash:
        raise FieldErrors({"code": clash})


def _refuse_if_relied_on(account_id: int, row: FeatureCode, action: str) -> None:
    """409 when row is the last enabled record-on-demand code and contacts record on demand."""
    if row.purpose != RECORD_ON_DEMAND or not row.enabled:
        return
    another = db.session.scalar(
        scoped(FeatureCode, account_id)
        .with_only_columns(FeatureCode.id)
        .where(
            FeatureCode.id != row.id,
            FeatureCode.purpose == RECORD_ON_DEMAND,
            FeatureCode.enabled.is_(True),
        )
        .limit(1)
    )
    if another is not None:
        return
    contacts = contacts_using(account_id, CallCenterSettings.record_on_demand.is_(True))
    if not contacts:
        return
    names = ", ".join(c.full_name for c in contacts[:NAMED_IN_MESSAGE])
    if len(contacts) > NAMED_IN_MESSAGE:
        names += f" and {len(contacts) - NAMED_IN_MESSAGE} more"
    raise Conflict(
        f"Cannot {action} {row.code}: it is the only enabled record on demand code, and the "
        f"call.center settings of {names} record on demand. Turn record on demand off there, "
        "or add another enabled record on demand code first.",
        {"used_by": [{"type": "contact", "id": c.id, "name": c.full_name} for c in contacts]},
    )


def _commit(code: str) -> None:
    """The unique constraint still guards a duplicate saved by a concurrent request."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise FieldErrors({"code": f"{code} is already a feature code."}) from None
