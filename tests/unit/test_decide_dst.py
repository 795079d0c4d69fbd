"""Interval matching across daylight saving time: the schedule is wall-clock time in its zone.

Both transitions of Europe/Berlin (last Sunday of March and of October, at 02:00/03:00 local)
and America/New_York (second Sunday of March, first Sunday of November, at 02:00 local).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workspace.graph.decide import choose_exit, interval_open, local_minutes

ZONES = ("Europe/Berlin", "America/New_York")
TRANSITIONS = {
    "Europe/Berlin": (date(2026, 3, 29), date(2026, 10, 25)),
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
}


def _router(zone: str, intervals: list[dict]) -> dict:
    return {
        "type": "time_router",
        "schedule": {"name": "S", "time_zone": zone, "intervals": intervals, "holidays": []},
        "override": None,
    }


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _open_minutes(node: dict, day: date, zone: str) -> int:
    """Real minutes (UTC) the router is open during one local day."""
    start = datetime.combine(day, datetime.min.time(), ZoneInfo(zone)).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), ZoneInfo(zone))
    total, at = 0, start
    while at < end.astimezone(UTC):
        total += choose_exit(node, {"caller": None, "at": at}) == "open"
        at += timedelta(minutes=1)
    return total


around = st.sampled_from(
    [d + timedelta(days=k) for ds in TRANSITIONS.values() for d in ds for k in (-1, 0, 1)]
)


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    day=around,
    minute=st.integers(0, 36 * 60),
    start=st.integers(0, 23 * 60),
    length=st.integers(1, 24 * 60 - 1),
)
def test_when_any_instant_near_a_transition_then_open_iff_its_wall_clock_is_inside(
    zone, day, minute, start, length
):
    """The reference: convert the instant to the zone's wall clock and compare the minutes."""
    iv = {"day": day.weekday(), "from": _clock(start), "to": _clock((start + length) % 1440)}
    node = _router(zone, [iv])
    at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(minutes=minute)
    local = at.astimezone(ZoneInfo(zone))
    wall = local.weekday() * 1440 + local.hour * 60 + local.minute - iv["day"] * 1440 - start
    expected = wall % (7 * 1440) < length
    assert (choose_exit(node, {"caller": None, "at": at}) == "open") is expected
    # The same instant written in another offset decides the same.
    assert choose_exit(node, {"caller": None, "at": local}) == choose_exit(
        node, {"caller": None, "at": at}
    )


@settings(max_examples=100, deadline=None)
@given(zone=st.sampled_from(ZONES), day=around, hour=st.integers(5, 20))
def test_when_the_clock_strikes_opening_time_then_open_on_every_day_around_a_transition(
    zone, day, hour
):
    iv = {"day": day.weekday(), "from": f"{hour:02d}:00", "to": "23:00"}
    node = _router(zone, [iv])
    opening = datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(zone))
    assert choose_exit(node, {"caller": None, "at": opening}) == "open"
    assert choose_exit(node, {"caller": None, "at": opening - timedelta(minutes=1)}) == "closed"


@pytest.mark.parametrize("zone", ZONES)
def test_when_the_night_interval_spans_a_transition_then_it_lasts_the_wall_clock_hours(zone):
    spring, autumn = TRANSITIONS[zone]
    for day, expected in ((spring, 2 * 60), (autumn, 4 * 60)):
        node = _router(zone, [{"day": day.weekday(), "from": "01:00", "to": "04:00"}])
        # 01:00-04:00 wall clock is two real hours when the clock jumps ahead, four when back.
        assert _open_minutes(node, day, zone) == expected
        ordinary = day + timedelta(days=7)
        node = _router(zone, [{"day": ordinary.weekday(), "from": "01:00", "to": "04:00"}])
        assert _open_minutes(node, ordinary, zone) == 3 * 60


def test_when_overnight_then_it_wraps_into_the_next_day_and_the_week():
    sunday_night = {"day": 6, "from": "22:00", "to": "06:00"}
    assert interval_open(
        sunday_night, local_minutes(datetime(2026, 12, 7, 5, tzinfo=UTC), "UTC")[1]
    )
    assert not interval_open(
        sunday_night, local_minutes(datetime(2026, 12, 7, 6, tzinfo=UTC), "UTC")[1]
    )
