"""Request and response schemas of publishing, revisions, the simulator, export and import."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from marshmallow import ValidationError, fields, post_load, pre_load, validate, validates

from workspace.objects.document_rows import (
    COORDINATE_MAX,
    KEY_MAX,
    NAME_MAX,
    TAB_POSITION_MAX,
    quick_cable,
    quick_object,
    quick_rows,
    quick_tab,
)
from workspace.objects.transfer_service import FORMAT, MODES, VERSION
from workspace.objects.types import REGISTRY
from workspace.objects.types._decision import YEARS
from workspace.schemas import BaseSchema, PagingSchema, list_schema
from workspace.zones import zone_field

MESSAGE_MAX = 500
MAX_TABS = 100
MAX_OBJECTS = 10_000
MAX_CABLES = 20_000
# The largest import body: a generous budget per item at the count limits (an exported tab
# is ~50 bytes, an object ~200, a cable ~100), so a document past the limits is refused by
# its size before it is parsed. WORKSPACE_IMPORT_MAX_BYTES overrides it.
MAX_DOCUMENT_BYTES = MAX_TABS * 256 + MAX_OBJECTS * 512 + MAX_CABLES * 192 + 64 * 1024
COORDINATE = validate.Range(min=-COORDINATE_MAX, max=COORDINATE_MAX)
QuickRow = Callable[[Any], dict[str, Any] | None]


# ---- publishing and revisions ---------------------------------------------------------------


class PublishSchema(BaseSchema):
    message = fields.String(
        required=True,
        validate=validate.Length(
            min=1, max=MESSAGE_MAX, error=f"Say what changed in 1 to {MESSAGE_MAX} characters."
        ),
    )

    @validates("message")
    def _not_blank(self, value: str, **_) -> None:
        if not value.strip():
            raise ValidationError("Say what changed.")


class RollbackSchema(BaseSchema):
    message = fields.String(load_default=None, validate=validate.Length(max=MESSAGE_MAX))


class RevisionQuerySchema(PagingSchema):
    """?page, ?per_page, ?q (matches the message)."""


class PublishProblemSchema(BaseSchema):
    code = fields.String()
    severity = fields.String()
    message = fields.String()
    objects = fields.List(fields.Integer())
    cables = fields.List(fields.Integer())


class RevisionSchema(BaseSchema):
    number = fields.Integer()
    hash = fields.String()
    message = fields.String()
    author_name = fields.String()
    created_at = fields.DateTime()
    is_published = fields.Boolean()
    rollback_of = fields.Integer(allow_none=True)


RevisionListSchema = list_schema(RevisionSchema, "RevisionListSchema")


class RevisionDetailSchema(RevisionSchema):
    snapshot = fields.Dict(metadata={"description": '{"tabs", "objects", "cables"} as published'})


class PublishResultSchema(RevisionSchema):
    unchanged = fields.Boolean(
        metadata={"description": "True: nothing changed, this is the revision already published"}
    )
    problems = fields.List(
        fields.Nested(PublishProblemSchema), metadata={"description": "Warnings"}
    )
    draft_version = fields.Integer(metadata={"description": "Rollback only: the new draft version"})


class PlanSchema(BaseSchema):
    format = fields.Integer(metadata={"description": "2: the call program (docs/routing-plan.md)"})
    revision = fields.Integer(allow_none=True)
    hash = fields.String()
    compiled_at = fields.String(allow_none=True)
    routes = fields.Dict(
        metadata={"description": 'Routes by number (E.164 or ext:<digits>): {"node": id}'}
    )
    nodes = fields.Dict(
        metadata={"description": "Compiled steps by node id: object, type, exits, ..."}
    )
    devices = fields.Dict(metadata={"description": "Per-device settings by device id"})


class FieldChangeSchema(BaseSchema):
    field = fields.String(metadata={"description": "name, position, properties.<key>..."})
    before = fields.Raw(allow_none=True)
    after = fields.Raw(allow_none=True)


class RowChangeSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String(metadata={"description": "The row's name now (tabs, objects)"})
    # "fields" would shadow Schema.fields: named apart, serialized as "fields".
    changed_fields = fields.List(fields.String(), data_key="fields", attribute="fields")
    changes = fields.List(
        fields.Nested(FieldChangeSchema), metadata={"description": "Before -> after per field"}
    )


class RowsDiffSchema(BaseSchema):
    added = fields.List(fields.Dict())
    removed = fields.List(fields.Dict())
    changed = fields.List(fields.Nested(RowChangeSchema))


class CablesDiffSchema(BaseSchema):
    added = fields.List(fields.Dict())
    removed = fields.List(fields.Dict())


class KeysDiffSchema(BaseSchema):
    added = fields.List(fields.String())
    removed = fields.List(fields.String())
    changed = fields.List(fields.String())


class PlanDiffSchema(BaseSchema):
    routes = fields.Nested(KeysDiffSchema)
    nodes = fields.Nested(KeysDiffSchema)
    devices = fields.Nested(KeysDiffSchema)


class PendingSchema(BaseSchema):
    published_revision = fields.Integer(allow_none=True)
    draft_version = fields.Integer()
    count = fields.Integer(
        metadata={"description": "Canvas rows changed since the published revision"}
    )


class PendingChangeSchema(BaseSchema):
    kind = fields.String(metadata={"description": "object, cable, tab or schedule"})
    action = fields.String(metadata={"description": "added, removed or changed"})
    id = fields.Integer()
    name = fields.String()
    tab = fields.Integer(allow_none=True)
    changes = fields.List(fields.Nested(FieldChangeSchema))


class AffectedDeviceSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    contact = fields.Integer()
    before = fields.List(
        fields.String(),
        allow_none=True,
        metadata={"description": "reachable_at now (null: not in the plan)"},
    )
    after = fields.List(
        fields.String(), allow_none=True, metadata={"description": "reachable_at after publishing"}
    )


class PublishPreviewSchema(PendingSchema):
    changes = fields.List(fields.Nested(PendingChangeSchema))
    devices = fields.List(fields.Nested(AffectedDeviceSchema))
    problems = fields.List(fields.Nested(PublishProblemSchema))
    can_publish = fields.Boolean(metadata={"description": "False while an error stands"})


class RevisionDiffSchema(BaseSchema):
    from_ = fields.Integer(data_key="from", attribute="from")
    to = fields.Integer()
    tabs = fields.Nested(RowsDiffSchema)
    objects = fields.Nested(RowsDiffSchema)
    cables = fields.Nested(CablesDiffSchema)
    plan = fields.Nested(PlanDiffSchema)


# ---- the simulator and effective device config -------------------------------------------


DECLINES_MAX = 100
DECLINE_AFTER_MAX = 3600  # seconds: past any ring a timeline (300 s) or the SIP cap allows


class DeclineSchema(BaseSchema):
    contact_method = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, max=2**63 - 1),
        metadata={"description": "The contact method id that declines (as `answer`)"},
    )
    after = fields.Integer(
        load_default=0,
        strict=True,
        validate=validate.Range(min=0, max=DECLINE_AFTER_MAX),
        metadata={"description": "Seconds after it starts ringing; 0: at once"},
    )


class SimulateSchema(BaseSchema):
    number = fields.String(required=True, validate=validate.Length(min=1, max=40))
    caller = fields.String(load_default=None, validate=validate.Length(min=1, max=40))
    at = fields.DateTime(
        load_default=None,
        metadata={
            "description": "ISO 8601 with its offset, or a local time with time_zone; "
            "now when left out"
        },
    )
    time_zone = zone_field(
        load_default=None,
        allow_none=True,
        metadata={"description": "IANA zone of a local `at` (2026-12-07T09:00 in Europe/Berlin)"},
    )
    digits = fields.List(
        fields.String(validate=validate.Regexp(r"^[0-9*#]$", error="One of 0-9, * or #.")),
        load_default=list,
        validate=validate.Length(max=40),
        metadata={"description": "The digits the caller presses, in order"},
    )
    answer = fields.Integer(
        load_default=None,
        allow_none=True,
        strict=True,
        validate=validate.Range(min=1, max=2**63 - 1),
        metadata={"description": "The contact method id that answers; null: nobody"},
    )
    declines = fields.List(
        fields.Nested(DeclineSchema),
        load_default=list,
        validate=validate.Length(max=DECLINES_MAX),
        metadata={
            "description": "The contact methods that decline whenever they ring (a device's "
            "486 or 603): each stops ringing then; a group with nobody left leaves by no_answer"
        },
    )
    source = fields.String(
        load_default="published",
        validate=validate.OneOf(("published", "draft"), error='Choose "published" or "draft".'),
    )

    @validates("declines")
    def _declines_once(self, value: list[dict], **kwargs: Any) -> None:
        # runs on the items that loaded even when others did not: those may lack the id
        methods = [d["contact_method"] for d in value if "contact_method" in d]
        if len(set(methods)) != len(methods):
            raise ValidationError("Each contact method may decline once.")

    @post_load
    def _answer_or_decline(self, data: dict, **kwargs: Any) -> dict:
        """The one who answers picks up when it rings: it cannot decline as well (422)."""
        answer = data.get("answer")
        if answer is not None and any(d["contact_method"] == answer for d in data["declines"]):
            raise ValidationError(
                f"Contact method #{answer} answers: it cannot decline as well.", "declines"
            )
        return data

    @post_load
    def _localise(self, data: dict, **kwargs: Any) -> dict:
        """A local ``at`` takes the ``time_zone``; without one it is ambiguous (422)."""
        zone = data.pop("time_zone", None)
        data["at"] = localise(data.get("at"), zone)
        return data


def localise(at: Any, zone: str | None) -> Any:
    """``at`` made aware in ``zone`` when it has no offset; 422 when it has neither, or when
    its year is out of range (time routers compute with it)."""
    if at is not None and not YEARS[0] <= at.year <= YEARS[1]:
        raise ValidationError(f"Give a year from {YEARS[0]} to {YEARS[1]}.", "at")
    if at is None or at.tzinfo is not None:
        return at
    if zone is None:
        raise ValidationError("Give the time with its offset (+01:00) or a time_zone.", "at")
    return at.replace(tzinfo=ZoneInfo(zone))


class RejectedSchema(BaseSchema):
    code = fields.Integer()
    reason = fields.String()


class RingSchema(BaseSchema):
    at = fields.Integer()
    until = fields.Integer(allow_none=True)
    contact_method = fields.Integer()
    contact = fields.Integer(allow_none=True)
    contact_name = fields.String(allow_none=True)
    kind = fields.String()
    devices = fields.List(fields.Integer())
    device_names = fields.List(fields.String(allow_none=True))
    ring_group = fields.Integer(allow_none=True)
    object = fields.Integer()
    object_path = fields.List(fields.Integer())
    declined = fields.Boolean(
        metadata={"description": "It stopped at `until` because the contact method declined"}
    )


class SimulationStepSchema(BaseSchema):
    node = fields.String()
    object = fields.Integer()
    type = fields.String()
    at = fields.Integer()
    until = fields.Integer(allow_none=True)
    exit = fields.String(allow_none=True, metadata={"description": "The exit it leaves by"})
    next = fields.Integer(allow_none=True, metadata={"description": "The next object"})
    reason = fields.String()


class ForwardedSchema(BaseSchema):
    number = fields.String()
    caller_id = fields.String(allow_none=True)


class SimulationSchema(BaseSchema):
    source = fields.String()
    revision = fields.Integer(allow_none=True, metadata={"description": "None for the draft"})
    hash = fields.String()
    number = fields.String()
    caller = fields.String(allow_none=True)
    at = fields.AwareDateTime(allow_none=True)
    key = fields.String(allow_none=True)
    found = fields.Boolean()
    digits = fields.List(fields.String())
    answer = fields.Integer(allow_none=True)
    declines = fields.List(fields.Nested(DeclineSchema))
    outcome = fields.String(
        metadata={
            "description": "not_found, answered, ringing, hangup, forwarded, rejected or loop_limit"
        }
    )
    rejected = fields.Nested(
        RejectedSchema, allow_none=True, metadata={"description": "The SIP answer (rejected)"}
    )
    ends_at = fields.Integer(allow_none=True)
    answered_by = fields.Integer(allow_none=True)
    answered_at = fields.Integer(allow_none=True)
    forwarded_to = fields.Nested(ForwardedSchema, allow_none=True)
    path = fields.List(fields.Integer(), metadata={"description": "Object ids, entry first"})
    steps = fields.List(fields.Nested(SimulationStepSchema))
    rings = fields.List(fields.Nested(RingSchema))
    object_names = fields.Dict(keys=fields.String(), values=fields.String())


class EffectiveConfigSchema(BaseSchema):
    device = fields.Integer()
    name = fields.String()
    in_plan = fields.Boolean()
    revision = fields.Integer(allow_none=True)
    hash = fields.String(allow_none=True)
    config = fields.Dict(allow_none=True)
    message = fields.String(allow_none=True, metadata={"description": "Why it is not in the plan"})


# ---- export and import ----------------------------------------------------------------------

KEY = validate.Length(min=1, max=KEY_MAX)


class DocumentTabSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    name = fields.String(required=True, validate=validate.Length(min=1, max=NAME_MAX))
    position = fields.Integer(load_default=0, validate=validate.Range(min=0, max=TAB_POSITION_MAX))


class DocumentPositionSchema(BaseSchema):
    x = fields.Float(required=True, validate=COORDINATE)
    y = fields.Float(required=True, validate=COORDINATE)


class DocumentObjectSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    tab = fields.String(required=True, validate=KEY)
    type = fields.String(
        required=True, validate=validate.OneOf(list(REGISTRY), error="Unknown object type.")
    )
    name = fields.String(load_default="", validate=validate.Length(max=NAME_MAX))
    position = fields.Nested(DocumentPositionSchema, load_default=lambda: {"x": 0.0, "y": 0.0})
    properties = fields.Dict(keys=fields.String(), load_default=dict)


class DocumentCableSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    source = fields.String(required=True, validate=KEY)
    source_port = fields.String(required=True, validate=KEY)
    target = fields.String(required=True, validate=KEY)
    target_port = fields.String(required=True, validate=KEY)


class DocumentRows(fields.List):
    """A list of document rows, loaded by a plain check first (workspace.objects.document_rows):
    the nested schema reads the list only when a row fails that check, so a refusal keeps the
    schema's wording and place."""

    def __init__(self, schema: type[BaseSchema], quick: QuickRow, **kwargs: Any) -> None:
        super().__init__(fields.Nested(schema), **kwargs)
        self.quick = quick

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> list:
        rows = quick_rows(value, self.quick)
        if rows is not None:
            return rows
        return super()._deserialize(value, attr, data, **kwargs)


