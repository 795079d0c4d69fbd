"""An object's default name, from the thing it stands for: "Mike Brown", "+1 415 555 0100".

An admin who leaves the name empty reads on the card what the object is (the person, the
number), never a counter ("Contact Method 1") or an id ("#4"). Types that refer to nothing
(a ring group) keep the tab's numbered default (objects_service).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import phonenumbers

from workspace.contact_center.contacts.models import Contact, ContactMethod
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.extensions import db

__all__ = ["pretty_number", "referenced_name"]

METHOD_KINDS = {"call_center": None, "sip_account": "SIP", "phone": "phone"}


def pretty_number(e164: str) -> str:
    """International format with spaces, the way people write it.

    >>> pretty_number("+14155550100")
    '+1 415 555 0100'
    >>> pretty_number("not a number")
    'not a number'
    """
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    spaced = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return spaced.replace("-", " ")


def referenced_name(object_type: str, properties: Mapping[str, Any], account_id: int) -> str | None:
    """The name of what the object refers to, or None when it refers to nothing (yet)."""
    if object_type == "phone_number":
        row = _owned(PhoneNumber, properties.get("number"), account_id)
        return pretty_number(row.number) if row else None
    if object_type == "internal_number":
        row = _owned(InternalNumber, properties.get("number"), account_id)
        return f"Ext. {row.number}" if row else None
    if object_type == "contact_method":
        method = _owned(ContactMethod, properties.get("contact_method"), account_id)
        if method is None:
            return None
        contact = db.session.get(Contact, method.contact_id)
        name = contact.full_name if contact else ""
        kind = METHOD_KINDS.get(method.kind)
        if method.kind == "phone" and method.number:
            return f"{name} ({pretty_number(method.number)})"
        return f"{name} ({kind})" if kind else name
    return None


def _owned(model, row_id: Any, account_id: int):
    if not isinstance(row_id, int):
        return None
    row = db.session.get(model, row_id)
    return row if row is not None and row.account_id == account_id else None
