"""Schemas of the call log: the events the SIP server posts, and the Calls page API."""

from __future__ import annotations

from datetime import UTC

from marshmallow import EXCLUDE, fields, validate

from workspace.calls.models import CAUSES, EVENT_TYPES, STATES
from workspace.schemas import BaseSchema, PagingSchema, list_schema

MAX_BATCH = 1000
# Unix times between 2000 and 2100: anything else is a clock or encoding fault.
EPOCH_RANGE = validate.Range(min=946684800, max=4102444800)


def _text(size: int, **kwargs) -> fields.String:
    return fields.String(validate=validate.Length(max=size), **kwargs)


class EventMemberSchema(BaseSchema):
    class Meta(BaseSchema.Meta):
        unknown = EXCLUDE  # the SIP side may add fields within the contract (decisions #4)

    contact = fields.Integer(load_default=None, allow_none=True)
    device = fields.Integer(load_default=None, allow_none=True)
    username = _text(200, load_default=None, allow_none=True)
    number = _text(64, load_default=None, allow_none=True)


class CallEventInSchema(BaseSchema):
    """One event as the KEMI module writes it (decisions.md #4)."""

    class Meta(BaseSchema.Meta):
        unknown = EXCLUDE

    id = fields.UUID(required=True)
    call_id = fields.String(required=True, validate=validate.Length(min=1, max=255))
    account = fields.Integer(required=True, validate=validate.Range(min=1))
    revision = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1))
    # The SIP server knows the route when the call starts; a BYE or a child transaction's
    # event may not (docs/call-events.md): the call keeps the route of the events that have one.
    route = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))
    type = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES))
    at = fields.Float(required=True, allow_nan=False, validate=EPOCH_RANGE)
    caller = _text(64, load_default=None, allow_none=True)
    caller_name = _text(200, load_default=None, allow_none=True)
    callee = _text(64, load_default="", allow_none=True)
    node = _text(64, load_default=None, allow_none=True)
    object = fields.Integer(load_default=None, allow_none=True)
    member = fields.Nested(EventMemberSchema, load_default=None, allow_none=True)
    cause = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(CAUSES))
    sip_code = fields.Integer(
        load_default=None, allow_none=True, validate=validate.Range(min=100, max=699)
    )


class EventBatchSchema(BaseSchema):
    events = fields.List(
        fields.Nested(CallEventInSchema),
        required=True,
        validate=validate.Length(max=MAX_BATCH),
    )


class IngestResultSchema(BaseSchema):
    accepted = fields.Integer(metadata={"description": "new events stored"})
    duplicates = fields.Integer(metadata={"description": "events already stored (replays)"})
    calls = fields.Integer(metadata={"description": "calls whose summary was refolded"})


class CallRefSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class AnsweredBySchema(BaseSchema):
    contact = fields.Nested(CallRefSchema, allow_none=True)
    device = fields.Nested(CallRefSchema, allow_none=True)
    username = fields.String(allow_none=True)
    number = fields.String(allow_none=True)


class CallEventOutSchema(BaseSchema):
    type = fields.String(metadata={"enum": list(EVENT_TYPES)})
    at = fields.DateTime()
    node = fields.String(allow_none=True)
    object_id = fields.Integer(allow_none=True)
    object_name = fields.String(allow_none=True, metadata={"description": "its name now"})
    member = fields.Nested(AnsweredBySchema, allow_none=True)
    cause = fields.String(allow_none=True)
    sip_code = fields.Integer(allow_none=True)


class CallSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    call_id = fields.String()
    state = fields.String(metadata={"enum": list(STATES)})
    route = fields.String()
    revision = fields.Integer(allow_none=True, metadata={"description": "the plan revision"})
    caller = fields.String(allow_none=True)
    caller_name = fields.String(allow_none=True)
    callee = fields.String()
    started_at = fields.DateTime()
    answered_at = fields.DateTime(allow_none=True)
    ended_at = fields.DateTime(allow_none=True)
    answered_by = fields.Nested(AnsweredBySchema, allow_none=True)
    ring_s = fields.Float(allow_none=True)
    talk_s = fields.Float(allow_none=True)
    cause = fields.String(allow_none=True, metadata={"enum": list(CAUSES)})
    sip_code = fields.Integer(allow_none=True)
    # The workspace objects the program went through, in order (the canvas lights them).
    path = fields.List(fields.Integer())


class CallDetailSchema(CallSchema):
    events = fields.List(fields.Nested(CallEventOutSchema))


CallListSchema = list_schema(CallSchema, "CallListSchema")


class CallListArgsSchema(PagingSchema):
    """?number=+1415&contact=3&date_from=...&date_to=...&revision=4 (q is an alias of number)."""

    number = fields.String(
        load_default=None,
        validate=[
            validate.Length(max=64),
            validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Remove control characters."),
        ],
    )
    contact = fields.Integer(load_default=None, validate=validate.Range(min=1))
    revision = fields.Integer(load_default=None, validate=validate.Range(min=1))
    active = fields.Boolean(
        load_default=False,
        metadata={"description": "only calls in progress that started in the last hours"},
    )
    date_from = fields.AwareDateTime(load_default=None, default_timezone=UTC)
    date_to = fields.AwareDateTime(load_default=None, default_timezone=UTC)


class RevisionCallsSchema(BaseSchema):
    revision = fields.Integer()
    calls = fields.Integer()


RevisionCallsListSchema = list_schema(RevisionCallsSchema, "RevisionCallsListSchema")
