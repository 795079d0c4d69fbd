"""Request and response schemas of /wizard/contact (the guide's contact Setup Wizard).

The request has one key per wizard step, so a 422 names the step and the field the way the
form lays them out: `errors.json.internal_number.number`, `errors.json.device.name`, ...
Each of the number and tab steps either picks an existing row (`id`) or adds a new one.
"""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate, validates, validates_schema

from workspace.contact_center.contacts.schemas import ContactCreateSchema, ContactSchema
from workspace.contact_center.devices.schemas import DeviceSchema, _check_sip_account_ids
from workspace.contact_center.fields import Text
from workspace.contact_center.numbers.schemas import E164, INTERNAL, LABEL
from workspace.objects.publishing_schemas import MESSAGE_MAX, PublishProblemSchema
from workspace.objects.schemas import NAME, ROW_ID, CableSchema, ObjectSchema, TabSchema
from workspace.schemas import BaseSchema


def _id(description: str) -> fields.Integer:
    return fields.Integer(
        strict=True,
        load_default=None,
        allow_none=True,
        validate=ROW_ID,
        metadata={"description": description},
    )


def _pick_or_add(data: dict, new_key: str, what: str) -> None:
    """Exactly one of `id` (pick) and `new_key` (add): each mistake names its field."""
    if data.get("id") is not None and data.get(new_key) is not None:
        raise ValidationError({"id": [f"Pick an existing {what} or add a new one, not both."]})
    if data.get("id") is None and data.get(new_key) is None:
        raise ValidationError({new_key: [f"Pick an existing {what} or enter a new one."]})


class InternalNumberStepSchema(BaseSchema):
    """Step 2: the contact's extension, picked from the inventory or added to it."""

    id = _id("an internal number of the inventory")
    number = Text(
        load_default=None, allow_none=True, validate=INTERNAL, metadata={"description": "new"}
    )
    label = Text(load_default="", validate=LABEL, metadata={"description": "for a new number"})

    @validates_schema
    def _one(self, data: dict, **_) -> None:
        _pick_or_add(data, "number", "internal number")


class PhoneNumberStepSchema(BaseSchema):
    """Step 3: the contact's DID, picked from the inventory or added to it (E.164)."""

    id = _id("a phone number of the inventory")
    number = E164(load_default=None, allow_none=True, metadata={"description": "new, any format"})
    label = Text(load_default="", validate=LABEL, metadata={"description": "for a new number"})
    outbound_calling = fields.Boolean(
        load_default=True,
        metadata={"description": "allow outbound calls, showing this number as caller ID"},
    )

    @validates_schema
    def _one(self, data: dict, **_) -> None:
        _pick_or_add(data, "number", "phone number")


class TabStepSchema(BaseSchema):
    """Step 4: the workspace tab the objects go on, picked or added."""

    id = _id("a tab of the workspace")
    name = Text(load_default=None, allow_none=True, validate=NAME, metadata={"description": "new"})

    @validates_schema
    def _one(self, data: dict, **_) -> None:
        _pick_or_add(data, "name", "tab")


class DeviceStepSchema(BaseSchema):
    """Step 4: the contact's call.center device on 1 to 4 of the account's SIP accounts."""

    name = Text(
        required=True, validate=validate.Length(min=1, max=100, error="Use 1 to 100 characters.")
    )
    sip_account_ids = fields.List(fields.Integer(strict=True, validate=ROW_ID), required=True)

    @validates("sip_account_ids")
    def _sip_accounts(self, value: list[int], **_) -> None:
        _check_sip_account_ids(value)


class WizardContactSchema(BaseSchema):
    contact = fields.Nested(ContactCreateSchema, required=True)
    internal_number = fields.Nested(
        InternalNumberStepSchema,
        load_default=None,
        allow_none=True,
        metadata={"description": "optional: null sets up the contact without an extension"},
    )
    phone_number = fields.Nested(PhoneNumberStepSchema, required=True)
    tab = fields.Nested(TabStepSchema, required=True)
    device = fields.Nested(DeviceStepSchema, required=True)
    publish = fields.Boolean(
        load_default=True,
        metadata={"description": "publish afterwards if the whole workspace validates"},
    )
    publish_message = Text(
        load_default=None,
        allow_none=True,
        validate=validate.Length(max=MESSAGE_MAX),
        metadata={"description": 'default "Set up <contact name> with the wizard"'},
    )


class ActivationSchema(BaseSchema):
    device_id = fields.Integer()
    code = fields.String(metadata={"description": "the device's activation code"})
    page = fields.String(metadata={"description": "the portal page with the activation options"})


class WizardResultSchema(BaseSchema):
    contact = fields.Nested(ContactSchema)
    device = fields.Nested(DeviceSchema)
    activation = fields.Nested(ActivationSchema)
    tab = fields.Nested(TabSchema)
    objects = fields.List(fields.Nested(ObjectSchema))
    cables = fields.List(fields.Nested(CableSchema))
    draft_version = fields.Integer()
    published = fields.Integer(
        allow_none=True, metadata={"description": "the revision published; null if not"}
    )
    problems = fields.List(
        fields.Nested(PublishProblemSchema),
        metadata={"description": "why it was not published (errors), or warnings"},
    )


class NumberOptionSchema(BaseSchema):
    id = fields.Integer()
    number = fields.String()
    label = fields.String()
    available = fields.Boolean()
    used_by = fields.String(allow_none=True, metadata={"description": "why it is not available"})


class TabOptionSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class SipAccountOptionSchema(BaseSchema):
    id = fields.Integer()
    friendly_name = fields.String()
    username = fields.String()
    provider_name = fields.String()


class WizardOptionsSchema(BaseSchema):
    internal_numbers = fields.List(fields.Nested(NumberOptionSchema))
    phone_numbers = fields.List(fields.Nested(NumberOptionSchema))
    tabs = fields.List(fields.Nested(TabOptionSchema))
    sip_accounts = fields.List(fields.Nested(SipAccountOptionSchema))
