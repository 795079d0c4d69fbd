"""Whether an activated device is online, judged when read rather than by a sweeper.

A device says it is alive with heartbeats (POST /device/v1/heartbeat). The stored status
stays "online" after the last one; a reader treats a device silent for longer than
DEVICE_OFFLINE_AFTER seconds as offline. Computing it on read needs no background job and
is right to the second on every process; nothing has to run for a device to go offline.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, has_app_context

from workspace.database import utcnow

DEFAULT_OFFLINE_AFTER = 120  # seconds; the setting DEVICE_OFFLINE_AFTER overrides it


def offline_after() -> timedelta:
    seconds = DEFAULT_OFFLINE_AFTER
    if has_app_context():
        seconds = current_app.config.get("DEVICE_OFFLINE_AFTER", DEFAULT_OFFLINE_AFTER)
    return timedelta(seconds=float(seconds))


def effective_status(
    status: str | None, last_seen_at: datetime | None, now: datetime | None = None
) -> str:
    """The status to show: a stored "online" turns "offline" once the heartbeats stop.

    >>> from datetime import UTC
    >>> now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    >>> effective_status("online", now - timedelta(seconds=30), now)
    'online'
    >>> effective_status("online", now - timedelta(minutes=10), now)
    'offline'
    >>> effective_status("not_activated", None, now)
    'not_activated'
    """
    status = status or "not_activated"
    if status != "online":
        return status
    if last_seen_at is None or (now or utcnow()) - last_seen_at > offline_after():
        return "offline"
    return "online"


def device_status(device, now: datetime | None = None) -> str:
    """effective_status of a Device row."""
    return effective_status(device.status, device.last_seen_at, now)


def line_online(registered: bool | None, status: str | None, last_seen_at: datetime | None) -> bool:
    """A SIP line is online while its device reports it registered and has not gone silent.

    A registration reported before the device went offline is stale, so it no longer counts.
    """
    return registered is True and effective_status(status, last_seen_at) != "offline"
