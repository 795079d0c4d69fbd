"""/api/v1/devices: the contacts' call.center softphones and their SIP accounts."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.devices import schemas, service
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint("devices", __name__, url_prefix="/api/v1/devices", description="Devices")
protect(blp)


@blp.get("")
@blp.arguments(schemas.DeviceListArgsSchema, location="query")
@blp.response(200, schemas.DeviceListSchema)
def list_devices(args):
    """Devices of the account, by name; ?contact_id= for one contact's devices."""
    return service.list_devices(current_account_id(), **args)


@blp.post("")
@blp.arguments(schemas.DeviceCreateSchema)
@blp.response(201, schemas.DeviceSchema)
def create_device(data):
    """Add a device to a contact, on 1 to 4 SIP accounts; it starts not activated."""
    device = service.create_device(current_account_id(), data)
    set_etag(device)
    return service.describe_device(device)


@blp.get("/<int:device_id>")
@blp.response(200, schemas.DeviceSchema)
def get_device(device_id: int):
    """One device with its contact and SIP accounts."""
    device = service.get_device(current_account_id(), device_id)
    set_etag(device)
    return service.describe_device(device)


@blp.patch("/<int:device_id>")
@needs_if_match
@blp.arguments(schemas.DeviceUpdateSchema)
@blp.response(200, schemas.DeviceSchema)
def update_device(data, device_id: int):
    """Rename a device or change its SIP accounts (If-Match)."""
    expected = if_match()
    device = service.update_device(current_account_id(), device_id, data, expected)
    set_etag(device)
    return service.describe_device(device)


@blp.delete("/<int:device_id>")
@needs_if_match
@blp.response(204)
def delete_device(device_id: int):
    """Delete a device (If-Match)."""
    expected = if_match()
    service.delete_device(current_account_id(), device_id, expected)


@blp.post("/<int:device_id>/move")
@needs_if_match
@blp.arguments(schemas.DeviceMoveSchema)
@blp.response(200, schemas.DeviceSchema)
def move_device(data, device_id: int):
    """Move a device to another contact, keeping its SIP accounts and activation (If-Match)."""
    expected = if_match()
    device = service.move_device(current_account_id(), device_id, data["contact_id"], expected)
    set_etag(device)
    return service.describe_device(device)
