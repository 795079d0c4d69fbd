"""The number inventory: phone numbers (DIDs, E.164) and internal numbers (extensions).

`kind` is "phone" or "internal" throughout; both kinds follow the same rules: a number is
unique in its account, and a number something uses (a contact, a call.center setting, a card
on the workspace) cannot be deleted or renumbered: 409 naming each user, so another page never
silently breaks (a canvas card would route the new digits at the next publish, a caller ID
would change on devices at once). Its label can still be edited.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.errors import Conflict, FieldErrors
from workspace.extensions import db
from workspace.signals import announce_devices_may_change, users_of_number
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

MODELS: dict[str, type[PhoneNumber] | type[InternalNumber]] = {
    "phone": PhoneNumber,
    "internal": InternalNumber,
}


def list_numbers(
    account_id: int, kind: str, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> tuple[list, int]:
    """In dialling order: internal numbers numerically (9 before 10), phone numbers by E.164."""
    model = MODELS[kind]
    order = (func.length(model.number),) if kind == "internal" else ()
    stmt = scoped(model, account_id).order_by(*order, model.number)
    search = contains(q, model.number, model.label)
    if search is not None:
        stmt = stmt.where(search)
    return paged(stmt, page=page, per_page=per_page)


def get_number(account_id: int, kind: str, number_id: int):
    return get_owned(MODELS[kind], number_id, account_id)


def create_number(account_id: int, kind: str, data: dict):
    model = MODELS[kind]
    _refuse_duplicate(account_id, model, data["number"], None)
    row = model(account_id=account_id, **data)
    db.session.add(row)
    _commit(data["number"])
    return row


def add_number(account_id: int, kind: str, data: dict):
    """create_number, flushed but not committed (the setup wizard's one transaction).

    A concurrent insert of the same number fails the flush: the whole transaction is rolled
    back and the same 422 answered, so the caller never continues on a broken session.
    """
    model = MODELS[kind]
    _refuse_duplicate(account_id, model, data["number"], None)
    row = model(account_id=account_id, **data)
    db.session.add(row)
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise FieldErrors({"number": f"{data['number']} is already in your inventory."}) from exc
    return row


def update_number(
    account_id: int, kind: str, number_id: int, data: dict, expected_version: int | None
):
    """Changing the digits keeps every reference: users point at the row, not the digits."""
    model = MODELS[kind]
    row = get_owned(model, number_id, account_id)
    check_version(row, expected_version)
    if "number" in data and data["number"] != row.number:
        _refuse_duplicate(account_id, model, data["number"], row.id)
        _refuse_if_used(account_id, kind, row, "renumbered")
    for key, value in data.items():
        setattr(row, key, value)
    _commit(row.number)
    announce_devices_may_change(account_id, "number")  # the digits are devices' caller IDs
    return row


def delete_number(account_id: int, kind: str, number_id: int, expected_version: int | None) -> None:
    row = get_owned(MODELS[kind], number_id, account_id)
    check_version(row, expected_version)
    _refuse_if_used(account_id, kind, row, "deleted")
    db.session.delete(row)
    db.session.commit()


def _refuse_if_used(account_id: int, kind: str, row, action: str) -> None:
    users = number_users(account_id, kind, row.id)
    if not users:
        return
    names = ", ".join(_named(u) for u in users)
    raise Conflict(
        f"{MODELS[kind].__label__} {row.number} cannot be {action}: it is used by {names}. "
        "Remove it there first.",
        {"used_by": users},
    )


def _named(user: dict) -> str:
    if user["type"] == "object":
        return f'"{user["name"]}" on the workspace tab "{user["tab_name"]}"'
    return f"{user['name']} ({user['as']})"


def number_users(account_id: int, kind: str, number_id: int) -> list[dict]:
    """Who uses an inventory number: [{type, id, name, as}], where `as` names the role
    ("contact number", "internal caller ID", "external caller ID").

    The contact-center references are here; the canvas answers for its cards (the Phone
    Number and Internal Number objects placing it: {type: "object", id, name, tab, tab_name,
    as: "on the workspace"}) through ``workspace.signals.numbers_placed``.
    """
    users: list[dict] = [
        {**user, "as": "on the workspace"} for user in users_of_number(account_id, kind, number_id)
    ]
    if kind == "internal":
        contacts = db.session.execute(
            db.select(Contact.id, Contact.first_name, Contact.last_name)
            .join(ContactNumber, ContactNumber.contact_id == Contact.id)
            .where(Contact.account_id == account_id, ContactNumber.internal_number_id == number_id)
            .distinct()
            .order_by(Contact.id)
        ).all()
        users += [_user(cid, first, last, "contact number") for cid, first, last in contacts]
        users += _call_center_users(account_id, CallCenterSettings.internal_caller_id, number_id)
    else:
        users += _call_center_users(account_id, CallCenterSettings.external_caller_id, number_id)
    return users


def _call_center_users(account_id: int, column, number_id: int) -> list[dict]:
    role = "internal caller ID" if column.key == "internal_caller_id" else "external caller ID"
    rows = db.session.execute(
        db.select(Contact.id, Contact.first_name, Contact.last_name)
        .join(ContactMethod, ContactMethod.contact_id == Contact.id)
        .join(CallCenterSettings, CallCenterSettings.contact_method_id == ContactMethod.id)
        .where(ContactMethod.account_id == account_id, column == number_id)
        .distinct()
        .order_by(Contact.id)
    ).all()
    # The call.center settings live at /contacts/{id}/call-center: the user is the contact.
    return [_user(cid, first, last, role) for cid, first, last in rows]


def _user(contact_id: int, first: str, last: str, role: str) -> dict:
    return {"type": "contact", "id": contact_id, "name": f"{first} {last}".strip(), "as": role}


def _refuse_duplicate(account_id: int, model, number: str, own_id: int | None) -> None:
    stmt = scoped(model, account_id).where(model.number == number)
    if own_id is not None:
        stmt = stmt.where(model.id != own_id)
    clash = db.session.execute(stmt).scalars().first()
    if clash is not None:
        named = f' (labelled "{clash.label}")' if clash.label else ""
        raise FieldErrors(
            {"number": f"{number} is already in your inventory{named}."},
        )


def _commit(number: str) -> None:
    """Commit; a concurrent insert of the same number loses to the unique constraint: 422."""
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise FieldErrors({"number": f"{number} is already in your inventory."}) from exc
