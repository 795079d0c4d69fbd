"""Request and response schemas of /auth."""

from __future__ import annotations

import phonenumbers
from marshmallow import ValidationError, fields, validate, validates, validates_schema

from workspace.schemas import BaseSchema
from workspace.zones import zone_field

COUNTRIES = sorted(phonenumbers.SUPPORTED_REGIONS)
PASSWORD_MIN = 8


class RegisterSchema(BaseSchema):
    first_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    last_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    email = fields.Email(required=True, validate=validate.Length(max=254))
    phone_number = fields.String(required=True, validate=validate.Length(min=1, max=40))
    country = fields.String(
        required=True, validate=validate.OneOf(COUNTRIES, error="Choose a country from the list.")
    )
    password = fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(
            min=PASSWORD_MIN, max=200, error=f"Use at least {PASSWORD_MIN} characters."
        ),
    )
    password_confirm = fields.String(required=True, load_only=True)
    accept_terms = fields.Boolean(required=True)
    accept_privacy = fields.Boolean(required=True)
    newsletter = fields.Boolean(load_default=False)
    time_zone = zone_field(
        load_default="UTC", metadata={"description": "IANA zone; UTC if left out"}
    )

    @validates("accept_terms")
    def _terms(self, value: bool, **_) -> None:
        if not value:
            raise ValidationError("You must agree with the Terms and Agreements.")

    @validates("accept_privacy")
    def _privacy(self, value: bool, **_) -> None:
        if not value:
            raise ValidationError("You must agree with the Privacy Notice.")

    @validates_schema
    def _cross_fields(self, data: dict, **_) -> None:
        errors: dict[str, list[str]] = {}
        if data.get("password") != data.get("password_confirm"):
            errors["password_confirm"] = ["The passwords do not match."]
        try:
            parsed = phonenumbers.parse(data.get("phone_number", ""), data.get("country"))
            valid = phonenumbers.is_valid_number(parsed)
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            errors["phone_number"] = ["Enter a valid phone number for the selected country."]
        if errors:
            raise ValidationError(errors)


class ConfirmSchema(BaseSchema):
    token = fields.String(required=True, validate=validate.Length(min=10, max=200))


class LoginSchema(BaseSchema):
    email = fields.String(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=200))


class PasswordChangeSchema(BaseSchema):
    current_password = fields.String(required=True, load_only=True)
    new_password = fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(
            min=PASSWORD_MIN, max=200, error=f"Use at least {PASSWORD_MIN} characters."
        ),
    )
    new_password_confirm = fields.String(required=True, load_only=True)

    @validates_schema
    def _match(self, data: dict, **_) -> None:
        if data.get("new_password") != data.get("new_password_confirm"):
            raise ValidationError({"new_password_confirm": ["The passwords do not match."]})


class MessageSchema(BaseSchema):
    message = fields.String()


class AdminSchema(BaseSchema):
    id = fields.Integer()
    email = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    role = fields.String(metadata={"description": "owner | admin | viewer"})


class AccountSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class SessionInfoSchema(BaseSchema):
    admin = fields.Nested(AdminSchema)
    account = fields.Nested(AccountSchema)
    csrf_token = fields.String(allow_none=True)


class ApiTokenCreateSchema(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))


class ApiTokenSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    prefix = fields.String()
    created_at = fields.DateTime()
    last_used_at = fields.DateTime(allow_none=True)


class ApiTokenCreatedSchema(ApiTokenSchema):
    token = fields.String()


class AcceptInvitationSchema(BaseSchema):
    token = fields.String(required=True, validate=validate.Length(min=10, max=200))
    first_name = fields.String(validate=validate.Length(min=1, max=100))
    last_name = fields.String(validate=validate.Length(max=100))
    password = fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(
            min=PASSWORD_MIN, max=200, error=f"Use at least {PASSWORD_MIN} characters."
        ),
    )
