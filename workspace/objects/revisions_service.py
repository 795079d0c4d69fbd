"""Published revisions: the history, one revision with its snapshot or plan, diffs, rollback.

Revisions are immutable; the only write here is rollback, which restores a revision's snapshot
as the draft and publishes it as a new revision, in one transaction.
"""

from __future__ import annotations

from typing import Any

from workspace.auth.models import Admin
from workspace.errors import NotFound
from workspace.extensions import db
from workspace.graph import upgrade_plan
from workspace.objects import publishing_events
from workspace.objects.draft_restore import delete_draft, write_rows
from workspace.objects.models import Revision
from workspace.objects.publishing_service import (
    lock_state,
    publish_locked,
    published_number,
    revision_info,
)
from workspace.objects.revision_diff import diff_revisions
from workspace.objects.state import bump_draft_version
from workspace.signals import announce_devices_may_change, announce_draft_written
from workspace.tenancy import scoped


def list_revisions(
    account_id: int, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> dict[str, Any]:
    """Newest first; q filters on the message."""
    query = scoped(Revision, account_id)
    if q:
        query = query.where(Revision.message.ilike(f"%{_escape_like(q)}%", escape="\\"))
    total = db.session.execute(
        db.select(db.func.count()).select_from(query.subquery())
    ).scalar_one()
    rows = db.session.execute(
        query.order_by(Revision.number.desc()).offset((page - 1) * per_page).limit(per_page)
    ).scalars()
    published = published_number(account_id)
    return {"items": [revision_info(r, published) for r in rows], "total": total}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_revision(account_id: int, number: int) -> Revision:
    """404 for a number this account never published (another account's numbers included)."""
    row = db.session.execute(
        scoped(Revision, account_id).where(Revision.number == number)
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Revision {number} not found.")
    return row


def revision_detail(account_id: int, number: int) -> dict[str, Any]:
    row = get_revision(account_id, number)
    return {**revision_info(row, published_number(account_id)), "snapshot": row.snapshot}


def revision_plan(account_id: int, number: int) -> dict[str, Any]:
    # Revisions published before format 2 are converted when read, never rewritten.
    return upgrade_plan(get_revision(account_id, number).plan)


def revision_diff(account_id: int, old: int, new: int) -> dict[str, Any]:
    """What changed from revision `old` to revision `new` (either may be the older one)."""
    a, b = get_revision(account_id, old), get_revision(account_id, new)
    return {
        "from": old,
        "to": new,
        **diff_revisions(a.snapshot, upgrade_plan(a.plan), b.snapshot, upgrade_plan(b.plan)),
    }


def rollback_revision(
    account_id: int, author: Admin, number: int, message: str | None = None
) -> dict[str, Any]:
    """Restore revision `number` as the draft and publish it as a new revision (rollback_of).

    The draft's tabs, objects and cables are replaced by the snapshot's, under the same ids
    where no other row holds them. When the restored draft does not validate against today's
    contact-center data (a number deleted since, say), GraphErrors (422) and nothing changes:
    the draft and the published revision stay as they were.
    """
    snapshot = get_revision(account_id, number).snapshot  # immutable: read before the lock
    state = lock_state(account_id)
    delete_draft(account_id)
    write_rows(
        account_id,
        tabs=snapshot["tabs"],
        objects=snapshot["objects"],
        cables=snapshot["cables"],
        keep_ids=True,
    )
    counts = {name: len(snapshot[name]) for name in ("tabs", "objects", "cables")}
    announce_draft_written(account_id, "restore", {"revision": number, **counts})
    draft_version = bump_draft_version(account_id)
    text = (message or "").strip() or f"Rollback to revision {number}"
    revision, unchanged, problems = publish_locked(state, author, text, rollback_of=number)
    db.session.commit()
    publishing_events.draft_replaced(account_id, draft_version, reason="rollback")
    if not unchanged:
        # The draft is the revision just published: nothing is pending (said from what is in
        # hand, as a publish does).
        pending = {"published_revision": revision.number, "draft_version": draft_version}
        publishing_events.revision_published(account_id, revision, pending={**pending, "count": 0})
    # Devices whose config moved hear config.changed
    announce_devices_may_change(account_id, "rollback")
    return {
        **revision_info(revision, revision.number),
        "unchanged": unchanged,
        "problems": problems,
        "draft_version": draft_version,
    }
