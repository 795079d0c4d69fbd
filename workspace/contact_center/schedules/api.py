"""/api/v1/schedules: opening hours and holidays that Time Routers share."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.schedules import schemas, service
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint("schedules", __name__, url_prefix="/api/v1/schedules", description="Schedules")
protect(blp)


@blp.get("")
@blp.arguments(schemas.ScheduleListArgsSchema, location="query")
@blp.response(200, schemas.ScheduleListSchema)
def list_schedules(args):
    """Schedules of the account by name, each with what it says right now."""
    return service.list_schedules(current_account_id(), **args)


@blp.post("")
@blp.arguments(schemas.ScheduleCreateSchema)
@blp.response(201, schemas.ScheduleSchema)
def create_schedule(data):
    """Create a schedule: a time zone, weekly intervals and holidays."""
    account = current_account_id()
    row = service.create_schedule(account, data)
    set_etag(row)
    return service.present(account, row)


@blp.get("/<int:schedule_id>")
@blp.response(200, schemas.ScheduleSchema)
def get_schedule(schedule_id: int):
    """One schedule, with its state now and the objects that use it."""
    account = current_account_id()
    row = service.get_schedule(account, schedule_id)
    set_etag(row)
    return service.present(account, row)


@blp.patch("/<int:schedule_id>")
@needs_if_match
@blp.arguments(schemas.ScheduleUpdateSchema)
@blp.response(200, schemas.ScheduleSchema)
def update_schedule(data, schedule_id: int):
    """Change a schedule (If-Match); routers using it follow on the next publish."""
    account = current_account_id()
    row = service.update_schedule(account, schedule_id, data, if_match())
    set_etag(row)
    return service.present(account, row)


@blp.delete("/<int:schedule_id>")
@needs_if_match
@blp.response(204)
def delete_schedule(schedule_id: int):
    """Delete a schedule (If-Match); 409 naming the Time Routers that use it."""
    service.delete_schedule(current_account_id(), schedule_id, if_match())
