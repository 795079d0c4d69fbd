"""What changed between two revisions: their snapshots (tabs, objects, cables) and their plans.

Pure functions over plain data, so the diff is tested without a database. Rows are matched
by id (rollback keeps ids), routes by number key, plan nodes by node id and device slices by
device id. Plans come in format 2 (callers upgrade stored format-1 plans first).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

OBJECT_FIELDS = ("type", "name", "tab", "position", "properties")
TAB_FIELDS = ("name", "position")
CABLE_FIELDS = ("source", "source_port", "target", "target_port")


def diff_rows(
    old: list[Mapping[str, Any]], new: list[Mapping[str, Any]], fields: tuple[str, ...]
) -> dict[str, list]:
    """{"added": [rows], "removed": [rows], "changed": [{"id", "fields", "changes"}]}, by id.

    ``changes`` says before -> after per field, with ``properties`` opened one level
    (``properties.members``), so History can show what an edit did, not only where.

    Example
    -------
    >>> diff_rows([{"id": 1, "name": "a"}], [{"id": 1, "name": "b"}, {"id": 2, "name": "c"}],
    ...           ("name",))["changed"][0]["changes"]
    [{'field': 'name', 'before': 'a', 'after': 'b'}]
    """
    before = {row["id"]: row for row in old}
    after = {row["id"]: row for row in new}
    changed = []
    for key in sorted(before.keys() & after.keys()):
        if before[key] == after[key]:  # most rows: one comparison in C, no field walk
            continue
        names = [f for f in fields if before[key].get(f) != after[key].get(f)]
        if names:
            changes = [c for f in names for c in field_changes(f, before[key], after[key])]
            row = {"id": key, "fields": names, "changes": changes}
            if "name" in after[key]:  # History names the row, never "#id"
                row["name"] = after[key]["name"]
            changed.append(row)
    return {
        "added": [dict(after[k]) for k in sorted(after.keys() - before.keys())],
        "removed": [dict(before[k]) for k in sorted(before.keys() - after.keys())],
        "changed": changed,
    }


def field_changes(
    field: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Before -> after of one field; a dict field (properties) gives one entry per key.

    >>> field_changes("properties", {"properties": {"a": 1, "b": 2}}, {"properties": {"a": 1}})
    [{'field': 'properties.b', 'before': 2, 'after': None}]
    """
    a, b = old.get(field), new.get(field)
    if field == "properties" and isinstance(a, Mapping) and isinstance(b, Mapping):
        keys = sorted(a.keys() | b.keys())
        return [
            {"field": f"{field}.{k}", "before": a.get(k), "after": b.get(k)}
            for k in keys
            if a.get(k) != b.get(k)
        ]
    return [{"field": field, "before": a, "after": b}]


def diff_cables(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]) -> dict[str, list]:
    """Cables are never edited in place: a cable whose ends differ counts as removed + added."""
    rows = diff_rows(old, new, CABLE_FIELDS)
    before = {row["id"]: row for row in old}
    after = {row["id"]: row for row in new}
    for change in rows["changed"]:
        rows["removed"].append(dict(before[change["id"]]))
        rows["added"].append(dict(after[change["id"]]))
    rows["added"].sort(key=lambda row: row["id"])
    rows["removed"].sort(key=lambda row: row["id"])
    return {"added": rows["added"], "removed": rows["removed"]}


def diff_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[str]]:
    """Keys added, removed, and present in both with a different value, each sorted.

    Example
    -------
    >>> diff_keys({"+1": 1, "ext:101": 2}, {"ext:101": 3, "ext:102": 4})
    {'added': ['ext:102'], 'removed': ['+1'], 'changed': ['ext:101']}
    """
    return {
        "added": sorted(new.keys() - old.keys()),
        "removed": sorted(old.keys() - new.keys()),
        "changed": sorted(k for k in old.keys() & new.keys() if old[k] != new[k]),
    }


def diff_revisions(
    old_snapshot: Mapping[str, Any],
    old_plan: Mapping[str, Any],
    new_snapshot: Mapping[str, Any],
    new_plan: Mapping[str, Any],
) -> dict[str, Any]:
    """The whole diff from the old revision to the new one."""
    return {
        "tabs": diff_rows(old_snapshot["tabs"], new_snapshot["tabs"], TAB_FIELDS),
        "objects": diff_rows(old_snapshot["objects"], new_snapshot["objects"], OBJECT_FIELDS),
        "cables": diff_cables(old_snapshot["cables"], new_snapshot["cables"]),
        "plan": {
            "routes": diff_keys(old_plan.get("routes", {}), new_plan.get("routes", {})),
            "nodes": diff_keys(old_plan.get("nodes", {}), new_plan.get("nodes", {})),
            "devices": diff_keys(old_plan.get("devices", {}), new_plan.get("devices", {})),
        },
    }
