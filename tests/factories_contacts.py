"""Builders for the contact, contact-method, call.center and directory tests.

Contacts go through the API (that is what is under test). The rows they refer to (numbers,
feature codes, delivery methods, audio files, SIP accounts, devices, workspace objects) are
written straight through the models, since their APIs are other features; each builder
opens its own app context and returns the new id, so tests call it between requests.
"""

from __future__ import annotations

from flask import Flask

from tests.support import ApiClient, count_rows, etag  # noqa: F401  (re-exported)
from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.extensions import db
from workspace.objects.models import Tab, WorkspaceObject

CONTACTS = "/api/v1/contacts"
DIRECTORY = "/api/v1/directory"


def contact_body(**overrides) -> dict:
    """A valid create body (Mike Brown, one work email); override any field."""
    body = {
        "first_name": "Mike",
        "last_name": "Brown",
        "emails": [{"address": "mike.brown@example.com", "label": "work"}],
    }
    return body | overrides


def create_contact(api: ApiClient, **overrides) -> dict:
    """POST a contact; returns the response body (asserting 201)."""
    response = api.post(CONTACTS, json=contact_body(**overrides))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _add(app: Flask, row) -> int:
    with app.app_context():
        db.session.add(row)
        db.session.commit()
        return row.id


def make_internal_number(app: Flask, account_id: int, number: str = "101") -> int:
    return _add(app, InternalNumber(account_id=account_id, number=number))


def make_phone_number(app: Flask, account_id: int, number: str = "+14155550100") -> int:
    return _add(app, PhoneNumber(account_id=account_id, number=number))


def make_feature_code(
    app: Flask,
    account_id: int,
    code: str = "*1",
    *,
    purpose: str = "record_on_demand",
    enabled: bool = True,
) -> int:
    return _add(
        app, FeatureCode(account_id=account_id, code=code, purpose=purpose, enabled=enabled)
    )


def make_delivery_method(app: Flask, account_id: int, name: str = "Recordings mailbox") -> int:
    row = DeliveryMethod(
        account_id=account_id, name=name, type="email", settings={"to": "rec@example.com"}
    )
    return _add(app, row)


def make_audio_file(app: Flask, account_id: int, name: str = "Welcome") -> int:
    row = AudioFile(
        account_id=account_id,
        name=name,
        original_filename=f"{name.lower()}.wav",
        format="wav",
        size_bytes=1024,
        storage_name=f"{name.lower()}-{account_id}.wav",
        sha256="0" * 64,
    )
    return _add(app, row)


def make_sip_account(app: Flask, account_id: int, username: str = "1001") -> int:
    with app.app_context():
        provider = Provider(account_id=account_id, name="Acme SIP", server="sip.example.net")
        row = SipAccount(
            account_id=account_id, provider=provider, username=username, friendly_name="Desk"
        )
        db.session.add_all([provider, row])
        db.session.commit()
        return row.id


def make_device(app: Flask, account_id: int, contact_id: int, name: str = "Android") -> int:
    return _add(app, Device(account_id=account_id, contact_id=contact_id, name=name))


def place_contact_method(app: Flask, account_id: int, method_id: int, name="Mike") -> int:
    """A Contact Method object on a new workspace tab, standing for the method."""
    with app.app_context():
        tab = Tab(account_id=account_id, name="Main")
        db.session.add(tab)
        db.session.flush()
        obj = WorkspaceObject(
            account_id=account_id,
            tab_id=tab.id,
            type="contact_method",
            name=name,
            properties={"contact_method": method_id},
        )
        db.session.add(obj)
        db.session.commit()
        return obj.id


def call_center_method_id(contact: dict) -> int:
    return next(m["id"] for m in contact["methods"] if m["kind"] == "call_center")
