"""/api/v1/sip-accounts: SIP accounts at the service providers (passwords are write-only)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.providers import sip_schemas as schemas
from workspace.contact_center.providers import sip_service as service
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "sip_accounts", __name__, url_prefix="/api/v1/sip-accounts", description="SIP accounts"
)
protect(blp)


@blp.get("")
@blp.arguments(schemas.SipAccountQuerySchema, location="query")
@blp.response(200, schemas.SipAccountListSchema)
def list_sip_accounts(args):
    """List SIP accounts, optionally of one provider (?provider_id=)."""
    items, total = service.list_sip_accounts(current_account_id(), **args)
    return {"items": items, "total": total}


@blp.post("")
@blp.arguments(schemas.SipAccountCreateSchema)
@blp.response(201, schemas.SipAccountSchema)
def create_sip_account(data):
    """Add a SIP account to a service provider."""
    row = service.create_sip_account(current_account_id(), data)
    set_etag(row)
    return row


@blp.get("/<int:sip_account_id>")
@blp.response(200, schemas.SipAccountSchema)
def get_sip_account(sip_account_id: int):
    """One SIP account, with its status and the devices it is assigned to."""
    row = service.get_sip_account(current_account_id(), sip_account_id)
    set_etag(row)
    return row


@blp.patch("/<int:sip_account_id>")
@needs_if_match
@blp.arguments(schemas.SipAccountUpdateSchema)
@blp.response(200, schemas.SipAccountSchema)
def update_sip_account(data, sip_account_id: int):
    """Change a SIP account; a password sent replaces the stored one."""
    expected = if_match()
    row = service.update_sip_account(current_account_id(), sip_account_id, data, expected)
    set_etag(row)
    return row


@blp.delete("/<int:sip_account_id>")
@needs_if_match
@blp.response(204)
def delete_sip_account(sip_account_id: int):
    """Delete a SIP account that no device or contact method uses."""
    service.delete_sip_account(current_account_id(), sip_account_id, if_match())
