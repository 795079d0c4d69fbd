"""The company directory: the account's contacts shown in it, as one versioned document.

The version is a sha256 of the canonical JSON of the entries, so it changes exactly when
the content does and needs no bookkeeping. The admin API serves it at /api/v1/directory and
the device API reuses `directory_document` for the softphones' Company Directory tab.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import selectinload

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.numbers.models import InternalNumber
from workspace.extensions import db
from workspace.tenancy import scoped

__all__ = ["directory_document", "directory_version"]


def directory_version(contacts: list[dict[str, Any]]) -> str:
    """sha256 of the canonical JSON (sorted keys, no whitespace) of the entries."""
    canonical = json.dumps(contacts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def directory_document(account_id: int) -> dict[str, Any]:
    """{"version": "<sha256 hex>", "contacts": [...]}: contacts with show_in_directory.

    Entries are sorted by last name, then first name (case-insensitive), then id, in Python
    so that SQLite and PostgreSQL collations give the same order and the same version. Each
    entry: id, first_name, last_name, company, job_title, numbers [{type, number}] (E.164,
    or the digits of an internal number) and emails [{address, label}].
    """
    rows = db.session.execute(
        scoped(Contact, account_id)
        .where(Contact.show_in_directory.is_(True))
        .options(selectinload(Contact.numbers), selectinload(Contact.emails))
    ).scalars()
    contacts = sorted(rows, key=lambda c: (c.last_name.casefold(), c.first_name.casefold(), c.id))
    internal_ids = {n.internal_number_id for c in contacts for n in c.numbers} - {None}
    internal = db.session.execute(
        scoped(InternalNumber, account_id).where(InternalNumber.id.in_(internal_ids))
    ).scalars()
    digits = {row.id: row.number for row in internal}
    entries = [_entry(c, digits) for c in contacts]
    return {"version": directory_version(entries), "contacts": entries}


def _entry(contact: Contact, digits: dict[int, str]) -> dict[str, Any]:
    def number(n) -> str | None:
        return digits.get(n.internal_number_id) if n.type == "internal" else n.number

    return {
        "id": contact.id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "company": contact.company,
        "job_title": contact.job_title,
        "numbers": [{"type": n.type, "number": number(n)} for n in contact.numbers],
        "emails": [{"address": e.address, "label": e.label} for e in contact.emails],
    }
