"""/api/v1/devices/{id}/activation: the Activation Instructions page of a device."""

from __future__ import annotations

from flask import Response
from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.devices import activation_schemas as schemas
from workspace.contact_center.devices import activation_service as service
from workspace.extensions import limiter
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "device_activation",
    __name__,
    url_prefix="/api/v1/devices",
    description="Device activation",
)
protect(blp)

# The code is a credential: no cache (nosniff is on every answer: workspace.security_headers).
_NO_STORE = {"Cache-Control": "no-store"}


def _account_key() -> str:
    return f"activation-mail:{current_account_id()}"


@blp.get("/<int:device_id>/activation")
@blp.response(200, schemas.DeviceActivationSchema)
def get_activation(device_id: int):
    """Activation instructions: the code (until sent or used), links, the contact's emails."""
    device, view = service.activation_view(current_account_id(), device_id)
    set_etag(device)
    return view, 200, _NO_STORE


@blp.get("/<int:device_id>/activation/qr.svg")
@blp.response(200, content_type="image/svg+xml")
def get_activation_qr_svg(device_id: int):
    """QR code of the Click to Activate link (409 once the code is hidden)."""
    image = service.qr_image(current_account_id(), device_id, "svg")
    return Response(image, mimetype="image/svg+xml", headers=_NO_STORE)


@blp.get("/<int:device_id>/activation/qr.png")
@blp.response(200, content_type="image/png")
def get_activation_qr_png(device_id: int):
    """The same QR code as a PNG."""
    image = service.qr_image(current_account_id(), device_id, "png")
    return Response(image, mimetype="image/png", headers=_NO_STORE)


@blp.post("/<int:device_id>/activation/send")
@limiter.limit("30 per hour", key_func=_account_key)
@blp.arguments(schemas.DeviceActivationSendSchema)
@blp.response(200, schemas.DeviceActivationSchema)
def send_instructions(data, device_id: int):
    """Email the instructions to one of the contact's addresses; the code is then hidden."""
    device, view = service.send_instructions(current_account_id(), device_id, data["email"])
    set_etag(device)
    return view, 200, _NO_STORE


@blp.post("/<int:device_id>/activation/reset")
@needs_if_match
@blp.response(200, schemas.DeviceActivationSchema)
def reset_activation(device_id: int):
    """A new code; an activated device is deactivated and its token stops working (If-Match)."""
    expected = if_match()
    device, view = service.reset_activation(current_account_id(), device_id, expected)
    set_etag(device)
    return view, 200, _NO_STORE
