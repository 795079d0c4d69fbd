"""The one subscriber that keeps devices' config hashes current, off the admin's request.

Services announce ``devices_may_change(account_id)`` after their commit (workspace.signals).
This module queues the account and returns at once; a worker thread of the process recomputes
the account's activated devices' hashes (``refresh_config_hashes``: store the moved hashes,
mark "pending_update", emit ``config.changed`` and ``device.status``) once
``DEVICE_CONFIG_DEBOUNCE`` seconds have passed since the account's first queued change: a
burst of edits (a wizard, an import, a script of PATCHes) costs one recompute, and a steady
stream of edits still gets one every debounce period.

One queue and at most one thread per app per process. The thread starts when work arrives
and ends when the queue is empty, so it is born after gunicorn forks its workers and no idle
thread outlives a test's app. A change announced while its account is being recomputed
queues the account again: that recompute may have read the data before the change.

The thread is not a daemon, so a process that exits normally finishes the queue first (at most
a debounce and one recompute). Work lost to a killed process is repaired by the device API:
a device's next ``GET /device/v1/config`` stores the hash of what it was served.

Tests call ``config_recompute(app).wait_idle()`` (the test client does it after each request)
instead of sleeping.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from flask import Flask, current_app

from workspace.device_api.refresh import refresh_config_hashes
from workspace.signals import devices_may_change

log = logging.getLogger(__name__)

__all__ = ["ConfigRecompute", "config_recompute", "init_app"]

_EXTENSION = "device_config_recompute"


class ConfigRecompute:
    """A debounced, per-account queue of config-hash recomputes with its worker thread."""

    def __init__(self, app: Flask, debounce: float) -> None:
        self._app = app
        self._debounce = debounce
        self._cond = threading.Condition()
        self._due: dict[int, float] = {}  # account id -> when to recompute it (monotonic)
        self._thread: threading.Thread | None = None
        # Called with the account id after each recompute, in the worker's app context: the
        # SIP server's plan file rides on the same debounce (workspace.sip registers it).
        self.after: list[Callable[[int], object]] = []
        self.runs = 0  # recomputes done, for tests of the coalescing

    def request(self, account_id: int) -> None:
        """Queue a recompute of the account (coalesced with any already queued)."""
        with self._cond:
            self._due.setdefault(account_id, time.monotonic() + self._debounce)
            if self._thread is None:
                # Not a daemon: a CLI command (demo, wizard scripts) that exits right after
                # its change still finishes the recompute it queued.
                self._thread = threading.Thread(target=self._work, name="device-config-recompute")
                self._thread.start()
            self._cond.notify_all()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until nothing is queued or running; False when `timeout` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._thread is None, timeout)

    def _work(self) -> None:
        while True:
            with self._cond:
                if not self._due:
                    self._thread = None
                    self._cond.notify_all()
                    return
                account_id, when = min(self._due.items(), key=lambda item: item[1])
                delay = when - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                del self._due[account_id]
            self._recompute(account_id)

    def _recompute(self, account_id: int) -> None:
        try:
            with self._app.app_context():
                refresh_config_hashes(account_id)
                for hook in self.after:
                    try:
                        hook(account_id)
                    except Exception:
                        log.exception("after-recompute hook %s failed", hook)
        except Exception:  # the thread must survive to serve the next account
            log.exception("config hashes of account %s not recomputed", account_id)
        with self._cond:
            self.runs += 1


def config_recompute(app: Flask) -> ConfigRecompute:
    return app.extensions[_EXTENSION]


def _on_devices_may_change(account_id: int, reason: str = "") -> None:
    log.debug("account %s: devices may change (%s)", account_id, reason)
    config_recompute(current_app._get_current_object()).request(account_id)


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = ConfigRecompute(app, app.config["DEVICE_CONFIG_DEBOUNCE"])
    # One module-level receiver for every app: it finds the app through current_app.
    devices_may_change.connect(_on_devices_may_change)
