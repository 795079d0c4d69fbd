"""The account's contact-center rows by natural key, for documents that must not hold ids.

A phone number is its E.164 number, an internal number its digits, a contact method its
contact's name and first email, its kind, and for phone and SIP account methods the number or
the SIP account (username@server), a schedule its name. Export turns ids into these keys;
import turns them back, saying why when a key names no row of the account.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workspace.contact_center.contacts.models import Contact, ContactEmail, ContactMethod
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db

__all__ = ["Inventory", "export_ref", "import_ref"]


def _compact(number: str) -> str:
    return "".join(ch for ch in number if ch not in " -.()/")


@dataclass(frozen=True, slots=True)
class Method:
    """A contact method as its natural key needs it: its contact's name and emails in order."""

    id: int
    kind: str
    number: str | None
    sip_account_id: int | None
    contact: str
    emails: tuple[str, ...]


class Inventory:
    """The account's numbers and contact methods, by id and by natural key.

    Columns, not ORM objects: an import of 10,000 objects reads thousands of each, and building
    and tracking an object per row cost half a second of it.
    """

    def __init__(self, account_id: int) -> None:
        self.phones = _pairs(PhoneNumber.id, PhoneNumber.number, account_id)
        self.internals = _pairs(InternalNumber.id, InternalNumber.number, account_id)
        emails: dict[int, list[str]] = {}
        for contact_id, address in db.session.execute(
            db.select(ContactEmail.contact_id, ContactEmail.address)
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(Contact.account_id == account_id)
            .order_by(ContactEmail.contact_id, ContactEmail.position, ContactEmail.id)
        ):
            emails.setdefault(contact_id, []).append(address)
        methods = db.session.execute(
            db.select(
                ContactMethod.id,
                ContactMethod.kind,
                ContactMethod.number,
                ContactMethod.sip_account_id,
                ContactMethod.contact_id,
                Contact.first_name,
                Contact.last_name,
            )
            .join(Contact, Contact.id == ContactMethod.contact_id)
            .where(ContactMethod.account_id == account_id)
            .order_by(ContactMethod.id)
        )
        self.methods = {
            i: Method(i, kind, number, sip, f"{first} {last}".strip(), tuple(emails.get(c, ())))
            for i, kind, number, sip, c, first, last in methods
        }
        # Lookups by natural key, built once: an import resolves thousands of objects.
        self.phone_ids = {_compact(n): i for i, n in self.phones.items()}
        self.internal_ids = {_compact(n): i for i, n in self.internals.items()}
        self.by_name: dict[tuple[str, str], list[Method]] = {}
        for method in self.methods.values():
            key = (method.contact.casefold(), method.kind)
            self.by_name.setdefault(key, []).append(method)
        sips = db.session.execute(
            db.select(SipAccount.id, SipAccount.username, Provider.server)
            .join(Provider, Provider.id == SipAccount.provider_id)
            .where(SipAccount.account_id == account_id)
        )
        self.sip_labels = {i: f"{username}@{server}" for i, username, server in sips}
        self.schedules = _pairs(Schedule.id, Schedule.name, account_id)
        self.schedule_ids = {name.casefold(): i for i, name in self.schedules.items()}

    def method_key(self, method_id: int) -> dict[str, Any] | None:
        method = self.methods.get(method_id)
        if method is None:
            return None
        key: dict[str, Any] = {
            "contact": method.contact,
            "email": method.emails[0] if method.emails else None,
            "kind": method.kind,
        }
        if method.kind == "phone":
            key["number"] = method.number
        if method.kind == "sip_account":
            key["sip_account"] = self.sip_labels.get(method.sip_account_id)
        return key

    def find_method(self, key: Mapping[str, Any]) -> list[int]:
        name = key["contact"].strip().casefold()
        email = (key.get("email") or "").strip().casefold()
        found = []
        for method in self.by_name.get((name, key["kind"]), []):
            if email and email not in {address.casefold() for address in method.emails}:
                continue
            if method.kind == "phone" and _compact(method.number or "") != _compact(
                key.get("number") or ""
            ):
                continue
            label = self.sip_labels.get(method.sip_account_id)
            if method.kind == "sip_account" and label != key.get("sip_account"):
                continue
            found.append(method.id)
        return found


def _pairs(key: Any, value: Any, account_id: int) -> dict[Any, Any]:
    """{key: value} of the account's rows of one table (two of its columns)."""
    rows = db.session.execute(db.select(key, value).where(key.class_.account_id == account_id))
    return {row_key: row_value for row_key, row_value in rows}


def export_ref(collection: str, row_id: Any, inv: Inventory) -> Any:
    if row_id is None:
        return None
    if collection == "phone_numbers":
        return inv.phones.get(row_id)
    if collection == "internal_numbers":
        return inv.internals.get(row_id)
    if collection == "contact_methods":
        return inv.method_key(row_id)
    if collection == "schedules":
        return inv.schedules.get(row_id)
    raise NotImplementedError(f"no natural key for {collection}: add one to natural_keys")


_METHOD_KEYS = {"contact", "email", "kind", "number", "sip_account"}


def import_ref(collection: str, value: Any, inv: Inventory) -> tuple[Any, str | None]:
    """(row id, None) or (None, the message saying why the value names no row)."""
    if value is None:
        return None, None
    if collection in ("phone_numbers", "internal_numbers"):
        label = "phone number" if collection == "phone_numbers" else "internal number"
        if not isinstance(value, str):
            return None, f"Give the {label} as a string."
        ids = inv.phone_ids if collection == "phone_numbers" else inv.internal_ids
        match = ids.get(_compact(value))
        return (
            (match, None) if match is not None else (None, f"No {label} {value} in this account.")
        )
    if collection == "contact_methods":
        if (
            not isinstance(value, dict)
            or not isinstance(value.get("contact"), str)
            or not isinstance(value.get("kind"), str)
            or not isinstance(value.get("email"), str | None)
            or set(value) - _METHOD_KEYS
        ):
            return None, 'Give the contact method as {"contact": "First Last", "email", "kind"}.'
        found = inv.find_method(value)
        who = f'"{value["contact"]}"' + (f" <{value['email']}>" if value.get("email") else "")
        if not found:
            return None, f"No {value['kind']} contact method of {who} in this account."
        if len(found) > 1:
            return None, f"{len(found)} contact methods of {who} match; give a unique email."
        return found[0], None
    if collection == "schedules":
        if not isinstance(value, str):
            return None, "Give the schedule by its name."
        match = inv.schedule_ids.get(value.strip().casefold())
        return (match, None) if match is not None else (None, f'No schedule "{value}" here.')
    raise NotImplementedError(f"no natural key for {collection}: add one to natural_keys")
