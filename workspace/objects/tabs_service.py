"""Tabs: the pages of the workspace, kept in positions 0..n-1."""

from __future__ import annotations

import re

from sqlalchemy import func, update

from workspace.errors import Conflict
from workspace.extensions import db
from workspace.objects import objects_service
from workspace.objects.events import Outbox
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.schemas import TabSchema
from workspace.objects.state import bump_draft_version
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

_tab_schema = TabSchema()


def list_tabs(account_id: int) -> list[Tab]:
    return list(
        db.session.execute(scoped(Tab, account_id).order_by(Tab.position, Tab.id)).scalars()
    )


def get_tab(account_id: int, tab_id: int) -> Tab:
    return get_owned(Tab, tab_id, account_id)


def _next_default_name(tabs: list[Tab]) -> str:
    taken = {int(m.group(1)) for t in tabs if (m := re.fullmatch(r"Tab (\d+)", t.name))}
    n = 1
    while n in taken:
        n += 1
    return f"Tab {n}"


def _renumber(order: list[Tab], keep: Tab | None = None) -> None:
    """Give the tabs positions 0..n-1 in this order.

    The other tabs move with a Core UPDATE that leaves their version alone: being pushed aside
    is not an edit of theirs, and a rename of one of them must not fail for it.
    """
    table = Tab.__table__
    for index, tab in enumerate(order):
        if tab.position == index:
            continue
        if tab is keep:
            tab.position = index
        else:
            db.session.execute(update(table).where(table.c.id == tab.id).values(position=index))


def _order_ids(account_id: int) -> list[int]:
    return [t.id for t in list_tabs(account_id)]


def create_tab(account_id: int, data: dict, *, actor: int | None = None) -> Tab:
    draft = bump_draft_version(account_id)
    out = Outbox(account_id, draft, actor, validate=False)
    tab = add_tab(account_id, data, out)
    db.session.commit()
    out.send()
    tab.draft_version = draft
    return tab


def add_tab(account_id: int, data: dict, out: Outbox) -> Tab:
    """Add a tab, flushed but not committed; its event goes to ``out`` (the setup wizard).

    The caller must have bumped the draft version first (it serializes the positions).
    """
    tabs = list_tabs(account_id)
    tab = Tab(account_id=account_id, name=data.get("name") or _next_default_name(tabs))
    position = min(data.get("position", len(tabs)), len(tabs))
    tab.position = position
    db.session.add(tab)
    _renumber(tabs[:position] + [tab] + tabs[position:], keep=tab)
    db.session.flush()
    db.session.expire_all()  # the renumbered tabs were written around the ORM
    out.to_account("tab.created", {"tab": _tab_schema.dump(tab), "order": _order_ids(account_id)})
    return tab


def update_tab(
    account_id: int, tab_id: int, data: dict, expected_version: int, *, actor: int | None = None
) -> Tab:
    draft = bump_draft_version(account_id)
    tab = get_tab(account_id, tab_id)
    check_version(tab, expected_version)
    if "name" in data:
        tab.name = data["name"]
    if "position" in data:
        others = [t for t in list_tabs(account_id) if t.id != tab.id]
        position = min(data["position"], len(others))
        if tab.position != position:
            tab.position = position  # an edit of this tab: its version moves
        _renumber(others[:position] + [tab] + others[position:], keep=tab)
    db.session.flush()
    db.session.expire_all()
    out = Outbox(account_id, draft, actor, validate=False)
    out.to_account("tab.updated", {"tab": _tab_schema.dump(tab), "order": _order_ids(account_id)})
    db.session.commit()
    out.send()
    tab.draft_version = draft
    return tab


def delete_tab(
    account_id: int,
    tab_id: int,
    expected_version: int,
    *,
    confirm: bool = False,
    actor: int | None = None,
) -> int:
    """Delete the tab with its objects and their cables; returns the new draft version.

    Without ``confirm`` nothing happens: 409 says how many objects and cables would go.
    """
    draft = bump_draft_version(account_id)
    tab = get_tab(account_id, tab_id)
    check_version(tab, expected_version)
    object_ids = list(
        db.session.execute(
            db.select(WorkspaceObject.id).where(WorkspaceObject.tab_id == tab.id)
        ).scalars()
    )
    cables = (
        db.session.scalar(
            db.select(func.count(Cable.id)).where(
                Cable.source_id.in_(object_ids) | Cable.target_id.in_(object_ids)
            )
        )
        if object_ids
        else 0
    )
    if not confirm:
        raise Conflict(
            f"Deleting tab {tab.name!r} also deletes its {len(object_ids)} object(s) and "
            f"{cables} cable(s). Confirm to go ahead (confirm=true).",
            {"objects": len(object_ids), "cables": cables},
        )
    out = Outbox(account_id, draft, actor)
    objects_service.remove_objects(account_id, object_ids, out, announce=False)
    deleted = {"id": tab.id, "name": tab.name, "position": tab.position, "version": tab.version}
    db.session.delete(tab)
    db.session.flush()
    _renumber(list_tabs(account_id))
    out.to_account("tab.deleted", {"tab": deleted, "order": _order_ids(account_id)})
    db.session.commit()
    out.send()
    return draft
