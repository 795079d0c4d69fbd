"""/api/v1: publish the workspace, revisions, the simulator, device effective config, export/import.

Two blueprints: `blp` for the workspace-wide actions and `revisions_blp` for /revisions.
"""

from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect, require_admin
from workspace.body_limits import limit_bodies, max_body
from workspace.objects import (
    device_config,
    pending,
    publishing_service,
    revisions_service,
    simulate_service,
    transfer_service,
    week_schemas,
    week_service,
)
from workspace.objects import publishing_schemas as schemas

blp = Blueprint(
    "publishing",
    __name__,
    url_prefix="/api/v1",
    description="Publish, simulate, export and import the workspace",
)
protect(blp)
limit_bodies(blp)
revisions_blp = Blueprint(
    "revisions",
    __name__,
    url_prefix="/api/v1/revisions",
    description="Published revisions: history, plans, diffs, rollback",
)
protect(revisions_blp)


@blp.post("/workspace/publish")
@blp.arguments(schemas.PublishSchema)
@blp.response(201, schemas.PublishResultSchema)
@blp.alt_response(200, schema=schemas.PublishResultSchema, description="Nothing changed")
def publish(data):
    """Publish the draft as a new revision (422 with errors.graph while it has errors)."""
    principal = require_admin()
    result = publishing_service.publish_workspace(
        principal.account_id, principal.admin, data["message"]
    )
    return result, 200 if result["unchanged"] else 201


@blp.get("/workspace/pending")
@blp.response(200, schemas.PendingSchema)
def pending_changes():
    """How many canvas changes wait for a publish, and the revision published."""
    return pending.pending_changes(current_account_id())


@blp.get("/workspace/publish-preview")
@blp.response(200, schemas.PublishPreviewSchema)
def publish_preview():
    """What a publish would do: the changes, the devices whose config moves, the problems."""
    return pending.publish_preview(current_account_id())


@blp.post("/simulate")
@blp.arguments(schemas.SimulateSchema)
@blp.response(200, schemas.SimulationSchema)
def simulate(data):
    """Who rings, when and in what order, for a call to a number (published plan or draft)."""
    return simulate_service.simulate_call(current_account_id(), **data)


@blp.post("/simulate/week")
@blp.arguments(week_schemas.WeekArgsSchema)
@blp.response(200, week_schemas.WeekSchema)
def simulate_week(data):
    """Where a call to a number ends, for every hour of a week (the week view)."""
    return week_service.simulate_week(current_account_id(), **data)


@blp.get("/devices/<int:device_id>/effective-config")
@blp.response(200, schemas.EffectiveConfigSchema)
def effective_config(device_id: int):
    """The device's slice of the published plan, or why it is not in it."""
    return device_config.effective_config(current_account_id(), device_id)


@blp.get("/workspace/export")
@blp.response(200, schemas.DocumentSchema)
def export_workspace():
    """The draft as a portable document (natural keys, no database ids)."""
    return transfer_service.export_workspace(current_account_id())


@blp.post("/workspace/import")
@max_body(
    lambda: current_app.config["IMPORT_MAX_BYTES"] or schemas.MAX_DOCUMENT_BYTES,
    f"The document is larger than an import may be ({{megabytes}} MB for at most "
    f"{schemas.MAX_OBJECTS:,} objects, {schemas.MAX_CABLES:,} cables and {schemas.MAX_TABS} tabs).",
)
@blp.arguments(schemas.ImportSchema)
@blp.response(200, schemas.ImportResultSchema)
def import_workspace(data):
    """Replace the draft with a document, or merge it into the draft."""
    return transfer_service.import_workspace(current_account_id(), data["document"], data["mode"])


@revisions_blp.get("")
@revisions_blp.arguments(schemas.RevisionQuerySchema, location="query")
@revisions_blp.response(200, schemas.RevisionListSchema)
def list_revisions(query):
    """Published revisions, newest first."""
    return revisions_service.list_revisions(current_account_id(), **query)


@revisions_blp.get("/<int:number>")
@revisions_blp.response(200, schemas.RevisionDetailSchema)
def get_revision(number: int):
    """One revision with its workspace snapshot."""
    return revisions_service.revision_detail(current_account_id(), number)


@revisions_blp.get("/<int:number>/plan")
@revisions_blp.response(200, schemas.PlanSchema)
def get_plan(number: int):
    """The routing plan a revision published."""
    return revisions_service.revision_plan(current_account_id(), number)


@revisions_blp.get("/<int:old>/diff/<int:new>")
@revisions_blp.response(200, schemas.RevisionDiffSchema)
def diff(old: int, new: int):
    """What changed from one revision to another: objects, cables, tabs and the plan."""
    return revisions_service.revision_diff(current_account_id(), old, new)


@revisions_blp.post("/<int:number>/rollback")
@revisions_blp.arguments(schemas.RollbackSchema)
@revisions_blp.response(201, schemas.PublishResultSchema)
@revisions_blp.alt_response(200, schema=schemas.PublishResultSchema, description="Nothing changed")
def rollback(data, number: int):
    """Restore a revision as the draft and publish it as a new revision."""
    principal = require_admin()
    result = revisions_service.rollback_revision(
        principal.account_id, principal.admin, number, data["message"]
    )
    return result, 200 if result["unchanged"] else 201