class DocumentSchema(BaseSchema):
    @pre_load
    def _count_before_reading(self, data: Any, **kwargs: Any) -> Any:
        """Refuse lists past their limits before any item is deserialized: a document of
        100,000 small objects fits the byte limit, and reading every one of them before
        Length said no took seconds of CPU."""
        if isinstance(data, dict):
            errors = {
                name: [f"Longer than maximum length {most}."]
                for name, most in (
                    ("tabs", MAX_TABS),
                    ("objects", MAX_OBJECTS),
                    ("cables", MAX_CABLES),
                )
                if isinstance(data.get(name), list) and len(data[name]) > most
            }
            if errors:
                raise ValidationError(errors)
        return data

    format = fields.String(
        required=True,
        validate=validate.Equal(FORMAT, error=f'This is not a "{FORMAT}" document.'),
    )
    version = fields.Integer(
        required=True,
        validate=validate.Equal(
            VERSION, error=f"Only version {VERSION} documents can be imported."
        ),
    )
    tabs = DocumentRows(
        DocumentTabSchema, quick_tab, required=True, validate=validate.Length(max=MAX_TABS)
    )
    objects = DocumentRows(
        DocumentObjectSchema,
        quick_object,
        required=True,
        validate=validate.Length(max=MAX_OBJECTS),
    )
    cables = DocumentRows(
        DocumentCableSchema,
        quick_cable,
        required=True,
        validate=validate.Length(max=MAX_CABLES),
    )


class ImportSchema(BaseSchema):
    document = fields.Nested(DocumentSchema, required=True)
    mode = fields.String(
        required=True,
        validate=validate.OneOf(
            MODES, error='Choose "replace" (the draft becomes the document) or "merge" (added).'
        ),
    )


class ImportResultSchema(BaseSchema):
    mode = fields.String()
    draft_version = fields.Integer()
    tabs = fields.Dict(keys=fields.String(), values=fields.Integer())
    objects = fields.Dict(keys=fields.String(), values=fields.Integer())
    cables = fields.Dict(keys=fields.String(), values=fields.Integer())
    problems = fields.List(fields.Nested(PublishProblemSchema))
