"""The week view: where a call to one number ends, for every hour of a week.

An admin sees the after-hours and holiday behaviour of a plan before publishing it. Each hour
is one ``graph.simulate`` run at that local hour's first second (a clock hour that a DST
change skips is played at the instant it became, so the grid keeps 24 rows a day).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from workspace.graph import simulate
from workspace.objects.facts_cache import cached_facts
from workspace.objects.simulate_service import plan_to_play
from workspace.objects.types import REGISTRY

__all__ = ["simulate_week", "week_hours"]


def week_hours(monday: date, zone: str) -> list[datetime]:
    """The 168 local clock hours of the week starting ``monday``, as aware datetimes.

    >>> len(week_hours(date(2026, 3, 23), "Europe/Berlin"))
    168
    """
    tz = ZoneInfo(zone)
    return [
        datetime.combine(monday + timedelta(days=d), time(h), tz)
        for d in range(7)
        for h in range(24)
    ]


def simulate_week(
    account_id: int,
    *,
    number: str,
    week: date,
    time_zone: str = "UTC",
    caller: str | None = None,
    source: str = "published",
) -> dict[str, Any]:
    """Play the call every hour of the week of ``week`` (Monday first) in ``time_zone``.

    Returns ``{"number", "caller", "time_zone", "week_start", "source", "revision", "hours",
    "endings"}``: ``hours`` per hour ``{"day", "hour", "at", "ending"}``; ``endings`` the
    distinct ends, each ``{"key", "object", "name", "outcome", "hours"}`` (``key`` joins them).
    """
    facts, _ = cached_facts(account_id, directory=True)  # read only here
    snapshot, plan, revision = plan_to_play(account_id, source, facts)
    names = {o["id"]: o["name"] for o in snapshot["objects"]}
    monday = week - timedelta(days=week.weekday())
    endings: dict[str, dict[str, Any]] = {}
    hours = []
    for index, at in enumerate(week_hours(monday, time_zone)):
        result = simulate(plan, types=REGISTRY, number=number, caller=caller, at=at.isoformat())
        last = result["path"][-1] if result["path"] else None
        key = f"{last}:{result['outcome']}"
        ending = endings.setdefault(
            key,
            {
                "key": key,
                "object": last,
                "name": names.get(last, "") if last is not None else "",
                "outcome": result["outcome"],
                "hours": 0,
            },
        )
        ending["hours"] += 1
        hours.append({"day": index // 24, "hour": index % 24, "at": at, "ending": key})
    return {
        "number": number,
        "caller": caller,
        "time_zone": time_zone,
        "week_start": monday,
        "source": source,
        "revision": revision,
        "hours": hours,
        "endings": list(endings.values()),
    }
