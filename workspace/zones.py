"""IANA time zone names: the one check every zone field uses (account, schedules, simulator)."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from marshmallow import ValidationError, fields

DEFAULT_ZONE = "UTC"


@cache
def time_zones() -> frozenset[str]:
    """The IANA time zones this machine knows (zoneinfo, tzdata as fallback)."""
    return frozenset(available_timezones()) | {DEFAULT_ZONE}


def _zone(value: str) -> None:
    if value not in time_zones():
        raise ValidationError("Choose an IANA time zone, such as Europe/Berlin.")


def zone_field(**kwargs) -> fields.String:
    """An IANA time zone name, checked against zoneinfo."""
    return fields.String(validate=_zone, **kwargs)
