"""/api/v1/delivery-methods: where call recordings are delivered (configuration only)."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import fields

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.delivery_methods import schemas, service
from workspace.extensions import limiter
from workspace.schemas import BaseSchema, PagingSchema
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "delivery_methods",
    __name__,
    url_prefix="/api/v1/delivery-methods",
    description="Delivery methods for call recordings",
)
protect(blp)


@blp.get("")
@blp.arguments(PagingSchema, location="query")
@blp.response(200, schemas.DeliveryMethodListSchema)
def list_delivery_methods(args):
    """Delivery methods of the account, by name."""
    return service.list_delivery_methods(current_account_id(), **args)


@blp.post("")
@blp.arguments(schemas.DeliveryMethodCreateSchema)
@blp.response(201, schemas.DeliveryMethodSchema)
def create_delivery_method(data):
    """Add a delivery method (email, ftp, sftp, dropbox, google_drive or onedrive)."""
    row = service.create_delivery_method(current_account_id(), data)
    set_etag(row)
    return row


@blp.get("/<int:method_id>")
@blp.response(200, schemas.DeliveryMethodSchema)
def get_delivery_method(method_id: int):
    """One delivery method; secrets are listed by name only."""
    row = service.get_delivery_method(current_account_id(), method_id)
    set_etag(row)
    return row


@blp.patch("/<int:method_id>")
@needs_if_match
@blp.arguments(schemas.DeliveryMethodUpdateSchema)
@blp.response(200, schemas.DeliveryMethodSchema)
def update_delivery_method(data, method_id: int):
    """Change name or settings; omit a secret to keep it, send null to clear it."""
    row = service.update_delivery_method(current_account_id(), method_id, data, if_match())
    set_etag(row)
    return row


@blp.delete("/<int:method_id>")
@needs_if_match
@blp.response(204)
def delete_delivery_method(method_id: int):
    """Delete a delivery method that no call.center settings use."""
    service.delete_delivery_method(current_account_id(), method_id, if_match())


class ConnectionTestSchema(BaseSchema):
    ok = fields.Boolean(
        metadata={"description": "True when the test file was written and removed."}
    )
    kind = fields.String(
        allow_none=True,
        metadata={
            "description": "When ok is false: dns, refused, timeout, login, permission, quota, "
            "size, host_not_allowed, host_key, rate_limited, protocol or server."
        },
    )
    message = fields.String(metadata={"description": "What happened, for the admin; no secrets."})
    retry = fields.Boolean(
        allow_none=True,
        metadata={"description": "When ok is false: whether a later delivery may succeed as is."},
    )
    step = fields.String(
        allow_none=True,
        metadata={
            "description": "When ok is false: the step that failed (DNS, connect, TLS, login, "
            "folder, write), or null when the far end's answer does not say."
        },
    )


@blp.post("/test")
@limiter.limit(lambda: current_app.config.get("DELIVERY_TEST_RATE_LIMIT", "20 per minute"))
@blp.arguments(schemas.DeliveryMethodCreateSchema)
@blp.response(200, ConnectionTestSchema)
def check_unsaved(data):
    """Test connection with values not saved yet (the form as typed); nothing is stored."""
    return service.check_delivery_values(data)


@blp.post("/<int:method_id>/test")
@limiter.limit(lambda: current_app.config.get("DELIVERY_TEST_RATE_LIMIT", "20 per minute"))
@blp.arguments(schemas.DeliveryMethodTestSchema)
@blp.response(200, ConnectionTestSchema)
def check_connection(data, method_id: int):
    """Test connection: write a tiny file, then remove it, with the values as typed.

    The body (optional) holds the form's name and settings as typed, over the saved ones (an
    omitted secret is the saved one); nothing is saved. Always 200 once the test ran: `ok`
    says whether it worked; when not, `kind`, `step` and `message` say why.
    """
    return service.check_delivery_method(current_account_id(), method_id, data)
