"""/api/v1/contacts/export and /import: contacts as CSV (all or nothing, with a dry run)."""

from __future__ import annotations

from flask import Response
from flask_smorest import Blueprint
from marshmallow import fields, validate

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.contacts import csv_io
from workspace.schemas import BaseSchema

blp = Blueprint(
    "contacts_csv", __name__, url_prefix="/api/v1/contacts", description="Contacts as CSV"
)
protect(blp)
MAX_CSV = 2 * 1024 * 1024


class ContactsImportSchema(BaseSchema):
    csv = fields.String(required=True, validate=validate.Length(min=1, max=MAX_CSV))
    dry_run = fields.Boolean(load_default=True)


class ContactsImportRowSchema(BaseSchema):
    row = fields.Integer(metadata={"description": "the line in the file (1 is the header)"})
    name = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


class ContactsImportResultSchema(BaseSchema):
    dry_run = fields.Boolean()
    ok = fields.Boolean()
    created = fields.Integer()
    rows = fields.List(fields.Nested(ContactsImportRowSchema))


@blp.get("/export")
@blp.response(200, content_type="text/csv")
def export_contacts():
    """Every contact as CSV (emails and numbers ";"-separated, with their labels)."""
    body = csv_io.export_csv(current_account_id())
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="contacts.csv"'},
    )


@blp.post("/import")
@blp.arguments(ContactsImportSchema)
@blp.response(200, ContactsImportResultSchema)
def import_contacts(data):
    """Check (dry_run, the default) or import contacts from CSV: every row or none; 422
    naming each failing row under errors.rows when a real import has errors."""
    return csv_io.import_csv(current_account_id(), data["csv"], dry_run=data["dry_run"])
