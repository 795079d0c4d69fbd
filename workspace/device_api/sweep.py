"""Store "offline" for devices whose heartbeats stopped, and tell their portals.

Readers already show a silent device offline (workspace.contact_center.devices.liveness), so this is
not needed for correctness; it exists so an open portal hears a ``device.status`` event the
moment a phone drops off, instead of at its next reload. Run it now and then from any
process (a worker loop, a cron); several running at once are harmless: the UPDATE re-checks
the silence, so a heartbeat that lands meanwhile wins.
"""

from __future__ import annotations

from datetime import datetime

from workspace.contact_center.devices.liveness import offline_after
from workspace.contact_center.devices.models import Device
from workspace.contact_center.devices.status_events import emit_device_status
from workspace.database import utcnow
from workspace.extensions import db

__all__ = ["mark_silent_devices_offline"]


def mark_silent_devices_offline(now: datetime | None = None) -> list[Device]:
    """Devices stored "online" but silent past DEVICE_OFFLINE_AFTER become "offline".

    Returns them, after commit and after their device.status event went out. An UPDATE
    statement, so the device's version (the admin's optimistic lock) does not move.
    """
    cutoff = (now or utcnow()) - offline_after()
    silent = (Device.status == "online") & (
        Device.last_seen_at.is_(None) | (Device.last_seen_at < cutoff)
    )
    ids = list(db.session.execute(db.select(Device.id).where(silent)).scalars())
    if not ids:
        db.session.rollback()
        return []
    db.session.execute(
        db.update(Device)
        .where(Device.id.in_(ids), silent)
        .values(status="offline")
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    changed = list(
        db.session.execute(
            db.select(Device).where(Device.id.in_(ids), Device.status == "offline")
        ).scalars()
    )
    for device in changed:
        emit_device_status(device)
    return changed
