"""Socket.IO events of publishing, sent to every admin socket of the account (after commit only).

Callers emit only once their transaction has committed, so a refused or rolled-back publish
announces nothing. Payloads carry the revision summary, never the snapshot or the plan.

- ``revision.published``: ``{"number", "hash", "message", "author_name", "created_at",
  "rollback_of"}``; the number is the version clients sync their revision badge to.
- ``draft.replaced``: ``{"draft_version", "reason": "rollback" | "import"}``; the whole draft was
  rewritten, so open canvases reload it instead of applying object events one by one.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app

from workspace.auth.sockets import NAMESPACE, account_room
from workspace.extensions import socketio
from workspace.objects.models import Revision
from workspace.objects.validation_push import draft_validation

log = logging.getLogger(__name__)


def revision_published(
    account_id: int, revision: Revision, *, pending: dict[str, Any] | None = None
) -> None:
    """``revision.published``, then ``draft.pending`` (``pending``: the count when the caller
    knows it, as a publish does; computed otherwise)."""
    _emit(
        account_id,
        "revision.published",
        {
            "number": revision.number,
            "hash": revision.hash,
            "message": revision.message,
            "author_name": revision.author_name,
            "created_at": revision.created_at.isoformat(),
            "rollback_of": revision.rollback_of,
        },
    )
    pending_moved(account_id, pending)


def draft_replaced(account_id: int, draft_version: int, *, reason: str) -> None:
    """``draft.replaced``; the problems and the header's count follow off the request, as after
    an edit (workspace.objects.validation_push), whose worker reads the new draft once and keeps
    it built for the edits and the publish that come next."""
    _emit(account_id, "draft.replaced", {"draft_version": draft_version, "reason": reason})
    try:
        draft_validation(current_app._get_current_object()).request(account_id)
    except Exception:  # committed already: a lost notice must not fail the request
        log.exception("draft validation for account %s not queued", account_id)


def pending_moved(account_id: int, pending: dict[str, Any] | None = None) -> None:
    """``draft.pending`` after a publish, rollback or import (see workspace.objects.events)."""
    from workspace.objects.events import send_pending

    try:
        send_pending(account_id, pending)
    except Exception:  # committed already: a lost notice must not fail the request
        log.exception("draft.pending for account %s not sent", account_id)


def _emit(account_id: int, event: str, payload: dict[str, Any]) -> None:
    try:
        socketio.emit(event, payload, namespace=NAMESPACE, to=account_room(account_id))
    except Exception:  # committed already: a lost notice must not fail the request
        log.exception("%s for account %s not sent", event, account_id)
