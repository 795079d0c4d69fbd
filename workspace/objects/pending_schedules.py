"""Schedule edits that wait for a publish.

A Time Router's schedule is copied whole into the compiled plan (the SIP server never reads the
database), so editing a schedule on the Schedules page changes the calls only at the next
publish. The header's count and the publish preview must say so: a schedule in use by a router
of the draft counts as one pending change when its current row differs from the copy the
published plan holds. A router newly placed, or moved to another schedule, is already an object
change of its own and is not counted twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["schedule_changes"]

SCHEDULE_FIELDS = ("name", "time_zone", "intervals", "holidays")


def schedule_changes(
    draft: Mapping[str, Any], published_plan: Mapping[str, Any], schedules: Mapping[int, Any]
) -> list[dict[str, Any]]:
    """Pending-change rows (the preview's shape) for schedules edited since the publish.

    >>> plan = {"nodes": {"n1": {"type": "time_router", "schedule": {
    ...     "id": 3, "name": "Office", "time_zone": "UTC", "intervals": [], "holidays": []}}}}
    >>> draft = {"objects": [{"type": "time_router", "properties": {"schedule": 3}}]}
    >>> schedule_changes(draft, plan, {3: {"name": "Office", "time_zone": "UTC",
    ...     "intervals": [], "holidays": []}})
    []
    >>> [c["changes"] for c in schedule_changes(draft, plan, {3: {"name": "Office",
    ...     "time_zone": "Europe/Berlin", "intervals": [], "holidays": []}})]
    [[{'field': 'time_zone', 'before': 'UTC', 'after': 'Europe/Berlin'}]]
    """
    published = _published_copies(published_plan)
    used = sorted(
        {
            obj["properties"]["schedule"]
            for obj in draft.get("objects", [])
            if obj.get("type") == "time_router"
            and isinstance((obj.get("properties") or {}).get("schedule"), int)
        }
    )
    rows = []
    for schedule_id in used:
        before, after = published.get(schedule_id), schedules.get(schedule_id)
        if before is None or after is None:  # new to the plan, or deleted: not a schedule edit
            continue
        changes = [
            {"field": field, "before": before.get(field), "after": after.get(field)}
            for field in SCHEDULE_FIELDS
            if _norm(before.get(field)) != _norm(after.get(field))
        ]
        if changes:
            rows.append(
                {
                    "kind": "schedule",
                    "action": "changed",
                    "id": schedule_id,
                    "name": after.get("name") or before.get("name") or "",
                    "tab": None,
                    "changes": changes,
                }
            )
    return rows


def _published_copies(plan: Mapping[str, Any]) -> dict[int, Mapping[str, Any]]:
    copies: dict[int, Mapping[str, Any]] = {}
    for node in (plan.get("nodes") or {}).values():
        schedule = node.get("schedule") if isinstance(node, Mapping) else None
        if isinstance(schedule, Mapping) and isinstance(schedule.get("id"), int):
            copies[schedule["id"]] = schedule
    return copies


def _norm(value: Any) -> Any:
    """Lists of dicts compare by content (None and [] are both "none")."""
    return value or None
