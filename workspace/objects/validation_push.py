"""Problems of the draft, validated off the admin's request and pushed as ``validation.updated``.

An object, cable or tab edit commits and answers at once; its Outbox (workspace.objects.events)
queues the account here after the commit. A worker thread of the process validates the whole
draft ``DRAFT_VALIDATION_DEBOUNCE`` seconds after the account's first queued change (a drag or a
burst of edits costs one validation) and emits ``validation.updated`` to the account's room:
``{"problems": [...], "draft_version": n}``, n being the draft version read *before* the draft,
so the problems describe at least that version. The canvas shows problems only for the draft
version it holds, never older ones. A change made while its account is being validated queues
the account again.

One queue and at most one thread per app per process, started when work arrives and ended when
the queue is empty, like the device-config recompute (workspace.device_api.recompute). Tests
call ``draft_validation(app).wait_idle()`` (the test client does it after each request).
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)

__all__ = ["DraftValidation", "EVENT", "draft_validation", "init_app"]

EVENT = "validation.updated"
_EXTENSION = "draft_validation"


class DraftValidation:
    """A debounced, per-account queue of draft validations with its worker thread."""

    def __init__(self, app: Flask, debounce: float) -> None:
        self._app = app
        self.debounce = debounce
        self._cond = threading.Condition()
        self._due: dict[int, float] = {}  # account id -> when to validate it (monotonic)
        self._thread: threading.Thread | None = None
        self.runs = 0  # validations done, for tests of the coalescing

    def request(self, account_id: int) -> None:
        """Queue a validation of the account's draft (coalesced with any already queued)."""
        with self._cond:
            self._due.setdefault(account_id, time.monotonic() + self.debounce)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="draft-validation")
                self._thread.start()
            self._cond.notify_all()

    def flush(self) -> None:
        """Make every queued validation due now (the debounce is cut short)."""
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
            self._validate(account_id)

    def _validate(self, account_id: int) -> None:
        try:
            with self._app.app_context():
                try:
                    push_validation(account_id)
                finally:
                    db.session.remove()
        except Exception:  # the thread must survive to serve the next account
            log.exception("draft of account %s not validated", account_id)
        with self._cond:
            self.runs += 1


def push_validation(account_id: int) -> None:
    """Validate the account's draft now and emit ``validation.updated``."""
    from workspace.objects.draft import validate_draft
    from workspace.objects.state import read_state

    # The version is read before the draft, so the problems are at least that recent.
    draft_version = read_state(account_id)["draft_version"]
    _, _, problems = validate_draft(account_id)
    db.session.rollback()  # end the read transaction before the emit
    socketio.emit(
        EVENT,
        {"problems": problems, "draft_version": draft_version},
        namespace=NAMESPACE,
        to=account_room(account_id),
    )
    from workspace.objects.events import send_pending  # events imports this module

    send_pending(account_id)  # the header's count moves with the same edit


def draft_validation(app: Flask) -> DraftValidation:
    return app.extensions[_EXTENSION]  # type: ignore[no-any-return]


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = DraftValidation(app, app.config["DRAFT_VALIDATION_DEBOUNCE"])
