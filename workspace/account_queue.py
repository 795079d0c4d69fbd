"""A debounced, per-account work queue with one worker thread, for work done off the request.

Services queue an account after their commit and answer at once; the thread handles the account
``debounce`` seconds after its first queued request, so a burst of edits (a drag, a wizard, an
import) costs one run, and a steady stream still gets one run every debounce period. A request
that arrives while its account is being handled queues it again: that run may have read the
data before the change.

At most one thread per queue (per app, per process). It starts when work arrives and ends when
the queue is empty, so it is born after gunicorn forks its workers and no idle thread outlives a
test's app. It is not a daemon: a CLI command that exits right after its change still finishes
the work it queued. Tests call ``wait_idle()`` instead of sleeping (the test client does it
after each request). Users: the device-config recompute (workspace.device_api.recompute) and
the draft validation push (workspace.objects.validation_push).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from flask import Flask

log = logging.getLogger(__name__)

__all__ = ["AccountQueue"]


class AccountQueue:
    """Runs ``handle(account_id)`` in an app context, debounced per account, on one thread."""

    def __init__(
        self, app: Flask, debounce: float, handle: Callable[[int], object], *, name: str
    ) -> None:
        self._app = app
        self.debounce = debounce
        self._handle = handle
        self._name = name
        self._cond = threading.Condition()
        self._due: dict[int, float] = {}  # account id -> when to handle it (monotonic)
        self._thread: threading.Thread | None = None
        self.runs = 0  # accounts handled, for tests of the coalescing

    def request(self, account_id: int) -> None:
        """Queue the account (coalesced with a request already queued for it)."""
        with self._cond:
            self._due.setdefault(account_id, time.monotonic() + self.debounce)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self._name)
                self._thread.start()
            self._cond.notify_all()

    def flush(self) -> None:
        """Make every queued account due now (the debounce is cut short)."""
        with self._cond:
            now = time.monotonic()
            self._due = {account: now for account in self._due}
            self._cond.notify_all()

    def wait_idle(self, timeout: float = 60.0) -> bool:
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
            self._run(account_id)

    def _run(self, account_id: int) -> None:
        from workspace.extensions import db  # extensions imports the app's packages

        try:
            with self._app.app_context():
                try:
                    self._handle(account_id)
                finally:
                    db.session.remove()
        except Exception:  # the thread must survive to serve the next account
            log.exception("%s: account %s not handled", self._name, account_id)
        with self._cond:
            self.runs += 1
