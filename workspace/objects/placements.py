"""The canvas answers contact_center's questions: which objects stand for these contact
methods, which place this inventory number.

Each user names its tab, so the 409 a refused delete answers can offer "Show on canvas".

Subscribed to ``workspace.signals.contact_methods_placed`` by ``workspace.objects.init_app``,
so deleting a contact or a method still refuses while a Contact Method card shows it, and
contact_center does not import the canvas.
"""

from __future__ import annotations

from typing import Any

from workspace.extensions import db
from workspace.objects.models import Tab, WorkspaceObject
from workspace.objects.types import REGISTRY
from workspace.signals import contact_methods_placed, numbers_placed, rows_referenced
from workspace.tenancy import scoped


def objects_placing_methods(account_id: int, method_ids: list[int]) -> list[dict[str, Any]]:
    """Workspace objects (Contact Method cards) that stand for one of these contact methods."""
    return _objects_whose(account_id, "contact_method", "contact_method", set(method_ids))


def objects_placing_number(account_id: int, kind: str, number_id: int) -> list[dict[str, Any]]:
    """Phone Number / Internal Number cards that place this inventory number."""
    object_type = "phone_number" if kind == "phone" else "internal_number"
    return _objects_whose(account_id, object_type, "number", {number_id})


def _objects_whose(account_id: int, object_type: str, key: str, wanted: set) -> list[dict]:
    rows = db.session.execute(
        db.select(WorkspaceObject, Tab.name)
        .join(Tab, Tab.id == WorkspaceObject.tab_id)
        .where(WorkspaceObject.account_id == account_id, WorkspaceObject.type == object_type)
        .order_by(WorkspaceObject.id)
    ).all()
    return [
        {"type": "object", "id": row.id, "name": row.name, "tab": row.tab_id, "tab_name": tab}
        for row, tab in rows
        if (row.properties or {}).get(key) in wanted
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
    numbers_placed.connect(_answer_number)


def _answer_rows(account_id: int, collection: str, ids: list[int]) -> list[dict[str, Any]]:
    return objects_referencing(account_id, collection, ids)


def _answer_number(account_id: int, kind: str, number_id: int) -> list[dict[str, Any]]:
    return objects_placing_number(account_id, kind, number_id)


def _answer(account_id: int, method_ids: list[int]) -> list[dict[str, Any]]:
    return objects_placing_methods(account_id, method_ids)
