"""The worker loop, run by `workspace worker` or as a thread of `workspace run` (embedded).

Besides delivering recordings it does the periodic housekeeping: removing delivered files
past their retention, and marking devices whose heartbeats stopped as offline.

Each turn claims and delivers one job in a fresh app context; while jobs are due it goes
straight on, otherwise it sleeps for the poll interval. Stopping (SIGTERM, or the embedded
server exiting) sets the event: the delivery in progress finishes and its outcome is
recorded before the loop ends, so a graceful stop never leaves a job to its lease.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time

from flask import Flask

from workspace.delivery.retention import sweep_delivered_files
from workspace.delivery.worker import ResolveDestination, run_once
from workspace.device_api.sweep import mark_silent_devices_offline
from workspace.extensions import db

log = logging.getLogger(__name__)
SWEEP_EVERY = 60.0  # seconds between retention sweeps
# Seconds between looks for devices that went silent, so open portals hear "offline" soon
# after DEVICE_OFFLINE_AFTER passes (readers already show it; this only sends the event).
DEVICE_SWEEP_EVERY = 15.0


def new_worker_id() -> str:
    """Unique per process and start: host, pid, and a random part (pids are reused)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


def run_loop(
    app: Flask,
    stop: threading.Event,
    *,
    worker_id: str | None = None,
    poll_interval: float | None = None,
    resolve_destination: ResolveDestination | None = None,
) -> None:
    worker_id = worker_id or new_worker_id()
    poll = poll_interval if poll_interval is not None else app.config["DELIVERY_POLL_SECONDS"]
    next_sweep = next_device_sweep = 0.0
    log.info("delivery worker %s started", worker_id)
    while not stop.is_set():
        worked = False
        try:
            with app.app_context():
                try:
                    worked = run_once(worker_id, resolve_destination)
                    if time.monotonic() >= next_sweep:
                        sweep_delivered_files()
                        next_sweep = time.monotonic() + SWEEP_EVERY
                    if time.monotonic() >= next_device_sweep:
                        mark_silent_devices_offline()
                        next_device_sweep = time.monotonic() + DEVICE_SWEEP_EVERY
                finally:
                    db.session.remove()
        except Exception:  # a database blip must not end the worker; try again later
            log.exception("delivery worker %s: turn failed", worker_id)
        if not worked:
            stop.wait(poll)
    log.info("delivery worker %s stopped", worker_id)


def start_embedded_worker(app: Flask) -> threading.Event | None:
    """Start the loop in a daemon thread when DELIVERY_WORKER_EMBEDDED; returns its stop event."""
    if not app.config.get("DELIVERY_WORKER_EMBEDDED"):
        return None
    stop = threading.Event()
    thread = threading.Thread(
        target=run_loop, args=(app, stop), name="delivery-worker", daemon=True
    )
    thread.start()
    return stop
