"""Builders for the device and feature-code tests.

Contacts, providers, SIP accounts and internal numbers are written straight through the
models (their APIs live elsewhere); each builder opens its own app context and returns ids,
so tests can call it between requests.
"""

from __future__ import annotations

from flask import Flask

from tests.support import ApiClient, count_rows, etag  # noqa: F401  (re-exported)
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
)
from workspace.contact_center.numbers.models import InternalNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.extensions import db


def make_contact(
    app: Flask,
    account_id: int,
    first_name: str = "Mike",
    last_name: str = "Brown",
    *,
    record_on_demand: bool = False,
) -> int:
    """A contact with a work email and its call.center method and settings."""
    with app.app_context():
        contact = Contact(account_id=account_id, first_name=first_name, last_name=last_name)
        contact.emails = [ContactEmail(address=f"{first_name.lower()}@example.com", label="work")]
        method = ContactMethod(account_id=account_id, kind="call_center")
        method.call_center = CallCenterSettings(
            recording_enabled=record_on_demand, record_on_demand=record_on_demand
        )
        contact.methods = [method]
        db.session.add(contact)
        db.session.commit()
        return contact.id


def make_provider(app: Flask, account_id: int, name: str = "Acme SIP") -> int:
    with app.app_context():
        provider = Provider(account_id=account_id, name=name, server="sip.example.com")
        db.session.add(provider)
        db.session.commit()
        return provider.id


def make_sip_accounts(
    app: Flask, account_id: int, count: int, *, provider_name: str = "Acme SIP"
) -> list[int]:
    """count SIP accounts at one new provider: usernames 1001, 1002, ..."""
    provider_id = make_provider(app, account_id, provider_name)
    with app.app_context():
        rows = [
            SipAccount(
                account_id=account_id,
                provider_id=provider_id,
                username=str(1001 + i),
                friendly_name=f"Line {i + 1}",
            )
            for i in range(count)
        ]
        db.session.add_all(rows)
        db.session.commit()
        return [row.id for row in rows]


def make_internal_number(app: Flask, account_id: int, number: str) -> int:
    with app.app_context():
        row = InternalNumber(account_id=account_id, number=number)
        db.session.add(row)
        db.session.commit()
        return row.id


def account_id_of(api: ApiClient) -> int:
    response = api.get("/api/v1/auth/me")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["account"]["id"]


def create_device(api: ApiClient, contact_id: int, sip_account_ids: list[int], name="Android"):
    """POST a device; returns the response body (asserting 201)."""
    body = {"contact_id": contact_id, "name": name, "sip_account_ids": sip_account_ids}
    response = api.post("/api/v1/devices", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()
