"""/api/v1/providers: SIP service providers (the built-in phone.systems one and others)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.providers import schemas, service
from workspace.schemas import PagingSchema
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "providers", __name__, url_prefix="/api/v1/providers", description="SIP service providers"
)
protect(blp)


@blp.get("")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, schemas.ProviderListSchema)
def list_providers(args):
    """List service providers with their SIP account counts."""
    items, total = service.list_providers(current_account_id(), **args)
    return {"items": items, "total": total}


@blp.post("")
@blp.arguments(schemas.ProviderCreateSchema)
@blp.response(201, schemas.ProviderSchema)
def create_provider(data):
    """Add a service provider."""
    row = service.create_provider(current_account_id(), data)
    set_etag(row)
    return row


@blp.get("/<int:provider_id>")
@blp.response(200, schemas.ProviderSchema)
def get_provider(provider_id: int):
    """One service provider."""
    row = service.get_provider(current_account_id(), provider_id)
    set_etag(row)
    return row


@blp.patch("/<int:provider_id>")
@needs_if_match
@blp.arguments(schemas.ProviderUpdateSchema)
@blp.response(200, schemas.ProviderSchema)
def update_provider(data, provider_id: int):
    """Change a service provider (the built-in provider's server is fixed)."""
    expected = if_match()
    row = service.update_provider(current_account_id(), provider_id, data, expected)
    set_etag(row)
    return row


@blp.delete("/<int:provider_id>")
@needs_if_match
@blp.response(204)
def delete_provider(provider_id: int):
    """Delete a service provider without SIP accounts (never the built-in one)."""
    service.delete_provider(current_account_id(), provider_id, if_match())
