"""What publishing would change: the draft against the published revision.

Canvas edits (objects, cables, tabs) take effect on publish; contact-center settings take
effect on save (docs: "Click the Save button to apply the changes"). So the pending count is
about the canvas only, and the devices a publish affects are those whose part of the config
that comes from the plan (``in_plan``, ``reachable_at``) differs between the draft's plan and
the published one.

A change is one row: an object, cable or tab added, removed or changed (any field, the
position included, since publish stores it and rollback restores it), or a schedule in use
edited since the publish (workspace.objects.pending_schedules: schedules are compiled into
the plan, so their edits wait for a publish too).
"""

from __future__ import annotations

from typing import Any

from workspace.contact_center.devices.models import Device
from workspace.extensions import db
from workspace.graph import CompileError, compile_plan, has_errors
from workspace.objects.device_config import device_slice
from workspace.objects.draft import graph_of, validate_draft
from workspace.objects.facts import load_schedules
from workspace.objects.pending_schedules import schedule_changes
from workspace.objects.published_documents import published_documents
from workspace.objects.publishing_service import published_revision
from workspace.objects.revision_diff import OBJECT_FIELDS, TAB_FIELDS, diff_cables, diff_rows
from workspace.objects.state import read_state
from workspace.objects.types import REGISTRY
from workspace.tenancy import scoped

__all__ = ["count_changes", "pending_changes", "publish_preview"]

EMPTY = {"tabs": [], "objects": [], "cables": []}


def _diffs(old: dict, new: dict) -> dict[str, dict[str, list]]:
    return {
        "tabs": diff_rows(old["tabs"], new["tabs"], TAB_FIELDS),
        "objects": diff_rows(old["objects"], new["objects"], OBJECT_FIELDS),
        "cables": diff_cables(old["cables"], new["cables"]),
    }


def count_changes(old: dict, new: dict) -> int:
    """Rows added, removed or changed between two snapshots.

    >>> count_changes(EMPTY, {"tabs": [{"id": 1, "name": "Main", "position": 0}],
    ...                       "objects": [], "cables": []})
    1
    """
    return sum(len(rows) for diff in _diffs(old, new).values() for rows in diff.values())


def _published(account_id: int) -> tuple[int | None, dict, dict]:
    revision = published_revision(account_id)
    if revision is None:
        return None, EMPTY, {}
    snapshot, plan = published_documents(revision)  # shared: read only
    return revision.number, snapshot, plan


def pending_changes(
    account_id: int, *, draft: dict | None = None, facts: dict | None = None
) -> dict[str, Any]:
    """{"published_revision", "draft_version", "count"}: what the header shows.

    ``draft`` and ``facts``: the snapshot and facts the caller has just loaded (the
    off-request validation), so the count describes the same draft as its problems and the
    draft is not read twice; the version is read first, so it is at most that recent.
    """
    from workspace.objects.draft import load_draft

    version = read_state(account_id)["draft_version"]
    number, snapshot, plan = _published(account_id)
    draft = load_draft(account_id) if draft is None else draft
    edited: list[dict[str, Any]] = []
    if number is not None:
        schedules = facts["schedules"] if facts is not None else load_schedules(account_id)
        edited = schedule_changes(draft, plan, schedules)
    return {
        "published_revision": number,
        "draft_version": version,
        "count": count_changes(snapshot, draft) + len(edited),
    }


def publish_preview(account_id: int) -> dict[str, Any]:
    """The changes since the published revision, the devices they move, and the problems."""
    number, old, old_plan = _published(account_id)
    draft, facts, problems = validate_draft(account_id)
    diffs = _diffs(old, draft)
    names = _names(old, draft)
    changes = [
        _change(kind, action, row, names)
        for kind in ("tabs", "objects", "cables")
        for action in ("added", "removed", "changed")
        for row in diffs[kind].get(action, [])
    ]
    if number is not None:
        changes += schedule_changes(draft, old_plan, facts["schedules"])
    devices: list[dict[str, Any]] = []
    blocked = has_errors(problems)
    if not blocked:
        try:
            plan = compile_plan(
                graph_of(draft, facts), types=REGISTRY, facts=facts, problems=problems
            )
        except CompileError:  # validate passed, so a guard; nothing to compare then
            plan = None
        if plan is not None:
            devices = _devices_moved(account_id, old_plan, plan)
    return {
        "published_revision": number,
        "draft_version": read_state(account_id)["draft_version"],
        "count": len(changes),
        "changes": changes,
        "devices": devices,
        "problems": problems,
        "can_publish": not blocked,
    }


def _names(old: dict, new: dict) -> dict[tuple[str, int], Any]:
    """Names of tabs and objects, and each object's tab; the draft's win."""
    names: dict[tuple[str, int], Any] = {}
    for snap in (old, new):
        for tab in snap["tabs"]:
            names["tab", tab["id"]] = tab["name"]
        for obj in snap["objects"]:
            names["object", obj["id"]] = obj["name"]
            names["object_tab", obj["id"]] = obj["tab"]
    return names


def _change(kind: str, action: str, row: dict, names: dict) -> dict[str, Any]:
    singular = kind[:-1]
    if kind == "cables":
        # A cable is never edited in place (diff_cables): each row is a whole cable.
        source = names.get(("object", row["source"]), "?")
        target = names.get(("object", row["target"]), "?")
        name = f"{source} ({row['source_port']}) -> {target}"
        return {"kind": singular, "action": action, "id": row["id"], "name": name, "tab": None}
    name = names.get((singular, row["id"]), row.get("name") or "")
    return {
        "kind": singular,
        "action": action,
        "id": row["id"],
        "name": name,
        "tab": names.get(("object_tab", row["id"])) if kind == "objects" else None,
        "changes": row.get("changes", []),
    }


def _reach(plan: dict, device_id: int) -> list[str] | None:
    entry = device_slice(plan, device_id) if plan else None
    return None if entry is None else list(entry.get("reachable_at") or [])


def _devices_moved(account_id: int, old_plan: dict, new_plan: dict) -> list[dict[str, Any]]:
    """Devices whose in_plan / reachable_at would change, with before and after."""
    ids = {int(k) for k in (old_plan.get("devices") or {})} | {
        int(k) for k in (new_plan.get("devices") or {})
    }
    moved = {i: (_reach(old_plan, i), _reach(new_plan, i)) for i in ids}
    moved = {i: ba for i, ba in moved.items() if ba[0] != ba[1]}
    if not moved:
        return []
    rows = db.session.execute(
        scoped(Device, account_id).where(Device.id.in_(moved)).order_by(Device.name, Device.id)
    ).scalars()
    return [
        {
            "id": d.id,
            "name": d.name,
            "contact": d.contact_id,
            "before": moved[d.id][0],
            "after": moved[d.id][1],
        }
        for d in rows
    ]
