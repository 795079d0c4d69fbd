"""After a change that may alter devices' configs: recompute their hashes, tell who moved.

Called for an account by the recompute worker (workspace.device_api.recompute) after a
service announced ``devices_may_change`` (a publish, a rollback, an edit of a SIP account,
provider, number, feature code, call.center settings, contact or device). For each
activated device whose hash moved it stores the new hash, marks the device "pending_update"
while that differs from the config it last fetched (and clears the mark when a change is
undone), commits, and only then emits ``config.changed`` to the device on
/device and ``device.status`` to the portal on /workspace. A device whose config stayed
the same hears nothing.

The writes are UPDATE statements, not ORM attribute changes: the device's version is the
admin's optimistic lock for name and lines, and a background recompute must not make an
admin's next save fail with 412.
"""

from __future__ import annotations

import logging

from sqlalchemy import bindparam
from sqlalchemy.orm import selectinload

from workspace.contact_center.devices.models import Device
from workspace.contact_center.devices.status_events import emit_device_status
from workspace.database import reads_only
from workspace.device_api.config import build_device_configs
from workspace.device_api.sockets import emit_config_changed
from workspace.extensions import db
from workspace.tenancy import scoped

log = logging.getLogger(__name__)

__all__ = ["refresh_config_hashes", "pending_sub_status"]

PENDING = "pending_update"


def pending_sub_status(current: str | None, config_hash: str, fetched: str | None) -> str | None:
    """The sub-status once the config hash is `config_hash`.

    >>> pending_sub_status(None, "b", "a"), pending_sub_status("pending_update", "a", "a")
    ('pending_update', None)
    >>> pending_sub_status("instructions_sent", "a", "a")
    'instructions_sent'
    """
    if config_hash != fetched:
        return PENDING
    return None if current == PENDING else current


def refresh_config_hashes(account_id: int) -> list[int]:
    """Recompute the config hash of the account's activated devices; returns the ids of those
    that moved.

    Never raises: the caller's change is committed already, and a failed recompute is
    repaired by the next one (or by the device's next GET /config, which stores the hash).
    """
    try:
        moved = _recompute(account_id)
    except Exception:
        log.exception("config hashes of account %s not refreshed", account_id)
        db.session.rollback()
        return []
    for device_id, etag, _ in moved:
        try:
            emit_config_changed(device_id, etag)
        except Exception:
            log.exception("config.changed for device %s not sent", device_id)
    with reads_only():
        # One query for the devices whose sub-status moved (the portal shows it), not a
        # lookup per moved device: a publish can move thousands.
        status_ids = [device_id for device_id, _, status_moved in moved if status_moved]
        for device in db.session.execute(
            db.select(Device).where(Device.id.in_(status_ids)).order_by(Device.id)
        ).scalars():
            emit_device_status(device)
        db.session.rollback()  # end the read: nothing of this thread holds a transaction
    return [device_id for device_id, _, _ in moved]


def _recompute(account_id: int) -> list[tuple[int, str, bool]]:
    """(device id, new hash, whether its sub-status moved too) for each device whose hash
    moved.

    Computed in a read transaction (deferred on SQLite: at 8,000 devices building the configs
    takes seconds, and a write transaction would hold the one write lock that every login and
    edit waits on, up to a 500 when it outlasts the busy timeout). The moves are then written
    in a short transaction of their own. A change committed in between queues the account
    again (devices_may_change), so the next recompute stores its hashes.
    """
    with reads_only():
        devices = list(
            db.session.execute(
                scoped(Device, account_id)
                .where(Device.token_hash.is_not(None))
                .order_by(Device.id)
                .options(selectinload(Device.sip_links))
            ).scalars()
        )
        configs = build_device_configs(account_id, devices, with_secrets=False)
        updates, status_moved = [], []
        for device in devices:
            etag = configs[device.id]["etag"]
            if etag == device.config_hash:
                continue
            sub_status = pending_sub_status(device.sub_status, etag, device.fetched_config_hash)
            updates.append({"row_id": device.id, "config_hash": etag, "sub_status": sub_status})
            status_moved.append(sub_status != device.sub_status)
        db.session.rollback()
    if updates:
        table = Device.__table__
        db.session.execute(
            table.update()
            .where(table.c.id == bindparam("row_id"))
            .values(config_hash=bindparam("config_hash"), sub_status=bindparam("sub_status")),
            updates,
        )
        db.session.commit()
    return [
        (row["row_id"], row["config_hash"], moved)
        for row, moved in zip(updates, status_moved, strict=True)
    ]
