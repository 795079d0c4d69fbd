"""The account's contact-center rows by natural key, for documents that must not hold ids.

A phone number is its E.164 number, an internal number its digits, a contact method its
contact's name and first email, its kind, and for phone and SIP account methods the number or
the SIP account (username@server), a schedule its name. Export turns ids into these keys;
import turns them back, saying why when a key names no row of the account.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import selectinload

from workspace.contact_center.contacts.models import Contact, ContactMethod
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import SipAccount
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db
from workspace.tenancy import scoped

__all__ = ["Inventory", "export_ref", "import_ref"]


def _compact(number: str) -> str:
    return "".join(ch for ch in number if ch not in " -.()/")


class Inventory:
    """The account's numbers and contact methods, by id and by natural key."""

    def __init__(self, account_id: int) -> None:
        phones = db.session.execute(scoped(PhoneNumber, account_id)).scalars()
        self.phones = {p.id: p.number for p in phones}
        internals = db.session.execute(scoped(InternalNumber, account_id)).scalars()
        self.internals = {n.id: n.number for n in internals}
        methods = db.session.execute(
            scoped(ContactMethod, account_id)
            .options(selectinload(ContactMethod.contact).selectinload(Contact.emails))
            .order_by(ContactMethod.id)
        ).scalars()
        self.methods = {m.id: m for m in methods}
        # Lookups by natural key, built once: an import resolves thousands of objects.
        self.phone_ids = {_compact(n): i for i, n in self.phones.items()}
        self.internal_ids = {_compact(n): i for i, n in self.internals.items()}
        self.by_name: dict[tuple[str, str], list[ContactMethod]] = {}
        for method in self.methods.values():
            key = (method.contact.full_name.casefold(), method.kind)
            self.by_name.setdefault(key, []).append(method)
        sips = db.session.execute(
            scoped(SipAccount, account_id).options(selectinload(SipAccount.provider))
        ).scalars()
        self.sip_labels = {s.id: f"{s.username}@{s.provider.server}" for s in sips}
        schedules = db.session.execute(scoped(Schedule, account_id)).scalars()
        self.schedules = {s.id: s.name for s in schedules}
        self.schedule_ids = {name.casefold(): i for i, name in self.schedules.items()}

    def method_key(self, method_id: int) -> dict[str, Any] | None:
        method = self.methods.get(method_id)
        if method is None:
            return None
        contact = method.contact
        key: dict[str, Any] = {
            "contact": contact.full_name,
            "email": contact.emails[0].address if contact.emails else None,
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
            contact = method.contact
            if email and email not in {e.address.casefold() for e in contact.emails}:
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
