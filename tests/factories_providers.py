"""Builders for providers, SIP accounts and numbers (through the API), and for the contact,
device and call.center rows that use them (straight into the database, as their own
services are other features)."""

from __future__ import annotations

from tests.support import ApiClient
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.extensions import db

PROVIDERS = "/api/v1/providers"
SIP_ACCOUNTS = "/api/v1/sip-accounts"
PHONE_NUMBERS = "/api/v1/numbers/phone"
INTERNAL_NUMBERS = "/api/v1/numbers/internal"
GUIDE_RULE = {"start_with": "017", "replace_with": "1", "min_length": 10}


def _created(response) -> dict:
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_provider(api: ApiClient, **overrides) -> dict:
    body = {"name": "Acme SIP", "server": "sip.example.net"} | overrides
    return _created(api.post(PROVIDERS, json=body))


def builtin_provider(api: ApiClient) -> dict:
    items = api.get(PROVIDERS).get_json()["items"]
    return next(item for item in items if item["builtin"])


def make_sip_account(api: ApiClient, provider_id: int | None = None, **overrides) -> dict:
    if provider_id is None:
        provider_id = make_provider(api)["id"]
    body = {"provider_id": provider_id, "friendly_name": "Front desk", "username": "1001"}
    return _created(api.post(SIP_ACCOUNTS, json=body | overrides))


def make_phone_number(api: ApiClient, number: str = "+1 415 555 0100", **overrides) -> dict:
    return _created(api.post(PHONE_NUMBERS, json={"number": number} | overrides))


def make_internal_number(api: ApiClient, number: str = "101", **overrides) -> dict:
    return _created(api.post(INTERNAL_NUMBERS, json={"number": number} | overrides))


def add_contact(app, account_id: int, first: str = "Mike", last: str = "Brown", **cc) -> int:
    """A contact with its call.center method; cc: internal_caller_id, external_caller_id."""
    with app.app_context():
        contact = Contact(account_id=account_id, first_name=first, last_name=last)
        method = ContactMethod(account_id=account_id, kind="call_center")
        method.call_center = CallCenterSettings(**cc)
        contact.methods.append(method)
        db.session.add(contact)
        db.session.commit()
        return contact.id


def add_contact_number(app, contact_id: int, internal_number_id: int) -> None:
    with app.app_context():
        db.session.add(
            ContactNumber(
                contact_id=contact_id, type="internal", internal_number_id=internal_number_id
            )
        )
        db.session.commit()


def add_sip_method(app, account_id: int, contact_id: int, sip_account_id: int) -> int:
    with app.app_context():
        method = ContactMethod(
            account_id=account_id,
            contact_id=contact_id,
            kind="sip_account",
            sip_account_id=sip_account_id,
        )
        db.session.add(method)
        db.session.commit()
        return method.id


def add_device(
    app, account_id: int, contact_id: int, name: str, sip_account_id: int, registered=None
) -> int:
    """A device on one SIP account; registered is what its heartbeats last said."""
    with app.app_context():
        device = Device(account_id=account_id, contact_id=contact_id, name=name)
        device.sip_links = [DeviceSipAccount(sip_account_id=sip_account_id, registered=registered)]
        db.session.add(device)
        db.session.commit()
        return device.id


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))
