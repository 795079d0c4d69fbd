"""Device tokens: who a device-API request comes from.

A token is 256 bits from the CSPRNG handed out once at activation; only its SHA-256 is
stored (``Device.token_hash``). Resetting a device's activation clears the hash, so the
old token fails on its very next request. Every failure (no header, malformed, unknown,
reset) answers the same 401, so a caller learns nothing about which it was.
"""

from __future__ import annotations

from flask import g, request

from workspace.contact_center.devices.models import Device
from workspace.errors import Unauthorized
from workspace.extensions import db
from workspace.security import hash_token, new_token

INVALID = "The device is not activated or its token is no longer valid: activate it again."
MAX_TOKEN_LENGTH = 200


def new_device_token() -> tuple[str, str]:
    """(token, its hash): for writers that store the hash with an UPDATE statement."""
    token = new_token(32)
    return token, hash_token(token)


def issue_token(device: Device) -> str:
    """A new token for `device` (replacing any earlier one). The caller commits."""
    token, device.token_hash = new_device_token()
    return token


def device_for_token(token: str | None) -> Device | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return db.session.execute(
        db.select(Device).where(Device.token_hash == hash_token(token))
    ).scalar_one_or_none()


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def current_device() -> Device:
    """The device the request's bearer token belongs to, or the one 401."""
    if "device" in g:
        return g.device
    device = device_for_token(bearer_token())
    if device is None:
        raise Unauthorized(INVALID)
    g.device = device
    return device
