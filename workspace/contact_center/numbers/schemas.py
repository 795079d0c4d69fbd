"""Request and response schemas of /numbers/phone and /numbers/internal."""

from __future__ import annotations

import phonenumbers
from marshmallow import ValidationError, fields, validate

from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, list_schema

LABEL = validate.Length(max=100, error="Use at most 100 characters.")
INTERNAL = validate.Regexp(r"^[0-9]{1,6}$", error="Use 1 to 6 digits.")


class E164(Text):
    """A phone number in international format ("+1 415 555 0100"), stored as E.164."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > 40:
            raise ValidationError("Use at most 40 characters.")
        try:
            parsed = phonenumbers.parse(text, None)
        except phonenumbers.NumberParseException as exc:
            raise ValidationError(
                "Enter the number in international format: + and the country code, "
                "e.g. +1 415 555 0100."
            ) from exc
        if not phonenumbers.is_valid_number(parsed):
            raise ValidationError("This is not a valid phone number.")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


class PhoneNumberCreateSchema(BaseSchema):
    number = E164(required=True, metadata={"description": "Any international format; E.164 out."})
    label = Text(load_default="", validate=LABEL)


class PhoneNumberUpdateSchema(BaseSchema):
    number = E164()
    label = Text(validate=LABEL)


class PhoneNumberSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    number = fields.String(metadata={"description": "E.164"})
    label = fields.String()
    created_at = fields.DateTime()


class InternalNumberCreateSchema(BaseSchema):
    number = Text(required=True, validate=INTERNAL)
    label = Text(load_default="", validate=LABEL)


class InternalNumberUpdateSchema(BaseSchema):
    number = Text(validate=INTERNAL)
    label = Text(validate=LABEL)


class InternalNumberSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    number = fields.String(metadata={"description": "1 to 6 digits"})
    label = fields.String()
    created_at = fields.DateTime()


PhoneNumberListSchema = list_schema(PhoneNumberSchema, "PhoneNumberListSchema")
InternalNumberListSchema = list_schema(InternalNumberSchema, "InternalNumberListSchema")
