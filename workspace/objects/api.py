"""/api/v1/object-types, /api/v1/tabs and /api/v1/workspace (draft, state, validate).

Every response to a change carries the account's new draft version: in the body as
``draft_version`` and, also for 204 answers, in the ``X-Draft-Version`` header.
"""

from __future__ import annotations

from flask import after_this_request
from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect, require_admin
from workspace.objects import draft_service, tabs_service
from workspace.objects import schemas as s
from workspace.objects.types import catalogue
from workspace.versioning import if_match, needs_if_match, set_etag

DRAFT_HEADER = "X-Draft-Version"

types_blp = Blueprint(
    "object_types", __name__, url_prefix="/api/v1/object-types", description="Object types"
)
protect(types_blp)
tabs_blp = Blueprint("tabs", __name__, url_prefix="/api/v1/tabs", description="Workspace tabs")
protect(tabs_blp)
workspace_blp = Blueprint(
    "workspace_draft", __name__, url_prefix="/api/v1/workspace", description="The draft workspace"
)
protect(workspace_blp)


def actor() -> int | None:
    """The admin session behind this request: events name it so a client skips its echo."""
    principal = require_admin()
    return principal.session.id if principal.session is not None else None


def draft_header(draft_version: int) -> None:
    @after_this_request
    def _header(response):
        response.headers[DRAFT_HEADER] = str(draft_version)
        return response


def changed(row):
    """A changed row's response: its ETag and the draft version headers set."""
    set_etag(row)
    draft_header(row.draft_version)
    return row


@types_blp.get("")
@types_blp.response(200, s.ObjectTypeListSchema)
def list_object_types():
    """The object types: ports, properties schema, defaults (the palette and its rules)."""
    items = catalogue()
    return {"items": items, "total": len(items)}


@tabs_blp.get("")
@tabs_blp.response(200, s.TabListSchema)
def list_tabs():
    """The tabs, in position order."""
    items = tabs_service.list_tabs(current_account_id())
    return {"items": items, "total": len(items)}


@tabs_blp.post("")
@tabs_blp.arguments(s.TabCreateSchema)
@tabs_blp.response(201, s.TabSchema)
def create_tab(data):
    """Add a tab (at the end unless a position is given)."""
    return changed(tabs_service.create_tab(current_account_id(), data, actor=actor()))


@tabs_blp.get("/<int:tab_id>")
@tabs_blp.response(200, s.TabSchema)
def get_tab(tab_id: int):
    """One tab."""
    tab = tabs_service.get_tab(current_account_id(), tab_id)
    set_etag(tab)
    return tab


@tabs_blp.patch("/<int:tab_id>")
@needs_if_match
@tabs_blp.arguments(s.TabUpdateSchema)
@tabs_blp.response(200, s.TabSchema)
def update_tab(data, tab_id: int):
    """Rename a tab or move it to another position (needs If-Match)."""
    expected = if_match()
    tab = tabs_service.update_tab(current_account_id(), tab_id, data, expected, actor=actor())
    return changed(tab)


@tabs_blp.delete("/<int:tab_id>")
@needs_if_match
@tabs_blp.arguments(s.TabDeleteQuerySchema, location="query")
@tabs_blp.response(204)
def delete_tab(query, tab_id: int):
    """Delete a tab with its objects and cables (needs If-Match and confirm=true)."""
    expected = if_match()
    draft_header(
        tabs_service.delete_tab(
            current_account_id(), tab_id, expected, confirm=query["confirm"], actor=actor()
        )
    )


@workspace_blp.get("/state")
@workspace_blp.response(200, s.StateSchema)
def workspace_state():
    """The draft version and the published revision number."""
    return draft_service.workspace_state(current_account_id())


@workspace_blp.get("/draft")
@workspace_blp.arguments(s.DraftQuerySchema, location="query")
@workspace_blp.response(200, s.DraftSchema)
def workspace_draft(query):
    """One tab's objects and cables with their versions, and the draft version."""
    return draft_service.load_tab_draft(current_account_id(), query["tab_id"])


@workspace_blp.post("/validate")
@workspace_blp.response(200, s.ValidationResultSchema)
def validate_workspace():
    """Every problem of the draft (nothing is written)."""
    return draft_service.validate_workspace(current_account_id())
