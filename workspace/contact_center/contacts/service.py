"""Contacts: search, create (with their call.center method), update, delete."""

from __future__ import annotations

import re

from sqlalchemy import exists, func, or_
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.contacts.refs import refuse_if_placed, resolve_at
from workspace.contact_center.listing import paged
from workspace.contact_center.numbers.models import InternalNumber
from workspace.extensions import db
from workspace.signals import announce_devices_may_change
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

SCALARS = ("first_name", "last_name", "company", "job_title", "show_in_directory")
_LOAD = (
    selectinload(Contact.numbers),
    selectinload(Contact.emails),
    selectinload(Contact.methods).selectinload(ContactMethod.call_center),
)


def _like(text: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def _matches(term: str):
    """One search term against names, company, emails and numbers (digits of formatted ones)."""
    like = _like(term)
    digits = re.sub(r"\D", "", term)
    number_like = _like(digits) if digits else like
    in_numbers = exists().where(
        ContactNumber.contact_id == Contact.id,
        or_(
            ContactNumber.number.like(number_like, escape="\\"),
            exists().where(
                InternalNumber.id == ContactNumber.internal_number_id,
                InternalNumber.number.like(number_like, escape="\\"),
            ),
        ),
    )
    in_emails = exists().where(
        ContactEmail.contact_id == Contact.id, ContactEmail.address.ilike(like, escape="\\")
    )
    fields = (Contact.first_name, Contact.last_name, Contact.company, Contact.job_title)
    return or_(*(f.ilike(like, escape="\\") for f in fields), in_emails, in_numbers)


def list_contacts(
    account_id: int, *, q: str | None = None, page: int = 1, per_page: int = 50
) -> tuple[list[Contact], int]:
    """A page of contacts by last and first name; every word of q must match somewhere."""
    stmt = scoped(Contact, account_id)
    # Control characters (a NUL breaks PostgreSQL text) separate words like spaces do.
    for term in re.sub(r"[\x00-\x1f\x7f]", " ", q or "").split():
        stmt = stmt.where(_matches(term))
    stmt = stmt.order_by(func.lower(Contact.last_name), func.lower(Contact.first_name), Contact.id)
    return paged(stmt, page=page, per_page=per_page, options=_LOAD)


def get_contact(account_id: int, contact_id: int) -> Contact:
    return get_owned(Contact, contact_id, account_id)


def _resolve_numbers(account_id: int, numbers: list[dict]) -> None:
    """404 naming numbers.<i>.internal_number_id for an id outside the account."""
    for index, item in enumerate(numbers):
        if item["type"] == "internal":
            path = f"numbers.{index}.internal_number_id"
            resolve_at(InternalNumber, item["internal_number_id"], account_id, path)


def _number_rows(numbers: list[dict]) -> list[ContactNumber]:
    return [
        ContactNumber(
            position=i,
            type=n["type"],
            number=n["number"],
            internal_number_id=n["internal_number_id"] if n["type"] == "internal" else None,
        )
        for i, n in enumerate(numbers)
    ]


def _email_rows(emails: list[dict]) -> list[ContactEmail]:
    return [
        ContactEmail(position=i, address=e["address"], label=e["label"])
        for i, e in enumerate(emails)
    ]


def add_contact(account_id: int, data: dict) -> Contact:
    """Validate and add a contact with its call.center method, flushed but not committed.

    For callers that build more in the same transaction (the setup wizard); `data` is what
    ContactCreateSchema loads (company, job_title, show_in_directory, numbers may be left out).
    """
    numbers = data.get("numbers", [])
    _resolve_numbers(account_id, numbers)
    contact = Contact(
        account_id=account_id,
        first_name=data["first_name"],
        last_name=data["last_name"],
        company=data.get("company", ""),
        job_title=data.get("job_title", ""),
        show_in_directory=data.get("show_in_directory", True),
    )
    contact.numbers = _number_rows(numbers)
    contact.emails = _email_rows(data["emails"])
    contact.methods = [
        ContactMethod(account_id=account_id, kind="call_center", call_center=CallCenterSettings())
    ]
    db.session.add(contact)
    db.session.flush()
    return contact


def create_contact(account_id: int, data: dict) -> Contact:
    """The contact, its numbers and emails, and its call.center method with default settings."""
    contact = add_contact(account_id, data)
    db.session.commit()
    announce_devices_may_change(account_id, "contact")  # the company directory may have a new entry
    return contact


def update_contact(account_id: int, contact_id: int, data: dict, expected_version: int) -> Contact:
    contact = get_contact(account_id, contact_id)
    check_version(contact, expected_version)
    if "numbers" in data:
        _resolve_numbers(account_id, data["numbers"])
    # One flush at commit, so one UPDATE and one version step (a lazy load would autoflush).
    with db.session.no_autoflush:
        for key in SCALARS:
            if key in data:
                setattr(contact, key, data[key])
        if "numbers" in data:
            contact.numbers = _number_rows(data["numbers"])
        if "emails" in data:
            contact.emails = _email_rows(data["emails"])
        if data:
            # Numbers and emails live in other tables: the contact's version must still move.
            flag_modified(contact, "first_name")
    db.session.commit()
    announce_devices_may_change(account_id, "contact")  # directory entry, caller ID name
    return contact


def delete_contact(account_id: int, contact_id: int, expected_version: int) -> None:
    """Deletes its methods, settings and devices too; refused while the workspace uses it."""
    contact = get_contact(account_id, contact_id)
    check_version(contact, expected_version)
    refuse_if_placed(account_id, [m.id for m in contact.methods], f"Contact {contact.full_name}")
    db.session.delete(contact)
    db.session.commit()
    announce_devices_may_change(account_id, "contact")  # the company directory loses an entry
