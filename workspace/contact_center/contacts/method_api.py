"""/api/v1/contacts/{id}/methods and /api/v1/contacts/{id}/call-center."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.contacts import call_center_service, method_service
from workspace.contact_center.contacts.call_center_schemas import (
    CallCenterSchema,
    CallCenterUpdateSchema,
)
from workspace.contact_center.contacts.method_schemas import (
    ContactMethodCreateSchema,
    ContactMethodListSchema,
    ContactMethodSchema,
    ContactMethodUpdateSchema,
)
from workspace.contact_center.contacts.present import describe_methods
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "contact_methods",
    __name__,
    url_prefix="/api/v1/contacts",
    description="How a contact is reached, and the call.center settings",
)
protect(blp)


def _one(account_id: int, method) -> dict:
    set_etag(method)
    return describe_methods(account_id, [method])[0]


@blp.get("/<int:contact_id>/methods")
@blp.response(200, ContactMethodListSchema)
def list_methods(contact_id: int):
    """The contact's methods: call.center first, then SIP accounts and phones."""
    account_id = current_account_id()
    methods = method_service.list_methods(account_id, contact_id)
    return {"items": describe_methods(account_id, methods), "total": len(methods)}


@blp.post("/<int:contact_id>/methods")
@blp.arguments(ContactMethodCreateSchema)
@blp.response(201, ContactMethodSchema)
def create_method(data, contact_id: int):
    """Add a SIP account or phone (landline/mobile) method to the contact."""
    account_id = current_account_id()
    return _one(account_id, method_service.create_method(account_id, contact_id, data))


@blp.get("/<int:contact_id>/methods/<int:method_id>")
@blp.response(200, ContactMethodSchema)
def get_method(contact_id: int, method_id: int):
    """One contact method."""
    account_id = current_account_id()
    return _one(account_id, method_service.get_method(account_id, contact_id, method_id))


@blp.patch("/<int:contact_id>/methods/<int:method_id>")
@needs_if_match
@blp.arguments(ContactMethodUpdateSchema)
@blp.response(200, ContactMethodSchema)
def update_method(data, contact_id: int, method_id: int):
    """Change a SIP account or phone method (If-Match)."""
    account_id = current_account_id()
    method = method_service.update_method(account_id, contact_id, method_id, data, if_match())
    return _one(account_id, method)


@blp.delete("/<int:contact_id>/methods/<int:method_id>")
@needs_if_match
@blp.response(204)
def delete_method(contact_id: int, method_id: int):
    """Delete a SIP account or phone method; the call.center method stays (If-Match)."""
    method_service.delete_method(current_account_id(), contact_id, method_id, if_match())


@blp.get("/<int:contact_id>/call-center")
@blp.response(200, CallCenterSchema)
def get_call_center(contact_id: int):
    """The call.center settings: caller IDs, outbound calling, recording, announcements."""
    account_id = current_account_id()
    contact, method = call_center_service.get_call_center(account_id, contact_id)
    set_etag(method)
    return call_center_service.describe_call_center(account_id, contact, method)


@blp.patch("/<int:contact_id>/call-center")
@needs_if_match
@blp.arguments(CallCenterUpdateSchema)
@blp.response(200, CallCenterSchema)
def update_call_center(data, contact_id: int):
    """Change the call.center settings (If-Match: the call.center method's ETag)."""
    account_id = current_account_id()
    contact, method = call_center_service.update_call_center(
        account_id, contact_id, data, if_match()
    )
    set_etag(method)
    return call_center_service.describe_call_center(account_id, contact, method)
