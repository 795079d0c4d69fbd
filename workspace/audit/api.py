"""/api/v1/activity: the audit log, read-only by construction (no write route exists)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.audit import schemas, service
from workspace.auth.current import current_account_id, protect

blp = Blueprint("activity", __name__, url_prefix="/api/v1/activity", description="Audit log")
protect(blp)


@blp.get("")
@blp.arguments(schemas.AuditQuerySchema, location="query")
@blp.response(200, schemas.AuditEntryListSchema)
def list_activity(args):
    """Who changed what, newest first; filter by admin, resource, object, dates or revision."""
    return service.list_entries(current_account_id(), args)
