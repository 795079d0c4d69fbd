"""Request and response schemas of POST /api/v1/simulate/week."""

from __future__ import annotations

from datetime import UTC, date, datetime

from marshmallow import fields, validate

from workspace.objects.types._decision import YEARS
from workspace.schemas import BaseSchema
from workspace.zones import zone_field


def _today() -> object:
    return datetime.now(UTC).date()


class WeekArgsSchema(BaseSchema):
    number = fields.String(required=True, validate=validate.Length(min=1, max=40))
    caller = fields.String(load_default=None, validate=validate.Length(min=1, max=40))
    week = fields.Date(
        load_default=_today,
        validate=validate.Range(min=date(YEARS[0], 1, 8), max=date(YEARS[1], 12, 24)),
        metadata={"description": "Any day of the week; this week by default"},
    )
    time_zone = zone_field(load_default="UTC", metadata={"description": "IANA zone of the grid"})
    source = fields.String(
        load_default="published",
        validate=validate.OneOf(("published", "draft"), error='Choose "published" or "draft".'),
    )


class WeekHourSchema(BaseSchema):
    day = fields.Integer(metadata={"description": "0 Monday ... 6 Sunday"})
    hour = fields.Integer()
    at = fields.AwareDateTime()
    ending = fields.String(metadata={"description": "The key of an entry of endings"})


class WeekEndingSchema(BaseSchema):
    key = fields.String()
    object = fields.Integer(allow_none=True, metadata={"description": "Where the call ends"})
    name = fields.String()
    outcome = fields.String()
    hours = fields.Integer()


class WeekSchema(BaseSchema):
    number = fields.String()
    caller = fields.String(allow_none=True)
    time_zone = fields.String()
    week_start = fields.Date()
    source = fields.String()
    revision = fields.Integer(allow_none=True)
    hours = fields.List(fields.Nested(WeekHourSchema))
    endings = fields.List(fields.Nested(WeekEndingSchema))
