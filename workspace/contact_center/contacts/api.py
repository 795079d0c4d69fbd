"""/api/v1/contacts: the people and departments calls are routed to."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.contacts import present, service
from workspace.contact_center.contacts.schemas import (
    ContactCreateSchema,
    ContactListSchema,
    ContactSchema,
    ContactUpdateSchema,
)
from workspace.schemas import PagingSchema
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "contacts", __name__, url_prefix="/api/v1/contacts", description="Contacts and their details"
)
protect(blp)


@blp.get("")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, ContactListSchema)
def list_contacts(args):
    """Contacts by name; q searches names, company, job title, emails and numbers."""
    account_id = current_account_id()
    rows, total = service.list_contacts(account_id, **args)
    return {"items": present.describe_contacts(account_id, rows), "total": total}


@blp.post("")
@blp.arguments(ContactCreateSchema)
@blp.response(201, ContactSchema)
def create_contact(data):
    """Create a contact; its call.center contact method is created with it."""
    account_id = current_account_id()
    contact = service.create_contact(account_id, data)
    set_etag(contact)
    return present.describe_contact(account_id, contact)


@blp.get("/<int:contact_id>")
@blp.response(200, ContactSchema)
def get_contact(contact_id: int):
    """A contact with its numbers, emails, contact methods, devices and caller IDs."""
    account_id = current_account_id()
    contact = service.get_contact(account_id, contact_id)
    set_etag(contact)
    return present.describe_contact(account_id, contact)


@blp.patch("/<int:contact_id>")
@needs_if_match
@blp.arguments(ContactUpdateSchema)
@blp.response(200, ContactSchema)
def update_contact(data, contact_id: int):
    """Change a contact; numbers and emails, when given, replace the lists (If-Match)."""
    account_id = current_account_id()
    contact = service.update_contact(account_id, contact_id, data, if_match())
    set_etag(contact)
    return present.describe_contact(account_id, contact)


@blp.delete("/<int:contact_id>")
@needs_if_match
@blp.response(204)
def delete_contact(contact_id: int):
    """Delete a contact with its contact methods and devices (If-Match)."""
    service.delete_contact(current_account_id(), contact_id, if_match())
