"""Problems of the draft, validated off the admin's request and pushed as ``validation.updated``.

An object, cable or tab edit commits and answers at once; its Outbox (workspace.objects.events)
queues the account here after the commit. A worker thread of the process validates the draft
``DRAFT_VALIDATION_DEBOUNCE`` seconds after the account's first queued change (a drag or a
burst of edits costs one validation), on the draft it keeps built
(workspace.objects.draft_cache: only the changed rows are read, only the problems they can
reach recomputed), and emits ``validation.updated`` to the account's room:
``{"problems": [...], "draft_version": n}``, n being the draft version read *before* the draft,
so the problems describe at least that version. The canvas shows problems only for the draft
version it holds, never older ones. A change made while its account is being validated queues
the account again.

The queue and its thread are workspace.account_queue's, as for the device-config recompute.
Tests call ``draft_validation(app).wait_idle()`` (the test client does it after each request).
"""

from __future__ import annotations

from flask import Flask, current_app

from workspace.account_queue import AccountQueue
from workspace.auth.sockets import NAMESPACE, account_room
from workspace.database import reads_only
from workspace.extensions import db, socketio
from workspace.objects.draft_cache import cached_draft
from workspace.objects.facts_cache import cached_facts
from workspace.signals import draft_facts_changed

__all__ = ["DraftValidation", "EVENT", "draft_validation", "init_app"]

EVENT = "validation.updated"
_EXTENSION = "draft_validation"


class DraftValidation(AccountQueue):
    """The validation queue. Its runs only read: deferred transactions on SQLite, so a
    validation never holds the write lock that logins and edits wait on."""

    def __init__(self, app: Flask, debounce: float) -> None:
        super().__init__(app, debounce, self._validate, name="draft-validation")

    @staticmethod
    def _validate(account_id: int) -> None:
        with reads_only():
            push_validation(account_id)


def push_validation(account_id: int) -> None:
    """Validate the account's draft now and emit ``validation.updated``, then the header's
    pending count for the same draft. Canvas edits leave the facts as they are, and change a
    few rows of the draft: most runs take the facts from the app's cache
    (workspace.objects.facts_cache) and bring the built draft forward by the rows the edits
    changed (workspace.objects.draft_cache)."""
    from workspace.objects.pending import pending_changes

    # The version is read before the draft, so the problems are at least that recent.
    with cached_draft(account_id) as draft:
        # With the directory, which validation does not read: loaded here, off the request,
        # they are in the cache for the next publish, which needs it.
        facts, facts_version = cached_facts(account_id, directory=True)
        problems = draft.problems(facts, facts_version)
        draft_version = draft.version
        snapshot = draft.snapshot()
    # The problems go first: the canvas waits for them, not for the count.
    socketio.emit(
        EVENT,
        {"problems": problems, "draft_version": draft_version},
        namespace=NAMESPACE,
        to=account_room(account_id),
    )
    # The header's count from the same draft and transaction: never out of step with problems.
    pending = pending_changes(account_id, draft=snapshot, facts=facts)
    pending["draft_version"] = draft_version
    db.session.rollback()  # end the read transaction before the second emit
    from workspace.objects.events import send_pending  # events imports this module

    send_pending(account_id, pending)  # the header's count moves with the same edit


def draft_validation(app: Flask) -> DraftValidation:
    return app.extensions[_EXTENSION]  # type: ignore[no-any-return]


def _on_draft_facts_changed(account_id: int, reason: str = "") -> None:
    draft_validation(current_app._get_current_object()).request(account_id)


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = DraftValidation(app, app.config["DRAFT_VALIDATION_DEBOUNCE"])
    # One module-level receiver for every app: it finds the app through current_app.
    draft_facts_changed.connect(_on_draft_facts_changed)
