"""/api/v1/objects and /api/v1/cables: the editing of the canvas."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.objects import cables_service, objects_service
from workspace.objects import schemas as s
from workspace.objects.api import actor, changed, draft_header
from workspace.versioning import if_match, needs_if_match, set_etag

objects_blp = Blueprint(
    "objects", __name__, url_prefix="/api/v1/objects", description="Workspace objects"
)
protect(objects_blp)
cables_blp = Blueprint("cables", __name__, url_prefix="/api/v1/cables", description="Cables")
protect(cables_blp)


@objects_blp.get("")
@objects_blp.arguments(s.ObjectQuerySchema, location="query")
@objects_blp.response(200, s.ObjectListSchema)
def list_objects(query):
    """Objects, by id; ?tab_id= for one tab, ?q= to match names."""
    items, total = objects_service.list_objects(current_account_id(), **query)
    return {"items": items, "total": total}


@objects_blp.post("")
@objects_blp.arguments(s.ObjectCreateSchema)
@objects_blp.response(201, s.ObjectSchema)
def create_object(data):
    """Place an object on a tab; properties default from its type."""
    return changed(objects_service.create_object(current_account_id(), data, actor=actor()))


@objects_blp.get("/<int:object_id>")
@objects_blp.response(200, s.ObjectSchema)
def get_object(object_id: int):
    """One object."""
    obj = objects_service.get_object(current_account_id(), object_id)
    set_etag(obj)
    return obj


@objects_blp.patch("/<int:object_id>")
@needs_if_match
@objects_blp.arguments(s.ObjectUpdateSchema)
@objects_blp.response(200, s.ObjectSchema)
def update_object(data, object_id: int):
    """Rename, edit properties or move to another tab (needs If-Match)."""
    expected = if_match()
    obj = objects_service.update_object(
        current_account_id(), object_id, data, expected, actor=actor()
    )
    return changed(obj)


@objects_blp.patch("/<int:object_id>/position")
@objects_blp.arguments(s.PositionSchema)
@objects_blp.response(200, s.ObjectSchema)
def move_object(position, object_id: int):
    """Set an object's position (no If-Match: the last writer wins; the version stays)."""
    obj = objects_service.move_object(current_account_id(), object_id, position, actor=actor())
    return changed(obj)


@objects_blp.delete("/<int:object_id>")
@needs_if_match
@objects_blp.response(204)
def delete_object(object_id: int):
    """Delete an object and its cables (needs If-Match)."""
    expected = if_match()
    draft_header(
        objects_service.delete_object(current_account_id(), object_id, expected, actor=actor())
    )


@cables_blp.get("")
@cables_blp.arguments(s.CableQuerySchema, location="query")
@cables_blp.response(200, s.CableListSchema)
def list_cables(query):
    """Cables, by id; ?tab_id= for one tab."""
    items, total = cables_service.list_cables(current_account_id(), **query)
    return {"items": items, "total": total}


@cables_blp.post("")
@cables_blp.arguments(s.CableCreateSchema)
@cables_blp.response(201, s.CableSchema)
def create_cable(data):
    """Connect an output port to an input port; a cable breaking a port rule is refused."""
    return changed(cables_service.create_cable(current_account_id(), data, actor=actor()))


@cables_blp.get("/<int:cable_id>")
@cables_blp.response(200, s.CableSchema)
def get_cable(cable_id: int):
    """One cable."""
    cable = cables_service.get_cable(current_account_id(), cable_id)
    set_etag(cable)
    return cable


@cables_blp.delete("/<int:cable_id>")
@needs_if_match
@cables_blp.response(204)
def delete_cable(cable_id: int):
    """Delete a cable (needs If-Match)."""
    expected = if_match()
    draft_header(
        cables_service.delete_cable(current_account_id(), cable_id, expected, actor=actor())
    )
