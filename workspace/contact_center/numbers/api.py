"""/api/v1/numbers: the inventory of phone numbers (/phone) and internal numbers (/internal)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.numbers import schemas, service
from workspace.schemas import PagingSchema
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "numbers", __name__, url_prefix="/api/v1/numbers", description="Phone and internal numbers"
)
protect(blp)


@blp.get("/phone")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, schemas.PhoneNumberListSchema)
def list_phone_numbers(args):
    """List the account's phone numbers (E.164)."""
    items, total = service.list_numbers(current_account_id(), "phone", **args)
    return {"items": items, "total": total}


@blp.post("/phone")
@blp.arguments(schemas.PhoneNumberCreateSchema)
@blp.response(201, schemas.PhoneNumberSchema)
def create_phone_number(data):
    """Add a phone number in international format; it is stored as E.164."""
    row = service.create_number(current_account_id(), "phone", data)
    set_etag(row)
    return row


@blp.get("/phone/<int:number_id>")
@blp.response(200, schemas.PhoneNumberSchema)
def get_phone_number(number_id: int):
    """One phone number."""
    row = service.get_number(current_account_id(), "phone", number_id)
    set_etag(row)
    return row


@blp.patch("/phone/<int:number_id>")
@needs_if_match
@blp.arguments(schemas.PhoneNumberUpdateSchema)
@blp.response(200, schemas.PhoneNumberSchema)
def update_phone_number(data, number_id: int):
    """Change a phone number or its label."""
    expected = if_match()
    row = service.update_number(current_account_id(), "phone", number_id, data, expected)
    set_etag(row)
    return row


@blp.delete("/phone/<int:number_id>")
@needs_if_match
@blp.response(204)
def delete_phone_number(number_id: int):
    """Delete a phone number that nothing uses."""
    service.delete_number(current_account_id(), "phone", number_id, if_match())


@blp.get("/internal")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, schemas.InternalNumberListSchema)
def list_internal_numbers(args):
    """List the account's internal numbers (extensions)."""
    items, total = service.list_numbers(current_account_id(), "internal", **args)
    return {"items": items, "total": total}


@blp.post("/internal")
@blp.arguments(schemas.InternalNumberCreateSchema)
@blp.response(201, schemas.InternalNumberSchema)
def create_internal_number(data):
    """Add an internal number of 1 to 6 digits."""
    row = service.create_number(current_account_id(), "internal", data)
    set_etag(row)
    return row


@blp.get("/internal/<int:number_id>")
@blp.response(200, schemas.InternalNumberSchema)
def get_internal_number(number_id: int):
    """One internal number."""
    row = service.get_number(current_account_id(), "internal", number_id)
    set_etag(row)
    return row


@blp.patch("/internal/<int:number_id>")
@needs_if_match
@blp.arguments(schemas.InternalNumberUpdateSchema)
@blp.response(200, schemas.InternalNumberSchema)
def update_internal_number(data, number_id: int):
    """Change an internal number or its label."""
    expected = if_match()
    row = service.update_number(current_account_id(), "internal", number_id, data, expected)
    set_etag(row)
    return row


@blp.delete("/internal/<int:number_id>")
@needs_if_match
@blp.response(204)
def delete_internal_number(number_id: int):
    """Delete an internal number that nothing uses."""
    service.delete_number(current_account_id(), "internal", number_id, if_match())
