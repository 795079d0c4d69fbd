"""POST /device/v1/recordings: refused unless the contact's settings record such calls."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from tests.factories import make_admin
from tests.factories_audio_delivery import mp3_bytes, wav_bytes
from tests.factories_recordings import (
    counts,
    make_recording_user,
    recording_files,
    upload_recording,
)
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.delivery.models import Recording
from workspace.extensions import db


@pytest.fixture
def account_id(admin) -> int:
    return admin["account_id"]


def _nothing_stored(app) -> None:
    assert counts(app) == (0, 0)
    assert recording_files(app) == []


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "not-a-token", "x" * 500])
def test_when_no_or_bad_token_then_401_and_nothing_stored(app, client, account_id, token):
    make_recording_user(app, account_id)
    response = upload_recording(client, token)
    assert response.status_code == 401
    assert response.get_json()["code"] == 401
    _nothing_stored(app)


def test_when_token_was_reset_then_401(app, client, account_id):
    user = make_recording_user(app, account_id)
    with app.app_context():
        device = db.session.get(Device, user.device_id)
        device.token_hash = None
        db.session.commit()
    assert upload_recording(client, user.token).status_code == 401
    _nothing_stored(app)


@pytest.mark.parametrize(
    ("settings", "fields", "words"),
    [
        ({"recording_enabled": False}, {}, "off"),
        ({"record_inbound": False}, {"direction": "inbound"}, "inbound external"),
        ({"record_outbound": False}, {"direction": "outbound"}, "outbound external"),
        ({"record_external": False}, {"scope": "external"}, "inbound external"),
        ({"record_internal": False}, {"scope": "internal"}, "inbound internal"),
        ({"record_on_demand": False}, {"on_demand": "true"}, "on demand"),
    ],
)
def test_when_settings_do_not_record_the_call_then_403_and_nothing_stored(
    app, client, account_id, settings, fields, words
):
    user = make_recording_user(app, account_id, **settings)
    response = upload_recording(client, user.token, **fields)
    assert response.status_code == 403, response.get_json()
    assert words in response.get_json()["message"]
    _nothing_stored(app)


def test_when_no_delivery_method_then_403_and_nothing_stored(app, client, account_id):
    user = make_recording_user(app, account_id, with_method=False)
    response = upload_recording(client, user.token)
    assert response.status_code == 403
    assert "delivery method" in response.get_json()["message"]
    _nothing_stored(app)


def test_when_file_over_limit_then_413_with_error_shape_and_nothing_stored(app, client, account_id):
    user = make_recording_user(app, account_id)
    app.config["RECORDING_MAX_BYTES"] = 4000
    response = upload_recording(client, user.token, wav_bytes(seconds=1.0))  # ~16 kB
    assert response.status_code == 413
    body = response.get_json()
    assert body["code"] == 413 and body["status"] == "Request Entity Too Large"
    assert "limit" in body["errors"]["files"]["file"][0]
    _nothing_stored(app)


def test_when_body_far_over_limit_then_413_before_reading_it(app, client, account_id):
    user = make_recording_user(app, account_id)
    app.config["RECORDING_MAX_BYTES"] = 1000
    response = upload_recording(client, user.token, wav_bytes(seconds=10.0))  # ~160 kB
    assert response.status_code == 413
    assert response.get_json()["errors"]["files"]["file"]
    _nothing_stored(app)


@pytest.mark.parametrize(
    "content",
    [b"", b"%PDF-1.4 not audio at all" * 10, b"RIFF\x00\x00\x00\x00WAVEbroken"],
    ids=["empty", "pdf", "broken-wav"],
)
def test_when_file_is_not_audio_then_422_and_nothing_stored(app, client, account_id, content):
    user = make_recording_user(app, account_id)
    response = upload_recording(client, user.token, content, filename="call.wav")
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["errors"]["files"]["file"]
    _nothing_stored(app)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"direction": "sideways"}, "direction"),
        ({"scope": None}, "scope"),
        ({"remote_number": "+1 415 <script>"}, "remote_number"),
        ({"started_at": "yesterday"}, "started_at"),
        ({"started_at": "2999-01-01T00:00:00Z"}, "started_at"),
        ({"duration_s": "-3"}, "duration_s"),
        ({"duration_s": "nan"}, "duration_s"),
        ({"contact": "abc"}, "contact"),
        ({"surprise": "1"}, "surprise"),
    ],
)
def test_when_metadata_invalid_then_422_naming_field_and_nothing_stored(
    app, client, account_id, fields, field
):
    user = make_recording_user(app, account_id)
    response = upload_recording(client, user.token, **fields)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]["form"]
    _nothing_stored(app)


def test_when_file_part_missing_then_422(app, client, account_id):
    user = make_recording_user(app, account_id)
    response = client.client.post(
        "/device/v1/recordings",
        data={
            "direction": "inbound",
            "scope": "external",
            "remote_number": "1",
            "started_at": "2026-11-26T09:30:00Z",
        },
        headers={"Authorization": f"Bearer {user.token}"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "file" in response.get_json()["errors"]["files"]
    _nothing_stored(app)


def test_when_other_party_contact_of_another_account_then_404_and_nothing_stored(
    app, client, account_id
):
    user = make_recording_user(app, account_id)
    with app.app_context():
        other = make_admin(email="eve@example.net", account_name="Other")
    stranger = make_recording_user(app, other["account_id"], first_name="Eve")
    response = upload_recording(client, user.token, contact=str(stranger.contact_id))
    assert response.status_code == 404
    assert counts(app) == (0, 0)
    assert recording_files(app) == []


# --- accepted ------------------------------------------------------------------------------


def test_when_allowed_then_201_with_row_job_and_file(app, client, account_id):
    user = make_recording_user(app, account_id)
    content = wav_bytes(seconds=0.5)
    response = upload_recording(client, user.token, content, duration_s=None)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == "queued"
    with app.app_context():
        row = db.session.get(Recording, body["id"])
        assert (row.account_id, row.device_id, row.contact_id) == (
            account_id,
            user.device_id,
            user.contact_id,
        )
        assert (row.direction, row.scope, row.remote_number) == (
            "inbound",
            "external",
            "+14155550123",
        )
        assert row.duration_s == pytest.approx(0.5)  # measured when the device gave none
        assert row.content_type == "audio/wav" and row.size_bytes == len(content)
        assert row.sha256 == hashlib.sha256(content).hexdigest()
        assert row.file_name == "2026-11-26_09-30-00_inbound_+14155550123_+14155550100.wav"
        assert row.job.delivery_method_id == user.method_id
        assert row.job.attempts == 0 and row.job.next_attempt_at is not None
        stored = recording_files(app)
        assert [p.name for p in stored] == [row.storage_name]
        assert stored[0].parent.name == str(account_id)
        assert stored[0].read_bytes() == content


def test_when_on_demand_allowed_then_accepted_whatever_direction(app, client, account_id):
    user = make_recording_user(
        app, account_id, record_inbound=False, record_outbound=False, record_on_demand=True
    )
    response = upload_recording(
        client, user.token, mp3_bytes(), filename="x.bin", on_demand="true", direction="outbound"
    )
    assert response.status_code == 201, response.get_json()
    with app.app_context():
        row = db.session.get(Recording, response.get_json()["id"])
        assert row.on_demand and row.content_type == "audio/mpeg"
        assert row.file_name.endswith(".mp3")


def test_when_other_party_is_a_contact_then_it_is_linked(app, client, account_id):
    user = make_recording_user(app, account_id)
    colleague = make_recording_user(app, account_id, first_name="Jane")
    response = upload_recording(client, user.token, contact=str(colleague.contact_id))
    assert response.status_code == 201
    with app.app_context():
        row = db.session.get(Recording, response.get_json()["id"])
        assert row.remote_contact_id == colleague.contact_id
        assert db.session.get(Contact, row.remote_contact_id).first_name == "Jane"


def test_when_insert_fails_then_file_removed(app, client, account_id):
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("drops a table of the shared PostgreSQL schema")
    user = make_recording_user(app, account_id)
    with app.app_context():  # a real database failure at the insert, not a stand-in
        db.session.execute(sa.text("DROP TABLE delivery_jobs"))
        db.session.commit()
    response = upload_recording(client, user.token)
    assert response.status_code == 500
    assert recording_files(app) == []
    with app.app_context():
        assert db.session.scalar(sa.text("SELECT count(*) FROM recordings")) == 0
