"""Schemas of /activity (read-only: there is no schema to write an entry)."""

from __future__ import annotations

from marshmallow import fields, validate

from workspace.schemas import BaseSchema, PagingSchema, list_schema

MAX_INT = 2**31 - 1


class AuditEntrySchema(BaseSchema):
    id = fields.Integer()
    at = fields.DateTime()
    actor_type = fields.String(metadata={"description": "admin | api_token | system"})
    actor_id = fields.Integer(allow_none=True)
    actor_name = fields.String()
    address = fields.String(allow_none=True)
    action = fields.String(
        metadata={
            "description": "create | update | delete, or import | restore: a whole draft "
            "written at once (resource workspace, counts in changes)"
        }
    )
    resource = fields.String(metadata={"description": "the table: objects, contacts, ..."})
    resource_id = fields.String()
    resource_name = fields.String()
    changes = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.Raw(allow_none=True)),
        metadata={"description": "field -> [before, after]; secrets are masked"},
    )


_AuditList = list_schema(AuditEntrySchema, "AuditEntryListSchema")


class AuditEntryListSchema(_AuditList):
    resources = fields.List(fields.String(), metadata={"description": "every resource logged"})


class AuditQuerySchema(PagingSchema):
    """?actor=<admin id>&resource=objects&resource_id=12&since=...&until=...&revision=3"""

    actor = fields.Integer(load_default=None, validate=validate.Range(min=1, max=MAX_INT))
    actor_type = fields.String(
        load_default=None, validate=validate.OneOf(["admin", "api_token", "system"])
    )
    resource = fields.String(load_default=None, validate=validate.Length(max=40))
    resource_id = fields.String(load_default=None, validate=validate.Length(max=40))
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)
    revision = fields.Integer(
        load_default=None,
        validate=validate.Range(min=1, max=MAX_INT),
        metadata={"description": "the edits published by this revision, and its publish"},
    )
