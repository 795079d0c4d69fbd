"""Reading the draft workspace: one tab for the canvas, the problems, the state."""

from __future__ import annotations

from typing import Any

from workspace.extensions import db
from workspace.objects.cables_service import list_cables
from workspace.objects.draft import validate_draft
from workspace.objects.models import Tab, WorkspaceObject
from workspace.objects.state import read_state
from workspace.objects.tabs_service import list_tabs
from workspace.tenancy import get_owned, scoped


def load_tab_draft(account_id: int, tab_id: int) -> dict[str, Any]:
    """What the canvas loads (and reloads after a reconnect): one tab's objects and cables.

    The draft version is read first: a change committed while the rest is read makes the
    rows newer than the version, never older, and its event (carrying a higher version) is
    then applied idempotently by a client that compares versions.
    """
    draft_version = read_state(account_id)["draft_version"]
    tab = get_owned(Tab, tab_id, account_id)
    objects = db.session.execute(
        scoped(WorkspaceObject, account_id)
        .where(WorkspaceObject.tab_id == tab.id)
        .order_by(WorkspaceObject.id)
    ).scalars()
    cables, _ = list_cables(account_id, tab_id=tab.id, per_page=1_000_000)
    return {
        "draft_version": draft_version,
        "tab": tab,
        "tabs": list_tabs(account_id),
        "objects": list(objects),
        "cables": cables,
    }


def validate_workspace(account_id: int) -> dict[str, Any]:
    """Every problem of the account's draft, and the draft version they describe (no write)."""
    draft_version = read_state(account_id)["draft_version"]
    _, _, problems = validate_draft(account_id, to_compile=False)
    return {"problems": problems, "draft_version": draft_version}


def workspace_state(account_id: int) -> dict[str, Any]:
    return read_state(account_id)
