"""What a schedule says right now, and until when: "open until 18:00" on the canvas cards."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from workspace.graph.decide import decide, minutes

#: How far ahead the next change is looked for; a schedule that never changes says null.
HORIZON_DAYS = 8


def schedule_node(row: Any) -> dict[str, Any]:
    """A schedule row as the time router node ``decide`` reads (no override)."""
    return {
        "type": "time_router",
        "schedule": {
            "name": row.name,
            "time_zone": row.time_zone,
            "intervals": list(row.intervals or []),
            "holidays": list(row.holidays or []),
        },
        "override": None,
    }


def status_at(node: dict[str, Any], now: datetime) -> dict[str, Any]:
    """``{"state", "until", "reason"}``: the exit a call takes at ``now`` and when it changes.

    Candidates for the change are every interval boundary and every local midnight (holidays
    start and end there) over the next days, in time order.
    """
    state, reason = decide(node, {"caller": None, "at": now})
    zone = ZoneInfo(node["schedule"]["time_zone"])
    for moment in _boundaries(node["schedule"], now, zone):
        if decide(node, {"caller": None, "at": moment})[0] != state:
            return {"state": state, "until": moment, "reason": reason}
    return {"state": state, "until": None, "reason": reason}


def _boundaries(schedule: dict[str, Any], now: datetime, zone: ZoneInfo) -> list[datetime]:
    today = now.astimezone(zone).date()
    clocks = {0} | {
        minutes(i[key]) % 1440 for i in schedule.get("intervals") or () for key in ("from", "to")
    }
    found = set()
    for offset in range(HORIZON_DAYS + 1):
        day: date = today + timedelta(days=offset)
        for clock in clocks:
            local = datetime.combine(day, time(clock // 60, clock % 60), zone)
            moment = local.astimezone(ZoneInfo("UTC"))  # a DST gap moves it to a real instant
            if moment > now:
                found.add(moment)
    return sorted(found)
