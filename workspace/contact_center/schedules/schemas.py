"""Request and response schemas of /schedules."""

from __future__ import annotations

import re
from datetime import date

from marshmallow import ValidationError, fields, validate, validates_schema

from workspace.contact_center.fields import Text
from workspace.graph.decide import HOLIDAY_EXITS
from workspace.schemas import BaseSchema, PagingSchema, list_schema
from workspace.zones import zone_field

MAX_INTERVALS = 100
MAX_HOLIDAYS = 100
CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
CLOCK_MESSAGE = "Use a time of day as HH:MM (00:00 to 23:59)."


def _to(value: str) -> None:
    if value != "24:00" and not CLOCK.fullmatch(value):
        raise ValidationError("Use a time of day as HH:MM (00:00 to 24:00).")


class IntervalSchema(BaseSchema):
    """One weekly opening: ``to`` at or before ``from`` runs overnight into the next day."""

    day = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=0, max=6),
        metadata={"description": "0 Monday ... 6 Sunday"},
    )
    from_ = fields.String(
        required=True,
        data_key="from",
        attribute="from",
        validate=validate.Regexp(rf"{CLOCK.pattern}\Z", error=CLOCK_MESSAGE),
    )
    to = fields.String(required=True, validate=_to)


class HolidaySchema(BaseSchema):
    """A date or a range (``to`` inclusive), optionally every year, optionally its own exit."""

    name = Text(required=True, validate=validate.Length(min=1, max=60))
    from_ = fields.Date(required=True, data_key="from", attribute="from")
    to = fields.Date(load_default=None, allow_none=True)
    yearly = fields.Boolean(load_default=False)
    exit = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(HOLIDAY_EXITS),
        metadata={"description": "The Time Router exit it takes; null: closed"},
    )

    @validates_schema
    def _range(self, data: dict, **kwargs) -> None:
        if data.get("to") and data["to"] < data["from"] and not data.get("yearly"):
            raise ValidationError("The last day is before the first.", "to")


def holidays_json(holidays: list[dict]) -> list[dict]:
    """Holidays as stored (dates as ISO text: the column is JSON)."""
    return [
        {
            **h,
            "from": h["from"].isoformat(),
            "to": h["to"].isoformat() if isinstance(h.get("to"), date) else None,
        }
        for h in holidays
    ]


class _StoredHoliday(fields.Nested):
    """A holiday as stored (JSON, its dates ISO text already): dumped as it is, documented as
    the Holiday it was loaded through."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class ScheduleStatusSchema(BaseSchema):
    state = fields.String(metadata={"description": "open, closed or a holiday exit"})
    until = fields.AwareDateTime(allow_none=True, metadata={"description": "null: no change"})
    reason = fields.String()


class UserSchema(BaseSchema):
    type = fields.String()
    id = fields.Integer()
    name = fields.String()


class ScheduleSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    name = fields.String()
    time_zone = fields.String()
    intervals = fields.List(fields.Nested(IntervalSchema))
    holidays = fields.List(_StoredHoliday(HolidaySchema))
    status = fields.Nested(ScheduleStatusSchema, metadata={"description": "Right now"})
    used_by = fields.List(fields.Nested(UserSchema))


class ScheduleCreateSchema(BaseSchema):
    name = Text(required=True, validate=validate.Length(min=1, max=100))
    time_zone = zone_field(metadata={"description": "Left out: the account's time zone"})
    intervals = fields.List(
        fields.Nested(IntervalSchema), load_default=list, validate=validate.Length(max=100)
    )
    holidays = fields.List(
        fields.Nested(HolidaySchema), load_default=list, validate=validate.Length(max=100)
    )


class ScheduleUpdateSchema(BaseSchema):
    name = Text(validate=validate.Length(min=1, max=100))
    time_zone = zone_field()
    intervals = fields.List(fields.Nested(IntervalSchema), validate=validate.Length(max=100))
    holidays = fields.List(fields.Nested(HolidaySchema), validate=validate.Length(max=100))


class ScheduleListArgsSchema(PagingSchema):
    pass


ScheduleListSchema = list_schema(ScheduleSchema, "ScheduleListSchema")
