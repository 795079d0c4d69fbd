"""Request and response schemas of /contacts/{id}/methods."""

from __future__ import annotations

from marshmallow import ValidationError, fields, post_load, validate, validates_schema

from workspace.contact_center.contacts.models import METHOD_KINDS
from workspace.contact_center.contacts.schemas import E164_MESSAGE, to_e164
from workspace.schemas import BaseSchema, list_schema

PHONE_TYPES = ("landline", "mobile")
_PHONE_TYPE = validate.OneOf(PHONE_TYPES, error="Choose landline or mobile.")


def _check_number(data: dict, errors: dict[str, list[str]]) -> None:
    if "number" in data and (data["number"] is None or to_e164(data["number"]) is None):
        errors["number"] = [E164_MESSAGE]


def _normalise_number(data: dict) -> dict:
    if data.get("number") is not None:
        data["number"] = to_e164(data["number"])
    return data


class ContactMethodCreateSchema(BaseSchema):
    """kind sip_account needs sip_account_id; kind phone needs number and number_type."""

    kind = fields.String(
        required=True, validate=validate.OneOf(METHOD_KINDS, error="Choose sip_account or phone.")
    )
    sip_account_id = fields.Integer(strict=True)
    number = fields.String(validate=validate.Length(max=40))
    number_type = fields.String(validate=_PHONE_TYPE)

    @validates_schema
    def _by_kind(self, data: dict, **_) -> None:
        errors: dict[str, list[str]] = {}
        needs = {"sip_account": ("sip_account_id",), "phone": ("number", "number_type")}
        wanted = needs.get(data["kind"], ())
        for key in ("sip_account_id", "number", "number_type"):
            if key in wanted and key not in data:
                errors[key] = ["Missing data for required field."]
            elif key not in wanted and key in data and data["kind"] in needs:
                errors[key] = [f"A {data['kind'].replace('_', ' ')} method has no {key}."]
        if data["kind"] == "phone":
            _check_number(data, errors)
        if errors:
            raise ValidationError(errors)

    @post_load
    def _normalise(self, data: dict, **_) -> dict:
        return _normalise_number(data)


class ContactMethodUpdateSchema(BaseSchema):
    """Partial update; which fields apply depends on the method's kind (checked by the service)."""

    sip_account_id = fields.Integer(strict=True)
    number = fields.String(validate=validate.Length(max=40))
    number_type = fields.String(validate=_PHONE_TYPE)

    @validates_schema
    def _number(self, data: dict, **_) -> None:
        errors: dict[str, list[str]] = {}
        _check_number(data, errors)
        if errors:
            raise ValidationError(errors)

    @post_load
    def _normalise(self, data: dict, **_) -> dict:
        return _normalise_number(data)


class ContactMethodSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    contact_id = fields.Integer()
    kind = fields.String()
    label = fields.String()
    sip_account_id = fields.Integer(allow_none=True)
    number = fields.String(allow_none=True)
    number_type = fields.String(allow_none=True)
    device_count = fields.Integer(metadata={"description": "call.center: the contact's devices"})
    created_at = fields.DateTime()


ContactMethodListSchema = list_schema(ContactMethodSchema, "ContactMethodListSchema")
