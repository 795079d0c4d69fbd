"""The company directory: the account's contacts shown in it, as one versioned document.

The version is a sha256 of the canonical JSON of the entries, so it changes exactly when
the content does and needs no bookkeeping. The admin API serves it at /api/v1/directory and
the device API reuses `directory_document` for the softphones' Company Directory tab.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from workspace.contact_center.contacts.models import Contact, ContactEmail, ContactNumber
from workspace.contact_center.numbers.models import InternalNumber
from workspace.extensions import db

__all__ = ["directory_document", "directory_version"]


def directory_version(contacts: list[dict[str, Any]]) -> str:
    """sha256 of the canonical JSON (sorted keys, no whitespace, UTF-8) of the entries.

    orjson writes the same text as ``json.dumps(contacts, sort_keys=True, separators=(",",
    ":"), ensure_ascii=False)`` for these entries (strings, integers, null), so versions
    stay what they were, about ten times faster: every publish and validation reads it.
    """
    canonical = orjson.dumps(contacts, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(canonical).hexdigest()


def directory_document(account_id: int) -> dict[str, Any]:
    """{"version": "<sha256 hex>", "contacts": [...]}: contacts with show_in_directory.

    Entries are sorted by last name, then first name (case-insensitive), then id, in Python
    so that SQLite and PostgreSQL collations give the same order and the same version. Each
    entry: id, first_name, last_name, company, job_title, numbers [{type, number}] (E.164,
    or the digits of an internal number) and emails [{address, label}], each list in its
    position order.

    Read as columns, three queries, no ORM objects: every publish reads the version (it is
    in the devices' settings), and an account may list thousands of contacts.
    """
    shown = (Contact.account_id == account_id) & Contact.show_in_directory.is_(True)
    contacts = db.session.execute(
        db.select(
            Contact.id, Contact.first_name, Contact.last_name, Contact.company, Contact.job_title
        ).where(shown)
    ).all()
    numbers: dict[int, list[dict[str, Any]]] = {}
    rows = db.session.execute(
        db.select(
            ContactNumber.contact_id,
            ContactNumber.type,
            ContactNumber.number,
            InternalNumber.number,
        )
        .join(Contact, Contact.id == ContactNumber.contact_id)
        .outerjoin(
            InternalNumber,
            (InternalNumber.id == ContactNumber.internal_number_id)
            & (InternalNumber.account_id == account_id),
        )
        .where(shown)
        .order_by(ContactNumber.contact_id, ContactNumber.position, ContactNumber.id)
    )
    for contact, kind, number, digits in rows:
        numbers.setdefault(contact, []).append(
            {"type": kind, "number": digits if kind == "internal" else number}
        )
    emails: dict[int, list[dict[str, Any]]] = {}
    rows = db.session.execute(
        db.select(ContactEmail.contact_id, ContactEmail.address, ContactEmail.label)
        .join(Contact, Contact.id == ContactEmail.contact_id)
        .where(shown)
        .order_by(ContactEmail.contact_id, ContactEmail.position, ContactEmail.id)
    )
    for contact, address, label in rows:
        emails.setdefault(contact, []).append({"address": address, "label": label})
    ordered = sorted(
        contacts, key=lambda c: (c.last_name.casefold(), c.first_name.casefold(), c.id)
    )
    entries = [
        {
            "id": c.id,
            "first_name": c.first_name,
            "last_name": c.last_name,
            "company": c.company,
            "job_title": c.job_title,
            "numbers": numbers.get(c.id, []),
            "emails": emails.get(c.id, []),
        }
        for c in ordered
    ]
    return {"version": directory_version(entries), "contacts": entries}
