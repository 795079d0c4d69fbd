"""Reading the account's audit entries; nothing here (or anywhere in the API) edits them."""

from __future__ import annotations

from sqlalchemy import and_, or_

from workspace.audit.models import AuditEntry
from workspace.contact_center.listing import contains, paged
from workspace.extensions import db
from workspace.objects.models import Revision
from workspace.tenancy import scoped


def _revision_window(account_id: int, number: int):
    """Entries of the edits a revision published: after the previous revision, up to it."""
    rev = db.session.execute(
        scoped(Revision, account_id).where(Revision.number == number)
    ).scalar_one_or_none()
    if rev is None:
        return AuditEntry.id.is_(None)  # nothing: an unknown revision has no edits
    previous = db.session.execute(
        scoped(Revision, account_id)
        .where(Revision.number < number)
        .order_by(Revision.number.desc())
        .limit(1)
    ).scalar_one_or_none()
    window = AuditEntry.at <= rev.created_at
    if previous is not None:
        window = and_(window, AuditEntry.at > previous.created_at)
    # The publish entry itself is written just after the revision's own created_at.
    publish = and_(AuditEntry.resource == "revisions", AuditEntry.resource_id == str(rev.id))
    return or_(window, publish)


def list_entries(account_id: int, args: dict) -> dict:
    stmt = scoped(AuditEntry, account_id)
    if args.get("actor"):
        stmt = stmt.where(AuditEntry.actor_id == args["actor"])
    if args.get("actor_type"):
        stmt = stmt.where(AuditEntry.actor_type == args["actor_type"])
    if args.get("resource"):
        stmt = stmt.where(AuditEntry.resource == args["resource"])
    if args.get("resource_id"):
        stmt = stmt.where(AuditEntry.resource_id == args["resource_id"])
    if args.get("since"):
        stmt = stmt.where(AuditEntry.at >= args["since"])
    if args.get("until"):
        stmt = stmt.where(AuditEntry.at <= args["until"])
    if args.get("revision"):
        stmt = stmt.where(_revision_window(account_id, args["revision"]))
    search = contains(args.get("q"), AuditEntry.resource_name, AuditEntry.actor_name)
    if search is not None:
        stmt = stmt.where(search)
    stmt = stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    items, total = paged(stmt, page=args["page"], per_page=args["per_page"])
    resources = db.session.execute(
        db.select(AuditEntry.resource)
        .where(AuditEntry.account_id == account_id)
        .distinct()
        .order_by(AuditEntry.resource)
    ).scalars()
    return {"items": items, "total": total, "resources": list(resources)}
