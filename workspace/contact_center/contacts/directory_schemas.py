"""Response schema of /directory (the device API answers with the same document)."""

from __future__ import annotations

from marshmallow import fields

from workspace.schemas import BaseSchema


class DirectoryNumberSchema(BaseSchema):
    type = fields.String()
    number = fields.String(allow_none=True, metadata={"description": "E.164 or internal digits"})


class DirectoryEmailSchema(BaseSchema):
    address = fields.String()
    label = fields.String()


class DirectoryEntrySchema(BaseSchema):
    id = fields.Integer()
    first_name = fields.String()
    last_name = fields.String()
    company = fields.String()
    job_title = fields.String()
    numbers = fields.List(fields.Nested(DirectoryNumberSchema))
    emails = fields.List(fields.Nested(DirectoryEmailSchema))


class DirectorySchema(BaseSchema):
    version = fields.String(metadata={"description": "changes whenever the content changes"})
    contacts = fields.List(fields.Nested(DirectoryEntrySchema))
