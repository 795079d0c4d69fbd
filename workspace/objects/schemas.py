"""Request and response schemas of the workspace editor: types, tabs, objects, cables, draft."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.schemas import BaseSchema, PagingSchema, list_schema, page_field

NAME = validate.Length(min=1, max=100, error="Use 1 to 100 characters.")
COORDINATE = validate.Range(
    min=-1_000_000, max=1_000_000, error="Must be between -1000000 and 1000000."
)
PORT_NAME = validate.Length(min=1, max=40)
MAX_ID = 2**31 - 1  # row ids are 32-bit; a larger number names no row (and SQLite refuses it)
ROW_ID = validate.Range(min=1, max=MAX_ID, error="Not a valid id.")


class _StrippedString(fields.String):
    """A name: surrounding spaces are dropped before the length check."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


# ---- object types (the catalogue) ----


class PortSchema(BaseSchema):
    name = fields.String()
    direction = fields.String(metadata={"enum": ["in", "out"]})
    label = fields.String()
    max_cables = fields.Integer(allow_none=True, metadata={"description": "null: many"})
    signal = fields.String(allow_none=True, metadata={"description": "what an output emits"})
    accepts = fields.List(fields.String(), metadata={"description": "what an input takes"})
    warning = fields.Boolean()
    tone = fields.String(
        allow_none=True, metadata={"description": "positive (green) or negative (red) exit"}
    )


class ObjectTypeSchema(BaseSchema):
    type = fields.String()
    display_name = fields.String()
    category = fields.String(metadata={"enum": ["entry", "routing", "destination"]})
    icon = fields.String()
    color = fields.String()
    ports = fields.List(fields.Nested(PortSchema))
    properties_schema = fields.Dict(metadata={"description": "JSON schema of the properties"})
    defaults = fields.Dict()
    default_name_prefix = fields.String()
    exits = fields.List(
        fields.String(), metadata={"description": "Output ports that carry calls: plan exits"}
    )
    pickers = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={
            "description": "Property -> picker: phone_number, internal_number, contact_method"
        },
    )
    max_visits = fields.Integer(metadata={"description": "How often one call may pass it"})


ObjectTypeListSchema = list_schema(ObjectTypeSchema, "ObjectTypeListSchema")


# ---- tabs ----


class TabSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    position = fields.Integer()
    version = fields.Integer()
    draft_version = fields.Integer(metadata={"description": "set on responses to a change"})


class TabCreateSchema(BaseSchema):
    name = _StrippedString(validate=NAME, metadata={"description": 'default "Tab {n}"'})
    position = fields.Integer(
        validate=validate.Range(min=0), metadata={"description": "default: after the last tab"}
    )


class TabUpdateSchema(BaseSchema):
    name = _StrippedString(validate=NAME)
    position = fields.Integer(
        validate=validate.Range(min=0),
        metadata={"description": "move the tab there; the others are renumbered 0..n-1"},
    )


class TabDeleteQuerySchema(BaseSchema):
    confirm = fields.Boolean(
        load_default=False, metadata={"description": "true: delete its objects and cables too"}
    )


TabListSchema = list_schema(TabSchema, "TabListSchema")


# ---- objects ----


class PositionSchema(BaseSchema):
    x = fields.Float(required=True, allow_nan=False, validate=COORDINATE)
    y = fields.Float(required=True, allow_nan=False, validate=COORDINATE)


class ObjectSchema(BaseSchema):
    id = fields.Integer()
    tab_id = fields.Integer()
    type = fields.String()
    name = fields.String()
    position = fields.Method(
        "_position",
        metadata={
            "type": "object",
            "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
        },
    )
    properties = fields.Dict()
    version = fields.Integer()
    draft_version = fields.Integer(metadata={"description": "set on responses to a change"})

    def _position(self, obj) -> dict:
        return {"x": obj.x, "y": obj.y}


class ObjectCreateSchema(BaseSchema):
    tab_id = fields.Integer(required=True, strict=True, validate=ROW_ID)
    type = fields.String(required=True, validate=validate.Length(min=1, max=40))
    name = _StrippedString(
        validate=NAME, metadata={"description": 'default "{Tab} {Type} {n}", n the next free'}
    )
    position = fields.Nested(PositionSchema, required=True)
    properties = fields.Dict(
        keys=fields.String(), metadata={"description": "checked by the type's schema"}
    )


class ObjectUpdateSchema(BaseSchema):
    name = _StrippedString(validate=NAME)
    properties = fields.Dict(
        keys=fields.String(), metadata={"description": "merged over the current properties"}
    )
    tab_id = fields.Integer(
        strict=True, validate=ROW_ID, metadata={"description": "move to another tab"}
    )


class ObjectQuerySchema(PagingSchema):
    tab_id = fields.Integer(validate=ROW_ID)
    per_page = fields.Integer(load_default=200, validate=validate.Range(min=1, max=1000))


ObjectListSchema = list_schema(ObjectSchema, "ObjectListSchema")


# ---- cables ----


class CableSchema(BaseSchema):
    id = fields.Integer()
    source = fields.Integer(attribute="source_id")
    source_port = fields.String()
    target = fields.Integer(attribute="target_id")
    target_port = fields.String()
    version = fields.Integer()
    draft_version = fields.Integer(metadata={"description": "set on responses to a change"})


class CableCreateSchema(BaseSchema):
    source = fields.Integer(required=True, strict=True, validate=ROW_ID)
    source_port = fields.String(required=True, validate=PORT_NAME)
    target = fields.Integer(required=True, strict=True, validate=ROW_ID)
    target_port = fields.String(required=True, validate=PORT_NAME)


class CableQuerySchema(BaseSchema):
    tab_id = fields.Integer(validate=ROW_ID)
    page = page_field()
    per_page = fields.Integer(load_default=500, validate=validate.Range(min=1, max=2000))


CableListSchema = list_schema(CableSchema, "CableListSchema")


# ---- the draft as a whole ----


class ProblemSchema(BaseSchema):
    code = fields.String()
    severity = fields.String(metadata={"enum": ["error", "warning"]})
    message = fields.String()
    objects = fields.List(fields.Integer())
    cables = fields.List(fields.Integer())


class ValidationResultSchema(BaseSchema):
    problems = fields.List(fields.Nested(ProblemSchema))
    draft_version = fields.Integer()


class StateSchema(BaseSchema):
    draft_version = fields.Integer()
    published_revision = fields.Integer(allow_none=True)


class DraftQuerySchema(BaseSchema):
    tab_id = fields.Integer(required=True, validate=ROW_ID)


class DraftSchema(BaseSchema):
    draft_version = fields.Integer()
    tab = fields.Nested(TabSchema)
    tabs = fields.List(fields.Nested(TabSchema))
    objects = fields.List(fields.Nested(ObjectSchema))
    cables = fields.List(fields.Nested(CableSchema))
