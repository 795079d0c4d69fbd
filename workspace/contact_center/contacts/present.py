"""Contacts and contact methods as response documents, with related rows loaded in bulk.

A page of contacts needs device counts, internal-number digits, caller-ID numbers and SIP
account names; each is one query for the whole page instead of one per contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func

from workspace.contact_center.contacts.models import Contact, ContactMethod
from workspace.contact_center.devices.models import Device
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import SipAccount
from workspace.extensions import db
from workspace.tenancy import scoped


def _by_id(model, account_id: int, ids: Iterable[int | None]) -> dict[int, Any]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = db.session.execute(scoped(model, account_id).where(model.id.in_(wanted))).scalars()
    return {row.id: row for row in rows}


def device_counts(account_id: int, contact_ids: Iterable[int]) -> dict[int, int]:
    wanted = set(contact_ids)
    if not wanted:
        return {}
    rows = db.session.execute(
        db.select(Device.contact_id, func.count(Device.id))
        .where(Device.account_id == account_id, Device.contact_id.in_(wanted))
        .group_by(Device.contact_id)
    )
    return {contact_id: count for contact_id, count in rows}


def method_label(method: ContactMethod, sip_accounts: dict[int, SipAccount]) -> str:
    if method.kind == "call_center":
        return "call.center"
    if method.kind == "sip_account":
        sip = sip_accounts.get(method.sip_account_id or 0)
        name = (sip.friendly_name or sip.username) if sip else f"#{method.sip_account_id}"
        return f"SIP account {name}"
    return f"{(method.number_type or 'phone').capitalize()} {method.number}"


def describe_methods(account_id: int, methods: list[ContactMethod]) -> list[dict[str, Any]]:
    sip_accounts = _by_id(SipAccount, account_id, (m.sip_account_id for m in methods))
    devices = device_counts(account_id, (m.contact_id for m in methods))
    return [
        {
            "id": m.id,
            "version": m.version,
            "contact_id": m.contact_id,
            "kind": m.kind,
            "label": method_label(m, sip_accounts),
            "sip_account_id": m.sip_account_id,
            "number": m.number,
            "number_type": m.number_type,
            "device_count": devices.get(m.contact_id, 0) if m.kind == "call_center" else 0,
            "created_at": m.created_at,
        }
        for m in methods
    ]


def call_center_method(contact: Contact) -> ContactMethod | None:
    return next((m for m in contact.methods if m.kind == "call_center"), None)


def describe_contacts(account_id: int, contacts: list[Contact]) -> list[dict[str, Any]]:
    settings = {c.id: getattr(call_center_method(c), "call_center", None) for c in contacts}
    internal = _by_id(
        InternalNumber,
        account_id,
        [n.internal_number_id for c in contacts for n in c.numbers]
        + [s.internal_caller_id for s in settings.values() if s is not None],
    )
    phones = _by_id(
        PhoneNumber, account_id, [s.external_caller_id for s in settings.values() if s is not None]
    )
    sip_accounts = _by_id(
        SipAccount, account_id, [m.sip_account_id for c in contacts for m in c.methods]
    )
    devices = device_counts(account_id, settings)

    def digits(row_id: int | None, rows: dict) -> str | None:
        return rows[row_id].number if row_id in rows else None

    return [
        {
            "id": c.id,
            "version": c.version,
            "first_name": c.first_name,
            "last_name": c.last_name,
            "full_name": c.full_name,
            "company": c.company,
            "job_title": c.job_title,
            "show_in_directory": c.show_in_directory,
            "numbers": [
                {
                    "type": n.type,
                    "number": n.number,
                    "internal_number_id": n.internal_number_id,
                    "internal_number": digits(n.internal_number_id, internal),
                }
                for n in c.numbers
            ],
            "emails": [{"address": e.address, "label": e.label} for e in c.emails],
            "methods": [
                {"id": m.id, "kind": m.kind, "label": method_label(m, sip_accounts)}
                for m in c.methods
            ],
            "device_count": devices.get(c.id, 0),
            "internal_caller_id": digits(
                getattr(settings[c.id], "internal_caller_id", None), internal
            ),
            "external_caller_id": digits(
                getattr(settings[c.id], "external_caller_id", None), phones
            ),
            "created_at": c.created_at,
        }
        for c in contacts
    ]


def describe_contact(account_id: int, contact: Contact) -> dict[str, Any]:
    return describe_contacts(account_id, [contact])[0]
