"""Pure decisions of the routing types that need no media: time and caller router, blacklist.

One truth for two executors: ``graph/simulate.py`` imports this module, and the SIP server's
KEMI module (Debian's system python3, not our venv) loads this very file by path. So it imports
only the standard library (``zoneinfo`` included), nothing from ``workspace`` and nothing
relative. A compiled node carries everything the decision needs (the schedule, its holidays,
the override, the rules, the entries with their expiry); nothing here reads a database or the
clock: the call's time comes in ``call["at"]``.

``choose_exit(node, call) -> exit name`` where ``call = {"caller": "+E164" | None, "at": aware
datetime}``; ``decide`` returns the same exit with a sentence saying why (the simulator's).

Time router node (``type: "time_router"``)::

    {"schedule": {"name": "Office hours", "time_zone": "Europe/Berlin",
                  "intervals": [{"day": 0, "from": "09:00", "to": "17:00"}],
                  "holidays": [{"name": "Christmas", "from": "2026-12-24", "to": "2026-12-26",
                                "yearly": true, "exit": "holiday_1" | null}]},
     "override": {"mode": "open" | "closed", "until": "2026-12-07T08:00:00+00:00"} | null}

``day`` is 0 (Monday) to 6 (Sunday), times are local wall-clock ``HH:MM``; ``from`` is
inclusive, ``to`` exclusive, ``"24:00"`` is midnight at the end of the day, and ``to`` at or
before ``from`` runs overnight into the next day. Precedence: an override still in force, then
a holiday (its own exit, else ``closed``), then the intervals (``open`` / ``closed``).

Caller router node: ``{"rules": [{"match": "exact" | "prefix" | "anonymous", "number": str,
"exit": "rule_1", "label": str}]}``: the first rule that matches gives its exit, else
``default``. Blacklist node: ``{"entries": [{"match": "exact" | "prefix", "number": str,
"expires": ISO 8601 | null, "note": str}]}``: ``blocked`` when an entry in force matches.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "HOLIDAY_EXITS",
    "choose_exit",
    "covers",
    "decide",
    "in_force",
    "interval_open",
    "local_minutes",
    "matches",
    "minutes",
    "on_holiday",
]

WEEK = 7 * 24 * 60
#: The exits a schedule's holiday may take instead of ``closed`` (a Time Router's ports).
HOLIDAY_EXITS = ("holiday_1", "holiday_2", "holiday_3", "holiday_4")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ANONYMOUS = ("", "anonymous", "unknown", "restricted", "withheld")


def choose_exit(node: dict[str, Any], call: dict[str, Any]) -> str:
    """Return the exit a call leaves ``node`` by (see the module docstring for the shapes).

    >>> from datetime import datetime, timezone
    >>> node = {"type": "blacklist", "entries": [{"match": "prefix", "number": "+1900"}]}
    >>> choose_exit(node, {"caller": "+19005550100", "at": datetime.now(timezone.utc)})
    'blocked'
    """
    return decide(node, call)[0]


def decide(node: dict[str, Any], call: dict[str, Any]) -> tuple[str, str]:
    """Return ``(exit, reason)`` for a call reaching ``node``; ValueError for another type."""
    kind = node.get("type")
    if kind == "time_router":
        return _time_router(node, call["at"])
    if kind == "caller_router":
        return _caller_router(node, call.get("caller"))
    if kind == "blacklist":
        return _blacklist(node, call.get("caller"), call["at"])
    raise ValueError(f"no decision for node type {kind!r}")


# -- time router --------------------------------------------------------------------------


def minutes(text: str) -> int:
    """``"HH:MM"`` as minutes since midnight; ``"24:00"`` is 1440.

    >>> minutes("09:30"), minutes("24:00")
    (570, 1440)
    """
    hours, mins = text.split(":")
    value = int(hours) * 60 + int(mins)
    if not 0 <= value <= 1440 or not 0 <= int(mins) < 60:
        raise ValueError(f"not a time of day: {text!r}")
    return value


def local_minutes(at: datetime, zone: str) -> tuple[date, int]:
    """The local date and the minute of the week (Monday 00:00 = 0) of an aware ``at``."""
    local = at.astimezone(ZoneInfo(zone))
    return local.date(), local.weekday() * 1440 + local.hour * 60 + local.minute


def interval_open(interval: dict[str, Any], minute_of_week: int) -> bool:
    """Whether a weekly interval covers a local minute of the week (overnight wraps).

    >>> iv = {"day": 6, "from": "22:00", "to": "06:00"}  # Sunday night into Monday
    >>> interval_open(iv, 6 * 1440 + 23 * 60), interval_open(iv, 5 * 60), interval_open(iv, 7 * 60)
    (True, True, False)
    """
    start = interval["day"] * 1440 + minutes(interval["from"])
    length = minutes(interval["to"]) - minutes(interval["from"])
    if length <= 0:
        length += 1440  # overnight, or "00:00"-"00:00": the whole day
    return bool((minute_of_week - start) % WEEK < length)


def on_holiday(holiday: dict[str, Any], day: date) -> bool:
    """Whether a local date falls in a holiday (``to`` inclusive; ``yearly`` ignores the year).

    >>> h = {"from": "2025-12-31", "to": "2026-01-01", "yearly": True}
    >>> on_holiday(h, date(2030, 1, 1)), on_holiday(h, date(2030, 1, 2))
    (True, False)
    """
    first = date.fromisoformat(holiday["from"])
    last = date.fromisoformat(holiday.get("to") or holiday["from"])
    if not holiday.get("yearly"):
        return first <= day <= last
    key, lo, hi = (day.month, day.day), (first.month, first.day), (last.month, last.day)
    return lo <= key <= hi if lo <= hi else key >= lo or key <= hi  # a range over New Year


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"a time without its zone: {text!r}")
    return value


def _time_router(node: dict[str, Any], at: datetime) -> tuple[str, str]:
    schedule = node["schedule"]
    zone = schedule.get("time_zone") or "UTC"
    override = node.get("override")
    if override and at < _parse(override["until"]):
        until = _parse(override["until"]).astimezone(ZoneInfo(zone))
        return override["mode"], (
            f"Forced {override['mode']} until {until:%a %d %b %H:%M} ({zone}): the override wins."
        )
    day, minute = local_minutes(at, zone)
    when = f"{DAY_NAMES[minute // 1440]} {minute % 1440 // 60:02d}:{minute % 60:02d} {zone}"
    name = schedule.get("name") or "the schedule"
    for holiday in schedule.get("holidays") or ():
        if on_holiday(holiday, day):
            exit_name = holiday.get("exit") or "closed"
            return exit_name, (
                f"{day.isoformat()} is {holiday.get('name') or 'a holiday'} in {name}: "
                f"the call takes the {exit_name} exit."
            )
    for interval in schedule.get("intervals") or ():
        if interval_open(interval, minute):
            return "open", (
                f"{when} is within {name} ({DAY_NAMES[interval['day']]} "
                f"{interval['from']}-{interval['to']}): open."
            )
    return "closed", f"{when} is outside {name}: closed."


# -- caller router and blacklist ----------------------------------------------------------


def _is_anonymous(caller: str | None) -> bool:
    return caller is None or caller.strip().lower() in ANONYMOUS


def matches(rule: dict[str, Any], caller: str | None) -> bool:
    """Whether a rule or an entry matches the caller's number (None: withheld).

    >>> matches({"match": "prefix", "number": "+49"}, "+4930123"), matches(
    ...     {"match": "anonymous"}, None)
    (True, True)
    """
    kind = rule.get("match")
    if kind == "anonymous":
        return _is_anonymous(caller)
    if _is_anonymous(caller):
        return False
    if caller is None:  # withheld: only "anonymous" rules match it
        return False
    if kind == "exact":
        return bool(caller == rule["number"])
    if kind == "prefix":
        return caller.startswith(rule["number"])
    return False


def covers(earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether every caller ``later`` matches is matched by ``earlier`` (so it never wins).

    >>> covers({"match": "prefix", "number": "+49"}, {"match": "exact", "number": "+4930"})
    True
    """
    a, b = earlier.get("match"), later.get("match")
    if a == "anonymous" or b == "anonymous":
        return a == b
    if a == "exact":
        return b == "exact" and bool(earlier["number"] == later["number"])
    if a == "prefix":
        return str(later["number"]).startswith(earlier["number"])
    return False


def in_force(entry: dict[str, Any], at: datetime) -> bool:
    """A blacklist entry holds until its ``expires`` time (None: for good)."""
    expires = entry.get("expires")
    return not expires or at < _parse(str(expires))


def _caller_router(node: dict[str, Any], caller: str | None) -> tuple[str, str]:
    who = "a withheld number" if _is_anonymous(caller) else caller
    for index, rule in enumerate(node.get("rules") or (), start=1):
        if matches(rule, caller):
            label = rule.get("label") or rule["exit"]
            return rule["exit"], f"The call from {who} matches rule {index} ({label})."
    return "default", f"The call from {who} matches no rule: default."


def _blacklist(node: dict[str, Any], caller: str | None, at: datetime) -> tuple[str, str]:
    who = "a withheld number" if _is_anonymous(caller) else caller
    for entry in node.get("entries") or ():
        if in_force(entry, at) and matches(entry, caller):
            note = f" ({entry['note']})" if entry.get("note") else ""
            return "blocked", f"{who} is on the blacklist as {entry['number']}{note}: blocked."
    return "allowed", f"{who} is not on the blacklist: allowed."
