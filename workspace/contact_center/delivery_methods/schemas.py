"""Request and response schemas of /delivery-methods; per-type settings live in settings.py."""

from __future__ import annotations

from marshmallow import ValidationError, fields, post_load, validate, validates_schema

from workspace.contact_center.delivery_methods.models import TYPES
from workspace.contact_center.delivery_methods.settings import SETTINGS_SCHEMAS, load_settings
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, list_schema


def _describe_settings() -> str:
    lines = ["Settings of the type (secrets are write-only; send null in a PATCH to clear one):"]
    for type_, schema in SETTINGS_SCHEMAS.items():
        names = [
            f"{name}{' (secret)' if field.metadata.get('secret') else ''}"
            f"{'' if field.required else ' (optional)'}"
            for name, field in schema().fields.items()
        ]
        lines.append(f"- {type_}: {', '.join(names)}")
    return "\n".join(lines)


NAME_RULES = validate.Length(min=1, max=100, error="Enter 1 to {max} characters.")
ONE_OF_TYPES = validate.OneOf(TYPES, error="Choose one of: {choices}.")
SETTINGS_DOC = {"description": _describe_settings()}
# What a stored setting can be (the OpenAPI document says so, and the frontend's types follow).
VALUE = {
    "oneOf": [
        {"type": "string"},
        {"type": "number"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}},
    ]
}


class DeliveryMethodSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    version = fields.Integer(dump_only=True)
    name = fields.String()
    type = fields.String(metadata={"enum": list(TYPES)})
    settings = fields.Dict(
        values=fields.Raw(metadata=VALUE),
        metadata={"description": "The settings without secrets."},
    )
    secrets_set = fields.Method(
        "_secrets_set",
        metadata={"description": "Secrets stored.", "type": "array", "items": {"type": "string"}},
    )
    created_at = fields.DateTime()

    def _secrets_set(self, row) -> list[str]:
        return sorted(row.secrets or {})


DeliveryMethodListSchema = list_schema(DeliveryMethodSchema, "DeliveryMethodListSchema")


class DeliveryMethodCreateSchema(BaseSchema):
    name = Text(required=True, validate=NAME_RULES)
    type = fields.String(required=True, validate=ONE_OF_TYPES)
    settings = fields.Dict(required=True, metadata=SETTINGS_DOC)

    @validates_schema(skip_on_field_errors=False)
    def _settings(self, data: dict, **_) -> None:
        if data.get("type") in SETTINGS_SCHEMAS and isinstance(data.get("settings"), dict):
            try:
                load_settings(data["type"], data["settings"])
            except ValidationError as exc:
                raise ValidationError({"settings": exc.messages}) from None

    @post_load
    def _split_secrets(self, data: dict, **_) -> dict:
        data["settings"], data["secrets"] = load_settings(data["type"], data["settings"])
        return data


class DeliveryMethodTestSchema(BaseSchema):
    """Test connection of a saved method with the form's values as typed (all optional)."""

    name = Text(validate=NAME_RULES)
    settings = fields.Dict(metadata=SETTINGS_DOC)


class DeliveryMethodUpdateSchema(BaseSchema):
    """Partial: settings given are merged into the stored ones; an omitted secret is kept."""

    name = Text(validate=NAME_RULES)
    type = fields.String(validate=ONE_OF_TYPES, metadata={"description": "Cannot change."})
    settings = fields.Dict(metadata=SETTINGS_DOC)
