"""The draft workspace of an account as plain data, and running the graph engine on it.

Both the editing API (validation pushed after each change) and publishing use these, so
the rows -> graph -> problems path exists once.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from workspace.extensions import db
from workspace.graph import build, validate
from workspace.objects.facts import load_facts
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.types import REGISTRY


def tab_dict(tab: Tab) -> dict[str, Any]:
    return {"id": tab.id, "name": tab.name, "position": tab.position}


def object_dict(obj: WorkspaceObject) -> dict[str, Any]:
    return {
        "id": obj.id,
        "type": obj.type,
        "name": obj.name,
        "tab": obj.tab_id,
        "position": {"x": obj.x, "y": obj.y},
        "properties": dict(obj.properties or {}),
    }


def cable_dict(cable: Cable) -> dict[str, Any]:
    return {
        "id": cable.id,
        "source": cable.source_id,
        "source_port": cable.source_port,
        "target": cable.target_id,
        "target_port": cable.target_port,
    }


_OBJECT_COLUMNS = (
    WorkspaceObject.id,
    WorkspaceObject.type,
    WorkspaceObject.name,
    WorkspaceObject.tab_id,
    WorkspaceObject.x,
    WorkspaceObject.y,
    WorkspaceObject.properties,
)
_CABLE_COLUMNS = (Cable.id, Cable.source_id, Cable.source_port, Cable.target_id, Cable.target_port)


def load_draft(account_id: int) -> dict[str, list[dict[str, Any]]]:
    """{"tabs": [...], "objects": [...], "cables": [...]} in id order (a snapshot's shape).

    Columns, not ORM objects: at 10k objects and 20k cables, building and tracking an ORM
    object per row cost most of a publish's loading time, and nothing here writes. Run on
    the session's connection (Core), in its transaction: the ORM's row processing of a
    column select was a third of the time again.
    """
    tabs = load_tabs(account_id)
    run = db.session.connection().execute
    objects = run(
        db.select(*_OBJECT_COLUMNS)
        .where(WorkspaceObject.account_id == account_id)
        .order_by(WorkspaceObject.id)
    )
    cables = run(
        db.select(*_CABLE_COLUMNS).where(Cable.account_id == account_id).order_by(Cable.id)
    )
    return {
        "tabs": tabs,
        "objects": [_object_row(row) for row in objects],
        "cables": [_cable_row(row) for row in cables],
    }


def load_tabs(account_id: int) -> list[dict[str, Any]]:
    """The draft's tabs in load_draft's shape and order."""
    tabs = db.session.connection().execute(
        db.select(Tab.id, Tab.name, Tab.position)
        .where(Tab.account_id == account_id)
        .order_by(Tab.position, Tab.id)
    )
    return [{"id": i, "name": name, "position": position} for i, name, position in tabs]


def load_rows(
    account_id: int, *, objects: Collection[int], cables: Collection[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """These objects and cables of the draft in load_draft's shape (those that still exist)."""
    run = db.session.connection().execute
    object_rows = run(
        db.select(*_OBJECT_COLUMNS).where(
            WorkspaceObject.account_id == account_id, WorkspaceObject.id.in_(list(objects))
        )
    )
    cable_rows = run(
        db.select(*_CABLE_COLUMNS).where(Cable.account_id == account_id, Cable.id.in_(list(cables)))
    )
    return [_object_row(row) for row in object_rows], [_cable_row(row) for row in cable_rows]


def _object_row(row: Any) -> dict[str, Any]:
    i, kind, name, tab, x, y, properties = row
    return {
        "id": i,
        "type": kind,
        "name": name,
        "tab": tab,
        "position": {"x": x, "y": y},
        "properties": dict(properties or {}),
    }


def _cable_row(row: Any) -> dict[str, Any]:
    i, source, source_port, target, target_port = row
    return {
        "id": i,
        "source": source,
        "source_port": source_port,
        "target": target,
        "target_port": target_port,
    }


def graph_of(snapshot: dict[str, list[dict[str, Any]]], facts: dict[str, Any] | None = None):
    """The draft's graph. It keeps the snapshot's properties (``owned``): load_draft made them
    for this read, and nothing changes a snapshot after (a publish stores it as it is)."""
    return build(snapshot["objects"], snapshot["cables"], facts, owned=True)


def validate_draft(
    account_id: int,
    snapshot: dict[str, list[dict[str, Any]]] | None = None,
    *,
    to_compile: bool = True,
    facts: dict[str, Any] | None = None,
) -> tuple[dict, dict, list[dict]]:
    """Load the draft and the facts and validate: (snapshot, facts, problems).

    snapshot: the draft in load_draft's shape when the caller has it already (an import
    that has just written the whole draft); else it is read. facts: likewise (kept by facts
    version, workspace.objects.facts_cache). to_compile=False: the caller only wants the
    problems, so the facts leave out what only a compile reads (load_facts' ``directory``).
    """
    if snapshot is None:
        snapshot = load_draft(account_id)
    if facts is None:
        facts = load_facts(account_id, directory=to_compile)
    problems = validate(graph_of(snapshot, facts), types=REGISTRY, facts=facts)
    return snapshot, facts, problems
