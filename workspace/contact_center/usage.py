"""Which contacts' call.center settings use a row: the 409 a blocked delete answers."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.errors import Conflict
from workspace.extensions import db
from workspace.tenancy import scoped

NAMED_IN_MESSAGE = 5


def contacts_using(account_id: int, condition: ColumnElement[bool]) -> list[Contact]:
    """Contacts of the account whose call.center settings match `condition`."""
    method_contacts = (
        db.select(ContactMethod.contact_id)
        .join(CallCenterSettings, CallCenterSettings.contact_method_id == ContactMethod.id)
        .where(ContactMethod.account_id == account_id, condition)
    )
    query = (
        scoped(Contact, account_id)
        .where(Contact.id.in_(method_contacts))
        .order_by(Contact.last_name, Contact.first_name, Contact.id)
    )
    return list(db.session.execute(query).scalars())


def refuse_if_used(account_id: int, condition: ColumnElement[bool], what: str) -> None:
    """409 naming the contacts whose call.center settings still use `what`."""
    users = contacts_using(account_id, condition)
    if not users:
        return
    names = [contact.full_name for contact in users]
    shown = ", ".join(names[:NAMED_IN_MESSAGE])
    if len(names) > NAMED_IN_MESSAGE:
        shown += f" and {len(names) - NAMED_IN_MESSAGE} more"
    raise Conflict(
        f"{what} is used by the call.center settings of {shown}. Choose another one there first.",
        {"used_by": [{"type": "contact", "id": c.id, "name": c.full_name} for c in users]},
    )
