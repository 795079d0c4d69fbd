"""What devices do: activate with a code, fetch their config, send heartbeats.

Writes to the devices table are UPDATE statements rather than ORM attribute changes, so
they do not step the device's version: that version is the admin's optimistic lock on the
name and lines, and a phone checking in must not make an admin's save fail with 412.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from limits import parse
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import ETags
from werkzeug.exceptions import TooManyRequests

from workspace.contact_center.contacts.directory import directory_document
from workspace.contact_center.devices.codes import code_hash
from workspace.contact_center.devices.liveness import device_status
from workspace.contact_center.devices.models import Device
from workspace.contact_center.devices.status_events import emit_device_status
from workspace.database import utcnow, writes_follow
from workspace.device_api.auth import MAX_TOKEN_LENGTH, new_device_token
from workspace.device_api.config import build_device_config
from workspace.device_api.refresh import pending_sub_status
from workspace.errors import FieldErrors, Unauthorized
from workspace.extensions import db, limiter
from workspace.security import hash_token

__all__ = [
    "activate_device",
    "device_config",
    "device_directory",
    "record_heartbeat",
    "unchanged_etag",
]

# One answer for every code that does not activate anything: unknown, used, reset or garbage.
INVALID_CODE = "This activation code is not valid. Ask your administrator for a new one."


def activate_device(code: Any, platform: str, app_version: str) -> tuple[str, Device, dict]:
    """Activate the device the code belongs to; returns (token, device, config with secrets).

    Single use: one UPDATE both checks that the code is still the device's and clears it,
    so two devices racing with one code cannot both win. The activation counts against the
    account's limit (`_check_account_limit`) before anything is written.
    """
    digest = code_hash(code) if isinstance(code, str) else None
    device = None
    if digest is not None:
        device = db.session.execute(
            db.select(Device)
            .where(Device.activation_code_hash == digest)
            .options(selectinload(Device.sip_links))
        ).scalar_one_or_none()
    if device is None:
        raise Unauthorized(INVALID_CODE)
    _check_account_limit(device.account_id)
    config = build_device_config(device, with_secrets=True)
    token, token_hash = new_device_token()
    now = utcnow()
    done = db.session.execute(
        db.update(Device)
        .where(Device.id == device.id, Device.activation_code_hash == digest)
        .values(
            token_hash=token_hash,
            activation_code_hash=None,
            activation_code_encrypted=None,  # the portal stops showing the code
            activated_at=now,
            status="online",
            sub_status=None,
            platform=platform,
            app_version=app_version,
            last_seen_at=now,
            fetched_config_hash=config["etag"],
            config_hash=config["etag"],
        )
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # another request used or reset the code meanwhile
        db.session.rollback()
        raise Unauthorized(INVALID_CODE)
    db.session.commit()
    emit_device_status(device)
    return token, device, config


def _check_account_limit(account_id: int) -> None:
    """Activations per account (DEVICE_ACTIVATE_ACCOUNT_RATE_LIMIT), counted on found codes.

    A wrong code belongs to no account, so failed guesses are bounded per address by the
    route's limit (DEVICE_ACTIVATE_RATE_LIMIT) and by the 60-bit code space. This limit
    bounds what a leaked batch of an account's codes (say, a forwarded mail) can activate
    in a burst. A refused activation consumes nothing: the code still works later.
    """
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    config = current_app.config
    item = parse(config["DEVICE_ACTIVATE_ACCOUNT_RATE_LIMIT"])
    # The prefix keeps deployments (and test runs) sharing one Redis apart, as the routes' are.
    key = (config.get("RATELIMIT_KEY_PREFIX") or "", "device-activate-account", str(account_id))
    if not limiter.limiter.hit(item, *key):
        raise TooManyRequests()


def unchanged_etag(token: str | None, if_none_match: ETags) -> str | None:
    """The poll's fast path: the stored config hash when If-None-Match names it, else None.

    Reads three columns of one row by the token's hash (no ORM object, no config built, no
    write), which is most of what a thousand polling devices cost. None sends the request
    down the ordinary path, which also answers unknown tokens with the one 401.
    """
    if not if_none_match or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    row = db.session.execute(
        db.select(Device.config_hash, Device.fetched_config_hash).where(
            Device.token_hash == hash_token(token)
        )
    ).first()
    if row is None or not row.config_hash or row.config_hash != row.fetched_config_hash:
        return None
    return row.config_hash if if_none_match.contains_weak(row.config_hash) else None


def device_config(device: Device, if_none_match: ETags) -> dict[str, Any] | None:
    """The device's config with its secrets, or None when If-None-Match names it (304).

    The common poll is answered before this by `unchanged_etag`. Here the config is built
    and the device recorded as having fetched it (clearing "pending_update"); the stored
    hash is corrected too, should an edit have missed its refresh.
    """
    config = build_device_config(device, with_secrets=True)
    etag = config["etag"]
    sub_status = pending_sub_status(device.sub_status, etag, etag)
    if (device.config_hash, device.fetched_config_hash, device.sub_status) != (
        etag,
        etag,
        sub_status,
    ):
        status_changed = sub_status != device.sub_status
        writes_follow()
        db.session.execute(
            db.update(Device)
            .where(Device.id == device.id)
            .values(config_hash=etag, fetched_config_hash=etag, sub_status=sub_status)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        if status_changed:
            emit_device_status(device)
    return None if if_none_match.contains_weak(etag) else config


def record_heartbeat(device: Device, app_version: str | None, lines: list[dict]) -> dict:
    """Record that the device is alive and which of its lines are registered.

    A line that is not one of this device's SIP accounts is refused (422) and nothing is
    written. Lines the heartbeat does not mention keep their last reported state.
    """
    links = {link.sip_account_id: link for link in device.sip_links}
    unknown = [line["sip_account"] for line in lines if line["sip_account"] not in links]
    if unknown:
        raise FieldErrors({"lines": f"SIP account {unknown[0]} is not a line of this device."})
    before = (device_status(device), device.sub_status, device.app_version)
    for line in lines:
        links[line["sip_account"]].registered = line["registered"]
    values: dict[str, Any] = {"last_seen_at": utcnow(), "status": "online"}
    if app_version is not None:
        values["app_version"] = app_version
    db.session.execute(
        db.update(Device)
        .where(Device.id == device.id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if ("online", device.sub_status, device.app_version) != before:
        emit_device_status(device)
    return {
        "status": "online",
        "pending_update": device.config_hash != device.fetched_config_hash,
        "config_etag": device.config_hash,
    }


def device_directory(device: Device) -> dict[str, Any]:
    return directory_document(device.account_id)
