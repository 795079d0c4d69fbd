"""The draft workspace of an account as plain data, and running the graph engine on it.

Both the editing API (validation pushed after each change) and publishing use these, so
the rows -> graph -> problems path exists once.
"""

from __future__ import annotations

from typing import Any

from workspace.extensions import db
from workspace.graph import build, validate
from workspace.objects.facts import load_facts
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.types import REGISTRY
from workspace.tenancy import scoped


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


def load_draft(account_id: int) -> dict[str, list[dict[str, Any]]]:
    """{"tabs": [...], "objects": [...], "cables": [...]} in id order (a snapshot's shape)."""
    tabs = db.session.execute(scoped(Tab, account_id).order_by(Tab.position, Tab.id)).scalars()
    objects = db.session.execute(
        scoped(WorkspaceObject, account_id).order_by(WorkspaceObject.id)
    ).scalars()
    cables = db.session.execute(scoped(Cable, account_id).order_by(Cable.id)).scalars()
    return {
        "tabs": [tab_dict(t) for t in tabs],
        "objects": [object_dict(o) for o in objects],
        "cables": [cable_dict(c) for c in cables],
    }


def graph_of(snapshot: dict[str, list[dict[str, Any]]], facts: dict[str, Any] | None = None):
    return build(snapshot["objects"], snapshot["cables"], facts)


def validate_draft(account_id: int) -> tuple[dict, dict, list[dict]]:
    """Load the draft and the facts and validate: (snapshot, facts, problems)."""
    snapshot = load_draft(account_id)
    facts = load_facts(account_id)
    problems = validate(graph_of(snapshot, facts), types=REGISTRY, facts=facts)
    return snapshot, facts, problems
