"""Builders for the recording intake and delivery tests.

A "recording user" is a contact whose call.center settings record calls, a delivery method
they go to, and an activated device (with its bearer token) that uploads them. Rows are
written straight through the models and each builder returns plain values.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from tests.factories import DEFAULT_PASSWORD, make_admin
from tests.factories_audio_delivery import wav_bytes
from tests.support import ApiClient
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
)
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device
from workspace.delivery.models import DeliveryJob, Recording
from workspace.device_api.auth import issue_token
from workspace.extensions import db

UPLOAD = "/device/v1/recordings"
RECORDINGS = "/api/v1/recordings"
RECORD_ALL = {
    "recording_enabled": True,
    "record_inbound": True,
    "record_outbound": True,
    "record_internal": True,
    "record_external": True,
}


@dataclass(frozen=True)
class RecordingUser:
    account_id: int
    contact_id: int
    device_id: int
    method_id: int | None
    token: str


def make_email_method(app: Flask, account_id: int, addresses=("rec@example.com",)) -> int:
    with app.app_context():
        method = DeliveryMethod(
            account_id=account_id,
            name="Recordings by mail",
            type="email",
            settings={"addresses": list(addresses)},
            secrets={},
        )
        db.session.add(method)
        db.session.commit()
        return method.id


def make_recording_user(
    app: Flask,
    account_id: int,
    *,
    with_method: bool = True,
    first_name: str = "Mike",
    **settings,
) -> RecordingUser:
    """A contact recording every call (override with settings=...), its method and device."""
    method_id = make_email_method(app, account_id) if with_method else None
    with app.app_context():
        contact = Contact(account_id=account_id, first_name=first_name, last_name="Brown")
        contact.emails = [ContactEmail(address=f"{first_name.lower()}@example.com", label="work")]
        method = ContactMethod(account_id=account_id, kind="call_center")
        method.call_center = CallCenterSettings(
            **{**RECORD_ALL, "delivery_method_id": method_id, **settings}
        )
        contact.methods = [method]
        db.session.add(contact)
        db.session.flush()
        device = Device(account_id=account_id, contact_id=contact.id, name="Android")
        token = issue_token(device)
        device.status = "online"
        db.session.add(device)
        db.session.commit()
        return RecordingUser(account_id, contact.id, device.id, method_id, token)


def seed_recording_account(instance: Path, email: str, password: str = DEFAULT_PASSWORD) -> str:
    """In a server's instance (migrated SQLite): an admin and a recording user; the token."""
    from workspace import create_app

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'workspace.db'}",
            "INSTANCE_DIR": str(instance),
            "SECRETS_KEY_FILE": str(instance / "secrets.key"),
            "REDIS_URL": "",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        admin = make_admin(email=email, account_name="Rec Co", password=password)
    token = make_recording_user(app, admin["account_id"]).token
    with app.app_context():
        db.engine.dispose()
    return token


def meta(**overrides) -> dict:
    """Valid upload metadata: an inbound external call."""
    return {
        "direction": "inbound",
        "scope": "external",
        "remote_number": "+14155550123",
        "local_number": "+14155550100",
        "started_at": "2026-11-26T09:30:00Z",
        "duration_s": "1.0",
        **overrides,
    }


def upload_recording(
    client, token: str | None, content: bytes | None = None, filename="call.wav", **fields
):
    """POST the multipart upload as the device with `token` (None: no Authorization)."""
    data = {**meta(**fields)}
    data = {k: v for k, v in data.items() if v is not None}
    data["file"] = (io.BytesIO(wav_bytes() if content is None else content), filename)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    test_client = client.client if isinstance(client, ApiClient) else client
    return test_client.post(UPLOAD, data=data, headers=headers, content_type="multipart/form-data")


def recording_files(app: Flask) -> list[Path]:
    """Every file (kept or half-written) under instance/recordings."""
    root = Path(app.config["INSTANCE_DIR"]) / "recordings"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def counts(app: Flask) -> tuple[int, int]:
    with app.app_context():
        recordings = db.session.scalar(db.select(db.func.count()).select_from(Recording))
        jobs = db.session.scalar(db.select(db.func.count()).select_from(DeliveryJob))
        return recordings, jobs
