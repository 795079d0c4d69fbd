"""One audit entry for a draft written in bulk (an import, a rollback's restore).

Those rows go in as multi-row INSERTs, which the per-row capture never sees; one entry per
import of 10,000 objects also says more on the Activity page than 30,000 entries of one row.
"""

from __future__ import annotations

import logging
from typing import Any

from workspace.audit.capture import record_entry
from workspace.extensions import db
from workspace.signals import draft_written

log = logging.getLogger(__name__)
RESOURCE = "workspace"
NAME = "Draft"


@draft_written.connect
def _record_draft_written(account_id: int, *, action: str, details: dict[str, Any]) -> None:
    try:
        record_entry(
            db.session,
            account_id=account_id,
            resource=RESOURCE,
            resource_id=str(account_id),
            name=NAME,
            action=action,
            changes={field: [None, value] for field, value in details.items()},
        )
    except Exception:  # the audit must never fail the write it describes
        log.exception("audit entry of a draft %s failed", action)
