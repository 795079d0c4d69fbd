"""Request and response schemas of /devices."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate, validates

from workspace.contact_center.devices.models import MAX_SIP_ACCOUNTS
from workspace.contact_center.fields import Text
from workspace.schemas import BaseSchema, PagingSchema, list_schema

MAX_ID = 2**31 - 1  # ids are 32-bit integers in the database
TOO_MANY = "A device can use at most four SIP accounts."  # MAX_SIP_ACCOUNTS, in words


def _id(*, strict: bool = True, **kwargs) -> fields.Integer:
    """A row id; strict in JSON bodies (no "5" for 5), lenient in query strings."""
    return fields.Integer(strict=strict, validate=validate.Range(min=1, max=MAX_ID), **kwargs)


def _name(**kwargs) -> Text:
    """Stripped first, so a name of spaces only is refused as empty."""
    return Text(
        validate=validate.Length(min=1, max=100, error="Use 1 to 100 characters."), **kwargs
    )


def _sip_account_ids(**kwargs) -> fields.List:
    return fields.List(_id(), **kwargs)


def _check_sip_account_ids(value: list[int]) -> None:
    if not value:
        raise ValidationError("Choose at least one SIP account for the device.")
    if len(value) > MAX_SIP_ACCOUNTS:
        raise ValidationError(TOO_MANY)
    if len(set(value)) != len(value):
        raise ValidationError("Each SIP account can be added to a device only once.")


class DeviceContactSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class DeviceSipAccountSchema(BaseSchema):
    id = fields.Integer()
    friendly_name = fields.String()
    username = fields.String()
    provider_name = fields.String()


class DeviceSchema(BaseSchema):
    id = fields.Integer()
    version = fields.Integer()
    name = fields.String()
    status = fields.String()
    sub_status = fields.String(allow_none=True)
    app_version = fields.String(allow_none=True)
    platform = fields.String(allow_none=True)
    last_seen_at = fields.DateTime(allow_none=True)
    activated_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    contact = fields.Nested(DeviceContactSchema)
    sip_accounts = fields.List(fields.Nested(DeviceSipAccountSchema))


class DeviceCreateSchema(BaseSchema):
    contact_id = _id(required=True)
    name = _name(required=True)
    sip_account_ids = _sip_account_ids(required=True)

    @validates("sip_account_ids")
    def _sip_accounts(self, value: list[int], **_) -> None:
        _check_sip_account_ids(value)


class DeviceUpdateSchema(BaseSchema):
    name = _name()
    sip_account_ids = _sip_account_ids()

    @validates("sip_account_ids")
    def _sip_accounts(self, value: list[int], **_) -> None:
        _check_sip_account_ids(value)


class DeviceMoveSchema(BaseSchema):
    contact_id = _id(required=True)


class DeviceListArgsSchema(PagingSchema):
    q = Text(load_default=None, validate=validate.Length(max=100))  # no NUL: PostgreSQL refuses it
    contact_id = _id(strict=False)


DeviceListSchema = list_schema(DeviceSchema, "DeviceListSchema")
