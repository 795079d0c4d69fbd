"""Writing entries after their commit, reading them with filters, pruning old ones."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from flask import current_app, has_app_context
from sqlalchemy.orm import Session

from workspace.audit.models import AuditEntry
from workspace.database import utcnow
from workspace.extensions import db

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0
_last_prune = {"at": 0.0}


def write_entries(session: Session, entries: list[dict], at: datetime) -> None:
    """On a connection of its own: the session that committed is between transactions."""
    try:
        bind = session.get_bind()
        with bind.begin() as conn:
            conn.execute(AuditEntry.__table__.insert(), [{"at": at, **e} for e in entries])
    except Exception:  # an unrecorded entry is logged; the committed change stands
        log.exception("could not write %d audit entries", len(entries))
        return
    if has_app_context() and time.monotonic() - _last_prune["at"] > PRUNE_EVERY_S:
        _last_prune["at"] = time.monotonic()
        try:
            with bind.begin() as conn:
                conn.execute(AuditEntry.__table__.delete().where(AuditEntry.at < _cutoff()))
        except Exception:
            log.exception("audit prune failed")


def _cutoff() -> datetime:
    return utcnow() - timedelta(days=current_app.config["AUDIT_RETENTION_DAYS"])


def prune() -> int:
    """Delete the entries older than AUDIT_RETENTION_DAYS; returns how many went."""
    result = db.session.execute(db.delete(AuditEntry).where(AuditEntry.at < _cutoff()))
    db.session.commit()
    return result.rowcount or 0
