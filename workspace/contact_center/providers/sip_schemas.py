"""Request and response schemas of /sip-accounts (and their dialing rules)."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate, validates_schema

from workspace.contact_center.fields import Secret, Text
from workspace.contact_center.providers.models import PROTOCOLS
from workspace.schemas import BaseSchema, PagingSchema, list_schema

MAX_RULES = 50
STATUSES = ("online", "offline", "not_in_use")
OPTIONAL_TEXT = validate.Length(max=100, error="Use at most 100 characters.")
PASSWORD_WITH_MANUAL = (
    "Leave the password out when it is typed on the device (manual password is on)."
)


class DialingRuleSchema(BaseSchema):
    start_with = Text(
        required=True,
        validate=[
            validate.Length(min=1, max=20, error="Use 1 to 20 characters."),
            validate.Regexp(r"^\+?[0-9]+$", error="Use digits, optionally after a leading +."),
        ],
    )
    replace_with = Text(
        load_default="",
        validate=[
            validate.Length(max=20, error="Use at most 20 digits."),
            validate.Regexp(r"^[0-9]*$", error="Use digits only (or leave it empty)."),
        ],
    )
    min_length = fields.Integer(
        strict=True,
        load_default=0,
        validate=validate.Range(min=0, max=32, error="Use a length from 0 to 32."),
    )


PROTOCOL = validate.OneOf(PROTOCOLS, error="Choose one of: udp, tcp, tls.")
PASSWORD_MAX_BYTES = 300  # its ciphertext must fit the 500-character column


def _password_fits(value: str) -> None:
    if len(value.encode("utf-8")) > PASSWORD_MAX_BYTES:
        raise ValidationError("This password is too long: use fewer or simpler characters.")


PASSWORD = [validate.Length(min=1, max=200, error="Use 1 to 200 characters."), _password_fits]
RULES = validate.Length(max=MAX_RULES, error=f"Use at most {MAX_RULES} dialing rules.")


class _PasswordRule:
    @validates_schema
    def _password_or_manual(self, data: dict, **_) -> None:
        if data.get("manual_password") and "password" in data:
            raise ValidationError({"password": [PASSWORD_WITH_MANUAL]})


class SipAccountCreateSchema(_PasswordRule, BaseSchema):
    provider_id = fields.Integer(required=True, strict=True)
    friendly_name = Text(load_default="", validate=OPTIONAL_TEXT)
    username = Text(
        required=True, validate=validate.Length(min=1, max=100, error="Use 1 to 100 characters.")
    )
    password = Secret(validate=PASSWORD, metadata={"description": "Write-only."})
    manual_password = fields.Boolean(
        load_default=False, metadata={"description": "Typed on the device; never stored here."}
    )
    protocol = Text(load_default="udp", validate=PROTOCOL)
    push_proxy = fields.Boolean(load_default=True)
    auth_username = Text(load_default=None, allow_none=True, validate=OPTIONAL_TEXT)
    display_name = Text(load_default=None, allow_none=True, validate=OPTIONAL_TEXT)
    dialing_rules = fields.List(fields.Nested(DialingRuleSchema), load_default=list, validate=RULES)


class SipAccountUpdateSchema(_PasswordRule, BaseSchema):
    """PATCH: only the fields sent change; a password sent replaces the stored one."""

    provider_id = fields.Integer(strict=True)
    friendly_name = Text(validate=OPTIONAL_TEXT)
    username = Text(validate=validate.Length(min=1, max=100, error="Use 1 to 100 characters."))
    password = Secret(validate=PASSWORD)
    manual_password = fields.Boolean()
    protocol = Text(validate=PROTOCOL)
    push_proxy = fields.Boolean()
    auth_username = Text(allow_none=True, validate=OPTIONAL_TEXT)
    display_name = Text(allow_none=True, validate=OPTIONAL_TEXT)
    dialing_rules = fields.List(fields.Nested(DialingRuleSchema), validate=RULES)


class SipAccountQuerySchema(PagingSchema):
    provider_id = fields.Integer(load_default=None, metadata={"description": "Only this one's."})


class AssignmentSchema(BaseSchema):
    device_id = fields.Integer()
    device_name = fields.String()
    contact_id = fields.Integer()
    contact_name = fields.String()


class SipAccountSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    provider_id = fields.Integer()
    provider_name = fields.String(attribute="provider.name")
    friendly_name = fields.String()
    username = fields.String()
    has_password = fields.Boolean(metadata={"description": "The password itself is never sent."})
    manual_password = fields.Boolean()
    protocol = fields.String()
    push_proxy = fields.Boolean()
    auth_username = fields.String(allow_none=True)
    display_name = fields.String(allow_none=True)
    dialing_rules = fields.List(fields.Nested(DialingRuleSchema))
    status = fields.String(
        metadata={"enum": list(STATUSES), "description": "Derived from the devices using it."}
    )
    assigned_to = fields.List(fields.Nested(AssignmentSchema))
    created_at = fields.DateTime()


SipAccountListSchema = list_schema(SipAccountSchema, "SipAccountListSchema")
