"""Socket.IO events of the workspace editor, sent only after the change is committed.

A service collects what it changed in an ``Outbox`` while it writes and calls ``send()``
after ``db.session.commit()``: a refused or rolled-back edit announces nothing. Rooms are
named here, by the server: ``account:{id}:tab:{id}`` for what happens on a tab, and
``account:{id}`` for tab changes and validation.

Payloads (every one carries ``draft_version`` and ``actor``, the admin session id of the
author, so a client can skip its own echo and apply the rest idempotently by version):

- ``object.created`` / ``object.updated``: ``{"object": {...with version}}``; a move to
  another tab is an ``object.updated`` sent to both tabs' rooms (``object.tab_id`` says where
  it is now), a position-only move carries ``"change": "position"`` and an unchanged version.
- ``object.deleted``: ``{"object": {"id", "tab_id", "version"}, "cables": [ids removed]}``.
- ``cable.created``: ``{"cable": {...}}``; ``cable.deleted``: ``{"cable": {"id", ...}}``.
- ``tab.created`` / ``tab.updated`` / ``tab.deleted``: ``{"tab": {...}, "order": [tab ids]}``.
- ``validation.updated``: ``{"problems": [...], "draft_version"}`` shortly after each change,
  validated off the request (workspace.objects.validation_push).
- ``draft.pending``: ``{"count", "published_revision", "draft_version"}`` after each change
  (with the validation, off the request) and each publish or rollback, to every admin of the
  account: the header's "Draft: N unpublished changes".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from flask import current_app

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.extensions import db, socketio
from workspace.objects.validation_push import draft_validation

log = logging.getLogger(__name__)

__all__ = ["Outbox", "tab_room"]


def tab_room(account_id: int, tab_id: int) -> str:
    return f"account:{account_id}:tab:{tab_id}"


@dataclass
class Outbox:
    """The events of one change, held until the transaction has committed."""

    account_id: int
    draft_version: int
    actor: int | None
    validate: bool = True  # False: the change cannot move problems (positions, tab names)
    _events: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def to_tab(self, tab_id: int, event: str, payload: dict[str, Any]) -> None:
        self._events.append((event, tab_room(self.account_id, tab_id), payload))

    def to_account(self, event: str, payload: dict[str, Any]) -> None:
        self._events.append((event, account_room(self.account_id), payload))

    def send(self) -> None:
        """Emit everything collected, then queue the draft's validation. Call after commit.

        Validation runs off the request (validation_push): the edit answers at once. Even a
        change that cannot move problems queues one, since it moved the draft version and the
        canvas shows problems only for the version it holds.
        """
        try:
            for event, room, payload in self._events:
                body = {**payload, "draft_version": self.draft_version, "actor": self.actor}
                socketio.emit(event, body, namespace=NAMESPACE, to=room)
            draft_validation(current_app._get_current_object()).request(self.account_id)
        except Exception:  # the change is committed: a failed notice must not fail the request
            log.exception("workspace events for account %s not sent", self.account_id)
            db.session.rollback()  # leave no failed read transaction to the response


def send_pending(account_id: int, pending: dict | None = None) -> None:
    """``draft.pending`` to the account's admins (after commit: an edit, a publish, a rollback);
    ``pending``: the count when the caller has it already."""
    from workspace.objects.pending import pending_changes

    socketio.emit(
        "draft.pending",
        pending_changes(account_id) if pending is None else pending,
        namespace=NAMESPACE,
        to=account_room(account_id),
    )
