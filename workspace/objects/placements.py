"""The canvas answers contact_center's question: which objects stand for these contact methods.

Subscribed to ``workspace.signals.contact_methods_placed`` by ``workspace.objects.init_app``,
so deleting a contact or a method still refuses while a Contact Method card shows it, and
contact_center does not import the canvas.
"""

from __future__ import annotations

from typing import Any

from workspace.extensions import db
from workspace.objects.models import WorkspaceObject
from workspace.objects.types import REGISTRY
from workspace.signals import contact_methods_placed, rows_referenced
from workspace.tenancy import scoped


def objects_placing_methods(account_id: int, method_ids: list[int]) -> list[dict[str, Any]]:
    """Workspace objects (Contact Method cards) that stand for one of these contact methods."""
    wanted = set(method_ids)
    rows = db.session.execute(
        scoped(WorkspaceObject, account_id)
        .where(WorkspaceObject.type == "contact_method")
        .order_by(WorkspaceObject.id)
    ).scalars()
    return [
        {"type": "object", "id": row.id, "name": row.name}
        for row in rows
        if (row.properties or {}).get("contact_method") in wanted
    ]


def objects_referencing(account_id: int, collection: str, ids: list[int]) -> list[dict[str, Any]]:
    """Workspace objects whose type references ``collection`` and whose property names one of
    ``ids`` (a Time Router's schedule), read from the type declarations."""
    props = {
        kind.name: [ref.prop for ref in kind.references if ref.collection == collection]
        for kind in REGISTRY.values()
    }
    types = [name for name, names in props.items() if names]
    if not types:
        return []
    wanted = set(ids)
    rows = db.session.execute(
        scoped(WorkspaceObject, account_id)
        .where(WorkspaceObject.type.in_(types))
        .order_by(WorkspaceObject.id)
    ).scalars()
    return [
        {"type": "object", "id": row.id, "name": row.name}
        for row in rows
        if any((row.properties or {}).get(prop) in wanted for prop in props[row.type])
    ]


def subscribe() -> None:
    contact_methods_placed.connect(_answer)
    rows_referenced.connect(_answer_rows)


def _answer_rows(account_id: int, collection: str, ids: list[int]) -> list[dict[str, Any]]:
    return objects_referencing(account_id, collection, ids)


def _answer(account_id: int, method_ids: list[int]) -> list[dict[str, Any]]:
    return objects_placing_methods(account_id, method_ids)
