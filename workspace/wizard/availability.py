"""Which inventory numbers the wizard may give a new contact, and why the others are taken.

A number already placed on the workspace (by a Phone Number or Internal Number object) would
be placed twice, which the workspace refuses to publish. An internal number is also taken
while another contact uses it (as a contact number or internal caller ID): an extension is
one person's. A phone number may stay another contact's external caller ID (a shared main
line), so only its placement takes it.
"""

from __future__ import annotations

from sqlalchemy import Select

from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactMethod,
    ContactNumber,
)
from workspace.extensions import db
from workspace.objects.models import Tab, WorkspaceObject

# inventory kind -> the object type that places such a number on the workspace
PLACING_TYPES = {"internal": "internal_number", "phone": "phone_number"}


def _placed(account_id: int, kind: str, only: int | None) -> dict[int, str]:
    rows = db.session.execute(
        db.select(WorkspaceObject.name, WorkspaceObject.properties, Tab.name)
        .join(Tab, Tab.id == WorkspaceObject.tab_id)
        .where(
            WorkspaceObject.account_id == account_id,
            WorkspaceObject.type == PLACING_TYPES[kind],
        )
        .order_by(WorkspaceObject.id)
    ).all()
    taken: dict[int, str] = {}
    for name, properties, tab in rows:
        number = (properties or {}).get("number")
        if isinstance(number, int) and (only is None or number == only):
            taken.setdefault(number, f"on the workspace as '{name}' (tab '{tab}')")
    return taken


def _contact_users(stmt: Select, role: str, taken: dict[int, str]) -> None:
    for number_id, first, last in db.session.execute(stmt).all():
        taken.setdefault(number_id, f"{role} of {f'{first} {last}'.strip()}")


def taken_numbers(account_id: int, kind: str, only: int | None = None) -> dict[int, str]:
    """{number id: why it is taken}; `only` limits the check to one number."""
    taken = _placed(account_id, kind, only)
    if kind != "internal":
        return taken
    by_contact = (
        db.select(ContactNumber.internal_number_id, Contact.first_name, Contact.last_name)
        .join(Contact, Contact.id == ContactNumber.contact_id)
        .where(Contact.account_id == account_id, ContactNumber.internal_number_id.is_not(None))
        .order_by(Contact.id)
    )
    by_caller_id = (
        db.select(CallCenterSettings.internal_caller_id, Contact.first_name, Contact.last_name)
        .join(ContactMethod, ContactMethod.id == CallCenterSettings.contact_method_id)
        .join(Contact, Contact.id == ContactMethod.contact_id)
        .where(
            ContactMethod.account_id == account_id,
            CallCenterSettings.internal_caller_id.is_not(None),
        )
        .order_by(Contact.id)
    )
    if only is not None:
        by_contact = by_contact.where(ContactNumber.internal_number_id == only)
        by_caller_id = by_caller_id.where(CallCenterSettings.internal_caller_id == only)
    _contact_users(by_caller_id, "internal caller ID", taken)
    _contact_users(by_contact, "contact number", taken)
    return taken
