"""The demo's routing by time and by caller: the support line keeps office hours.

Support line -> Blacklist (one robocaller; blocked callers get 403) -> Time Router on the
"Office hours" schedule (Mon-Fri 09:00-17:00 in Los Angeles, closed over Christmas) -> the
team's ring group when open, a Forward to the after-hours service when closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workspace.contact_center.numbers.models import PhoneNumber
from workspace.contact_center.schedules import schemas as schedule_schemas
from workspace.contact_center.schedules import service as schedules

OFFICE_HOURS = {
    "name": "Office hours",
    # No time_zone: it takes the account's (America/Los_Angeles, workspace/demo.py).
    "intervals": [{"day": day, "from": "09:00", "to": "17:00"} for day in range(5)],
    "holidays": [
        {"name": "Christmas", "from": "2026-12-24", "to": "2026-12-26", "yearly": True},
    ],
}
ROBOCALLER = "+19005550100"
AFTER_HOURS = "+14155550188"


def wire_support_line(
    aid: int, support: PhoneNumber, group: Any, place: Callable, cable: Callable
) -> dict[str, Any]:
    """Place and cable the support line's chain above the main flow; returns the objects."""
    schedule = schedules.create_schedule(
        aid, schedule_schemas.ScheduleCreateSchema().load(OFFICE_HOURS)
    )
    entry = place("phone_number", "Support line", 0, -330, {"number": support.id})
    blacklist = place(
        "blacklist",
        "Keep out",
        330,
        -350,
        {"entries": [{"match": "exact", "number": ROBOCALLER, "note": "Robocaller"}]},
    )
    router = place("time_router", "Office hours?", 660, -350, {"schedule": schedule.id})
    closed = place(
        "forward", "After-hours service", 990, -350, {"number": AFTER_HOURS, "caller_id": "caller"}
    )
    cable(entry, "calls", blacklist)
    cable(blacklist, "allowed", router)
    cable(router, "open", group)
    cable(router, "closed", closed)
    return {"schedule": schedule, "blacklist": blacklist, "router": router, "forward": closed}
