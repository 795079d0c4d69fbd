"""Cables: an output port of one object to an input port of another, on the same tab.

A cable that breaks a port rule is refused (422 with the rule's code) and nothing is written,
so the canvas and the API agree on what may be connected. The rules come from the object
types' ports (PortSpec.signal / accepts / max_cables), never from a list here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func

from workspace.errors import NotFound
from workspace.extensions import db
from workspace.graph import PortSpec
from workspace.objects.events import Outbox
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.refusals import rule_error
from workspace.objects.schemas import CableSchema
from workspace.objects.state import bump_draft_version
from workspace.objects.types import REGISTRY
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

_cable_schema = CableSchema()


def cable_payload(cable: Cable) -> dict[str, Any]:
    return _cable_schema.dump(cable)


def _on_tab(query, tab_id: int):
    return query.join(WorkspaceObject, WorkspaceObject.id == Cable.source_id).where(
        WorkspaceObject.tab_id == tab_id
    )


def list_cables(
    account_id: int, *, tab_id: int | None = None, page: int = 1, per_page: int = 500
) -> tuple[list[Cable], int]:
    query = scoped(Cable, account_id)
    if tab_id is not None:
        get_owned(Tab, tab_id, account_id)
        query = _on_tab(query, tab_id)
    total = db.session.scalar(db.select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.order_by(Cable.id).limit(per_page).offset((page - 1) * per_page)
    ).scalars()
    return list(rows), total or 0


def get_cable(account_id: int, cable_id: int) -> Cable:
    return get_owned(Cable, cable_id, account_id)


def _end(account_id: int, object_id: int, field: str) -> WorkspaceObject:
    obj = db.session.get(WorkspaceObject, object_id)
    if obj is None or obj.account_id != account_id:
        message = f"Object {object_id} not found."
        raise NotFound(message, {"json": {field: [message]}})
    return obj


def _port(obj: WorkspaceObject, name: str, direction: str, field: str) -> PortSpec:
    kind = REGISTRY.get(obj.type)
    port = kind.port(name, direction) if kind else None  # type: ignore[arg-type]
    if port is not None:
        return port
    other = "in" if direction == "out" else "out"
    if kind is not None and kind.port(name, other) is not None:  # type: ignore[arg-type]
        wanted = "starts at an output" if direction == "out" else "ends at an input"
        raise rule_error(
            field,
            f"{obj.name}'s {name!r} port is an {'input' if other == 'in' else 'output'} port; "
            f"a cable {wanted} port.",
            "cable.wrong_direction",
        )
    raise rule_error(field, f"{obj.name} has no {name!r} port.", "cable.unknown_port")


def _count(*conditions) -> int:
    return db.session.scalar(db.select(func.count(Cable.id)).where(*conditions)) or 0


def _check(account_id: int, data: dict) -> tuple[WorkspaceObject, WorkspaceObject]:
    source = _end(account_id, data["source"], "source")
    target = _end(account_id, data["target"], "target")
    if source.id == target.id:
        raise rule_error("target", f"{source.name} cannot be cabled to itself.", "cable.self_loop")
    if source.tab_id != target.tab_id:
        raise rule_error(
            "target",
            f"{source.name} and {target.name} are on different tabs; a cable stays on one tab.",
            "cable.cross_tab",
        )
    sport = _port(source, data["source_port"], "out", "source_port")
    tport = _port(target, data["target_port"], "in", "target_port")
    if sport.signal not in tport.accepts:
        raise rule_error(
            "target_port",
            f"{source.name}'s {sport.label} port cannot connect to {target.name}'s "
            f"{tport.label} port.",
            "cable.illegal_port_pair",
        )
    same = (
        Cable.source_id == source.id,
        Cable.source_port == sport.name,
        Cable.target_id == target.id,
        Cable.target_port == tport.name,
    )
    if _count(*same):
        raise rule_error(
            "target",
            f"{source.name} is already cabled to {target.name} on these ports.",
            "cable.duplicate",
        )
    for obj, port, field in ((source, sport, "source_port"), (target, tport, "target_port")):
        if port.max_cables is None:
            continue
        column, port_column = (
            (Cable.source_id, Cable.source_port)
            if port.direction == "out"
            else (Cable.target_id, Cable.target_port)
        )
        if _count(column == obj.id, port_column == port.name) >= port.max_cables:
            limit = "one cable" if port.max_cables == 1 else f"{port.max_cables} cables"
            raise rule_error(
                field,
                f"{obj.name}'s {port.label} port takes {limit} at most and has no room left.",
                "cable.port_full",
            )
    return source, target


def create_cable(account_id: int, data: dict, *, actor: int | None = None) -> Cable:
    draft = bump_draft_version(account_id)  # first: it serializes the port checks below
    out = Outbox(account_id, draft, actor)
    cable = add_cable(account_id, data, out)
    db.session.commit()
    out.send()
    cable.draft_version = draft
    return cable


def add_cable(account_id: int, data: dict, out: Outbox) -> Cable:
    """Check and add a cable, flushed but not committed; its event goes to ``out``.

    The caller must have bumped the draft version first (it serializes the port checks).
    """
    source, target = _check(account_id, data)
    cable = Cable(
        account_id=account_id,
        source_id=source.id,
        source_port=data["source_port"],
        target_id=target.id,
        target_port=data["target_port"],
    )
    db.session.add(cable)
    db.session.flush()
    out.to_tab(source.tab_id, "cable.created", {"cable": cable_payload(cable)})
    return cable


def delete_cable(
    account_id: int, cable_id: int, expected_version: int, *, actor: int | None = None
) -> int:
    """Delete the cable; returns the new draft version."""
    draft = bump_draft_version(account_id)
    cable = get_cable(account_id, cable_id)
    check_version(cable, expected_version)
    tab_id = db.session.scalar(
        db.select(WorkspaceObject.tab_id).where(WorkspaceObject.id == cable.source_id)
    )
    out = Outbox(account_id, draft, actor)
    out.to_tab(tab_id, "cable.deleted", {"cable": cable_payload(cable)})
    db.session.delete(cable)
    db.session.commit()
    out.send()
    return draft
