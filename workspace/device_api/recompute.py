"""The one subscriber that keeps devices' config hashes current, off the admin's request.

Services announce ``devices_may_change(account_id)`` after their commit (workspace.signals).
This module queues the account and returns at once; a worker thread of the process recomputes
the account's activated devices' hashes (``refresh_config_hashes``: store the moved hashes,
mark "pending_update", emit ``config.changed`` and ``device.status``) once
``DEVICE_CONFIG_DEBOUNCE`` seconds have passed since the account's first queued change: a
burst of edits (a wizard, an import, a script of PATCHes) costs one recompute, and a steady
stream of edits still gets one every debounce period.

The queue and its thread are workspace.account_queue's. Work lost to a killed process is
repaired by the device API: a device's next ``GET /device/v1/config`` stores the hash of what
it was served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, current_app

from workspace.account_queue import AccountQueue
from workspace.database import reads_only
from workspace.device_api.refresh import refresh_config_hashes
from workspace.extensions import db
from workspace.signals import devices_may_change

log = logging.getLogger(__name__)

__all__ = ["ConfigRecompute", "config_recompute", "init_app"]

_EXTENSION = "device_config_recompute"


class ConfigRecompute(AccountQueue):
    """The recompute queue: the account's device hashes, then the hooks in ``after``."""

    def __init__(self, app: Flask, debounce: float) -> None:
        super().__init__(app, debounce, self._recompute, name="device-config-recompute")
        # Called with the account id after each recompute, in the worker's app context: the
        # SIP server's plan file rides on the same debounce (workspace.sip registers it).
        self.after: list[Callable[[int], object]] = []

    def _recompute(self, account_id: int) -> None:
        refresh_config_hashes(account_id)
        for hook in self.after:
            # Hooks read (the SIP plan file is built from the database): deferred on SQLite,
            # so they never hold the write lock that logins and edits wait on.
            with reads_only():
                try:
                    hook(account_id)
                except Exception:
                    log.exception("after-recompute hook %s failed", hook)
                finally:
                    db.session.rollback()


def config_recompute(app: Flask) -> ConfigRecompute:
    return app.extensions[_EXTENSION]


def _on_devices_may_change(account_id: int, reason: str = "") -> None:
    log.debug("account %s: devices may change (%s)", account_id, reason)
    config_recompute(current_app._get_current_object()).request(account_id)


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = ConfigRecompute(app, app.config["DEVICE_CONFIG_DEBOUNCE"])
    # One module-level receiver for every app: it finds the app through current_app.
    devices_may_change.connect(_on_devices_may_change)
