"""The /workspace "device.status" event: portals see a device's status change live.

Sent to the account's room after the change is committed (activation, heartbeats, sending
instructions, resets), so a rolled-back change announces nothing. The payload carries the
device's version, so a client ignores an older one (status changes from heartbeats do not
bump the version, so an equal version applies):

    {"device": {"id", "status", "sub_status", "app_version", "last_seen_at", "version"}}

Never a code, token or hash.
"""

from __future__ import annotations

import logging
from typing import Any

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.contact_center.devices.liveness import device_status
from workspace.contact_center.devices.models import Device
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)

__all__ = ["EVENT", "device_status_payload", "emit_device_status"]

EVENT = "device.status"


def device_status_payload(device: Device) -> dict[str, Any]:
    last_seen = device.last_seen_at
    return {
        "device": {
            "id": device.id,
            "status": device_status(device),
            "sub_status": device.sub_status,
            "app_version": device.app_version,
            "last_seen_at": last_seen.isoformat() if last_seen else None,
            "version": device.version,
        }
    }


def emit_device_status(device: Device) -> None:
    """Tell the device's account about its status. Call after db.session.commit()."""
    try:
        socketio.emit(
            EVENT,
            device_status_payload(device),
            namespace=NAMESPACE,
            to=account_room(device.account_id),
        )
    except Exception:  # the change is committed: a lost notice must not fail the request
        log.exception("device.status for device %s not sent", device.id)
        db.session.rollback()  # leave no failed read transaction to the response
