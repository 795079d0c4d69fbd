"""Request and response schemas of /contacts, and the phone-number field rules they share."""

from __future__ import annotations

import phonenumbers
from marshmallow import ValidationError, fields, post_load, validate, validates_schema

from workspace.contact_center.contacts.models import EMAIL_LABELS, NUMBER_TYPES
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, list_schema

E164_MESSAGE = "Enter a valid phone number in international format, e.g. +1 415 555 0100."
MAX_NUMBERS = 20
MAX_EMAILS = 20


def to_e164(value: str) -> str | None:
    """A number typed with spaces, dashes or brackets as E.164; None when it is not valid."""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def name_field(what: str, **kwargs) -> Text:
    return Text(
        validate=[
            validate.Length(min=1, error=f"Enter the {what}."),
            validate.Length(max=100, error=f"Use at most 100 characters for the {what}."),
        ],
        **kwargs,
    )


def text_field(what: str, **kwargs) -> Text:
    return Text(
        validate=validate.Length(max=200, error=f"Use at most 200 characters for the {what}."),
        **kwargs,
    )


class ContactNumberInSchema(BaseSchema):
    """A landline/mobile number (E.164, formatted input accepted) or an internal number."""

    type = fields.String(
        required=True,
        validate=validate.OneOf(NUMBER_TYPES, error="Choose landline, mobile or internal."),
    )
    number = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))
    internal_number_id = fields.Integer(load_default=None, allow_none=True, strict=True)

    @validates_schema
    def _by_type(self, data: dict, **_) -> None:
        errors: dict[str, list[str]] = {}
        if data["type"] == "internal":
            if data.get("internal_number_id") is None:
                errors["internal_number_id"] = ["Choose one of the account's internal numbers."]
            if data.get("number"):
                errors["number"] = ["An internal number is chosen by internal_number_id only."]
        else:
            if data.get("internal_number_id") is not None:
                errors["internal_number_id"] = ["Only internal numbers have internal_number_id."]
            if not data.get("number"):
                errors["number"] = ["Enter the phone number."]
            elif to_e164(data["number"]) is None:
                errors["number"] = [E164_MESSAGE]
        if errors:
            raise ValidationError(errors)

    @post_load
    def _normalise(self, data: dict, **_) -> dict:
        data["number"] = None if data["type"] == "internal" else to_e164(data["number"])
        return data


class ContactEmailInSchema(BaseSchema):
    address = fields.Email(required=True, validate=validate.Length(max=254))
    label = fields.String(
        load_default="work", validate=validate.OneOf(EMAIL_LABELS, error="Choose work or home.")
    )


def _numbers(**kwargs) -> fields.List:
    return fields.List(
        fields.Nested(ContactNumberInSchema),
        validate=validate.Length(max=MAX_NUMBERS, error=f"Add at most {MAX_NUMBERS} numbers."),
        **kwargs,
    )


def _emails(**kwargs) -> fields.List:
    return fields.List(
        fields.Nested(ContactEmailInSchema),
        validate=[
            validate.Length(min=1, error="Add at least one email address."),
            validate.Length(max=MAX_EMAILS, error=f"Add at most {MAX_EMAILS} email addresses."),
        ],
        **kwargs,
    )


class _NoDuplicates:
    """The same email address or phone number listed twice is refused at the second one."""

    @validates_schema
    def _no_duplicates(self, data: dict, **_) -> None:
        errors: dict[str, dict] = {}
        for key, field, value_of in (
            ("emails", "address", lambda e: e["address"].lower()),
            ("numbers", "number", lambda n: n["number"] or f"internal:{n['internal_number_id']}"),
        ):
            seen: set[str] = set()
            for index, item in enumerate(data.get(key) or []):
                value = value_of(item)
                if value in seen:
                    errors.setdefault(key, {})[index] = {field: ["This is listed twice."]}
                seen.add(value)
        if errors:
            raise ValidationError(errors)


class ContactCreateSchema(_NoDuplicates, BaseSchema):
    first_name = name_field("first name", required=True)
    last_name = name_field("last name", required=True)
    company = text_field("company", load_default="")
    job_title = text_field("job title", load_default="")
    show_in_directory = fields.Boolean(load_default=True)
    numbers = _numbers(load_default=list)
    emails = _emails(required=True)


class ContactUpdateSchema(_NoDuplicates, BaseSchema):
    """Partial update; numbers and emails, when given, replace the whole list."""

    first_name = name_field("first name")
    last_name = name_field("last name")
    company = text_field("company")
    job_title = text_field("job title")
    show_in_directory = fields.Boolean()
    numbers = _numbers()
    emails = _emails()


class ContactNumberSchema(BaseSchema):
    type = fields.String()
    number = fields.String(allow_none=True, metadata={"description": "E.164; null for internal"})
    internal_number_id = fields.Integer(allow_none=True)
    internal_number = fields.String(allow_none=True, metadata={"description": "its digits"})


class ContactEmailSchema(BaseSchema):
    address = fields.String()
    label = fields.String()


class MethodSummarySchema(BaseSchema):
    id = fields.Integer()
    kind = fields.String()
    label = fields.String()


class ContactSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    first_name = fields.String()
    last_name = fields.String()
    full_name = fields.String()
    company = fields.String()
    job_title = fields.String()
    show_in_directory = fields.Boolean()
    numbers = fields.List(fields.Nested(ContactNumberSchema))
    emails = fields.List(fields.Nested(ContactEmailSchema))
    methods = fields.List(fields.Nested(MethodSummarySchema))
    device_count = fields.Integer()
    internal_caller_id = fields.String(
        allow_none=True, metadata={"description": "digits of the call.center internal caller ID"}
    )
    external_caller_id = fields.String(
        allow_none=True, metadata={"description": "E.164 of the call.center external caller ID"}
    )
    created_at = fields.DateTime()


ContactListSchema = list_schema(ContactSchema, "ContactListSchema")
