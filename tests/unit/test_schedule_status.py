"""What a schedule says now and until when: the "open until 18:00" of the canvas cards."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from workspace.contact_center.schedules.status import schedule_node, status_at

BERLIN = ZoneInfo("Europe/Berlin")


def _row(intervals, holidays=(), zone="Europe/Berlin"):
    return SimpleNamespace(
        name="Office hours", time_zone=zone, intervals=list(intervals), holidays=list(holidays)
    )


WEEKDAYS = [{"day": d, "from": "09:00", "to": "18:00"} for d in range(5)]


def test_when_never_open_then_closed_with_no_change():
    status = status_at(schedule_node(_row([])), datetime(2026, 12, 7, 10, tzinfo=BERLIN))
    assert (status["state"], status["until"]) == ("closed", None)


def test_when_open_then_until_the_end_of_the_interval():
    status = status_at(schedule_node(_row(WEEKDAYS)), datetime(2026, 12, 7, 10, tzinfo=BERLIN))
    assert status["state"] == "open"
    assert status["until"] == datetime(2026, 12, 7, 18, tzinfo=BERLIN)


def test_when_closed_on_friday_evening_then_until_monday_morning():
    status = status_at(schedule_node(_row(WEEKDAYS)), datetime(2026, 12, 11, 19, tzinfo=BERLIN))
    assert status["state"] == "closed"
    assert status["until"] == datetime(2026, 12, 14, 9, tzinfo=BERLIN)


def test_when_a_holiday_falls_on_a_weekday_then_closed_until_the_day_after():
    christmas = {"name": "Christmas", "from": "2026-12-24", "to": "2026-12-25", "yearly": True}
    row = _row(WEEKDAYS, [{**christmas, "exit": "holiday_1"}])
    status = status_at(schedule_node(row), datetime(2026, 12, 24, 10, tzinfo=BERLIN))
    assert status["state"] == "holiday_1"
    assert status["until"] == datetime(2026, 12, 26, 0, tzinfo=BERLIN)
    assert "Christmas" in status["reason"]


def test_when_overnight_then_open_until_the_morning_after():
    night = [{"day": 4, "from": "22:00", "to": "06:00"}]
    status = status_at(schedule_node(_row(night)), datetime(2026, 12, 11, 23, tzinfo=BERLIN))
    assert (status["state"], status["until"]) == ("open", datetime(2026, 12, 12, 6, tzinfo=BERLIN))
