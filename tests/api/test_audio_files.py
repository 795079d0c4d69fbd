"""/api/v1/audio-files: uploads checked by content, playback with Range, rename, delete."""

from __future__ import annotations

import hashlib
import io
import struct
from pathlib import Path

import pytest

from tests.factories_audio_delivery import (
    AUDIO,
    count_rows,
    create_audio,
    etag,
    flac_bytes,
    make_call_center_user,
    mp3_bytes,
    ogg_bytes,
    upload_audio,
    wav_bytes,
)
from workspace.contact_center.audio.models import AudioFile
from workspace.extensions import db

MB = 1024 * 1024


def stored_files(app) -> list[str]:
    folder = Path(app.config["INSTANCE_DIR"]) / "audio"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def assert_nothing_written(app) -> None:
    assert count_rows(app, AudioFile) == 0
    assert stored_files(app) == []  # no row, no stored file, no temporary file left over


def file_errors(response) -> list[str]:
    body = response.get_json()
    return body["errors"]["files"]["file"]


# --- refusals --------------------------------------------------------------------------------


def test_when_not_logged_in_then_401_and_nothing_written(app, client):
    assert client.get(AUDIO).status_code == 401
    assert upload_audio(client, wav_bytes()).status_code == 401
    assert_nothing_written(app)


def test_when_csrf_header_missing_then_403_and_nothing_written(app, admin_client):
    response = admin_client.post(
        AUDIO, data={"file": (io.BytesIO(wav_bytes()), "a.wav")}, csrf=False
    )
    assert response.status_code == 403
    assert_nothing_written(app)


def test_when_file_part_missing_then_422_naming_file(app, admin_client):
    response = admin_client.post(
        AUDIO, data={"name": "Welcome"}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert file_errors(response)
    assert_nothing_written(app)


def test_when_body_is_json_then_422_naming_file(app, admin_client):
    response = admin_client.post(AUDIO, json={"name": "Welcome"})
    assert response.status_code == 422
    assert "file" in response.get_json()["errors"]["files"]
    assert_nothing_written(app)


@pytest.mark.parametrize(
    ("content", "filename", "content_type", "says"),
    [
        (b"this is plain text, not audio\n" * 20, "fake.wav", "audio/wav", "WAV, MP3, OGG or FLAC"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "image.mp3", "audio/mpeg", "WAV, MP3, OGG or FLAC"),
        (b"RIFF\x00\x00\x00\x00WAVEjunk" * 10, "broken.wav", "audio/wav", "not a readable WAV"),
        (b"ID3" + b"junk" * 100, "broken.mp3", "audio/mpeg", "not a readable MP3"),
        (b"\xff\xfb" + b"text after a frame sync" * 20, "x.mp3", "audio/mpeg", "readable MP3"),
        (b"OggS" + b"junk" * 50, "broken.ogg", "audio/ogg", "not a readable OGG"),
        (b"fLaC" + b"junk" * 50, "broken.flac", "audio/flac", "not a readable FLAC"),
        (b"\xff\xf1" + bytes(300), "aac.mp3", "audio/mpeg", "WAV, MP3, OGG or FLAC"),  # ADTS
        (wav_bytes(seconds=0), "silence.wav", "audio/wav", "no audio"),
        (b"", "empty.wav", "audio/wav", "empty"),
    ],
    ids=[
        "text",
        "png",
        "riff-junk",
        "id3-junk",
        "sync-junk",
        "ogg-junk",
        "flac-junk",
        "aac",
        "no-frames",
        "empty",
    ],
)
def test_when_content_is_not_accepted_audio_then_422_naming_file(
    app, admin_client, content, filename, content_type, says
):
    data = {"file": (io.BytesIO(content), filename, content_type)}
    response = admin_client.post(AUDIO, data=data, content_type="multipart/form-data")
    assert response.status_code == 422, response.get_json()
    assert says in file_errors(response)[0]
    assert response.get_json()["message"].startswith("file:")
    assert_nothing_written(app)


def test_when_file_just_over_the_limit_then_413_naming_file_and_limit(app, admin_client):
    app.config["AUDIO_MAX_BYTES"] = MB
    response = upload_audio(admin_client, wav_bytes(seconds=MB / 16000 + 0.5))
    assert response.status_code == 413
    assert file_errors(response) == ["The file is larger than the 1 MB limit."]
    assert_nothing_written(app)


def test_when_body_far_over_the_limit_then_413_naming_file_before_reading_it(app, admin_client):
    app.config["AUDIO_MAX_BYTES"] = MB
    response = upload_audio(admin_client, wav_bytes(seconds=2 * MB / 16000))
    assert response.status_code == 413
    assert file_errors(response) == ["The file is larger than the 1 MB limit."]
    assert_nothing_written(app)


def test_when_limit_raised_above_app_wide_limit_then_the_audio_limit_rules(app, admin_client):
    app.config["MAX_CONTENT_LENGTH"] = MB // 2
    app.config["AUDIO_MAX_BYTES"] = MB
    response = upload_audio(admin_client, wav_bytes(seconds=(MB * 0.75) / 16000))
    assert response.status_code == 201, response.get_json()


@pytest.mark.parametrize(
    ("form", "field"),
    [({"name": "x" * 201}, "name"), ({"colour": "red"}, "colour"), ({"name": "a\x00b"}, "name")],
)
def test_when_form_field_invalid_or_unknown_then_422_naming_it(app, admin_client, form, field):
    response = upload_audio(admin_client, wav_bytes(), **form)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["form"]
    assert_nothing_written(app)


def test_when_database_commit_fails_then_the_stored_file_is_removed(app, admin_client, monkeypatch):
    def broken_commit():
        raise RuntimeError("database went away")

    monkeypatch.setattr(db.session, "commit", broken_commit)
    response = upload_audio(admin_client, wav_bytes())
    monkeypatch.undo()
    assert response.status_code == 500
    assert_nothing_written(app)


def test_when_item_unknown_then_404(admin_client):
    assert admin_client.get(f"{AUDIO}/999").status_code == 404
    assert admin_client.get(f"{AUDIO}/999/content").status_code == 404
    assert (
        admin_client.patch(f"{AUDIO}/999", json={"name": "x"}, headers=etag(1)).status_code == 404
    )
    assert admin_client.delete(f"{AUDIO}/999", headers=etag(1)).status_code == 404


def test_when_patch_without_if_match_then_428_and_stale_then_412_and_unchanged(admin_client):
    item = create_audio(admin_client, name="Welcome")
    url = f"{AUDIO}/{item['id']}"
    assert admin_client.patch(url, json={"name": "New"}).status_code == 428
    assert admin_client.patch(url, json={"name": "New"}, headers=etag(7)).status_code == 412
    assert admin_client.delete(url).status_code == 428
    assert admin_client.delete(url, headers=etag(7)).status_code == 412
    after = admin_client.get(url).get_json()
    assert (after["name"], after["version"]) == ("Welcome", 1)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": 5}, "name"),
        ({"format": "mp3"}, "format"),
    ],
)
def test_when_patch_body_invalid_then_422_naming_field_and_unchanged(admin_client, body, field):
    item = create_audio(admin_client, name="Welcome")
    url = f"{AUDIO}/{item['id']}"
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    assert admin_client.get(url).get_json()["name"] == "Welcome"


def test_when_call_center_settings_use_the_file_then_delete_is_409_naming_contacts(
    app, admin_client, admin
):
    item = create_audio(admin_client)
    account = admin["account_id"]
    ann = make_call_center_user(app, account, "Ann", "Lee", announcement_internal_id=item["id"])
    bob = make_call_center_user(app, account, "Bob", "Stone", announcement_external_id=item["id"])
    make_call_center_user(app, account, "Cy", "Free")
    response = admin_client.delete(f"{AUDIO}/{item['id']}", headers=etag(1))
    assert response.status_code == 409
    body = response.get_json()
    assert "Ann Lee" in body["message"] and "Bob Stone" in body["message"]
    assert "Cy Free" not in body["message"]
    assert body["errors"]["used_by"] == [
        {"type": "contact", "id": ann, "name": "Ann Lee"},
        {"type": "contact", "id": bob, "name": "Bob Stone"},
    ]
    assert count_rows(app, AudioFile) == 1
    assert len(stored_files(app)) == 1
    assert admin_client.get(f"{AUDIO}/{item['id']}/content").status_code == 200


# --- success -----------------------------------------------------------------------------------


def test_when_wav_uploaded_then_201_with_duration_and_bytes_stored_under_random_name(
    app, admin_client
):
    content = wav_bytes(seconds=1.5)
    response = upload_audio(admin_client, content, filename="Greeting Main.wav")
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"] == '"1"'
    item = response.get_json()
    assert item["name"] == "Greeting Main"
    assert item["original_filename"] == "Greeting Main.wav"
    assert (item["format"], item["content_type"]) == ("wav", "audio/wav")
    assert item["size_bytes"] == len(content)
    assert item["duration_seconds"] == 1.5
    assert item["sha256"] == hashlib.sha256(content).hexdigest()
    assert item["content_url"] == f"{AUDIO}/{item['id']}/content"
    assert item["version"] == 1
    [stored] = stored_files(app)
    assert not stored.startswith(".") and "Greeting" not in stored
    assert (Path(app.config["INSTANCE_DIR"]) / "audio" / stored).read_bytes() == content


def _claiming(content: bytes, data_bytes: int) -> bytes:
    """`content` (a 44-byte-header WAV) with its data chunk claiming `data_bytes`."""
    assert content[36:40] == b"data"
    return content[:40] + struct.pack("<I", data_bytes) + content[44:]


def test_when_wav_header_claims_more_samples_than_the_file_holds_then_the_bytes_present_count(
    admin_client,
):
    seventy_four_hours = 74 * 3600 * 8000 * 2  # 8 kHz, 16-bit mono
    content = _claiming(wav_bytes(seconds=0.0625), seventy_four_hours)
    assert len(content) < 1100
    response = upload_audio(admin_client, content, filename="short.wav")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["duration_seconds"] == pytest.approx(0.0625, abs=0.001)


def test_when_wav_has_chunks_after_its_data_then_they_are_not_counted_as_samples(admin_client):
    content = wav_bytes(seconds=0.5)
    listed = content + b"LIST" + struct.pack("<I", 8001) + bytes(8001) + b"\x00"
    riff = struct.pack("<I", len(listed) - 8)
    response = upload_audio(admin_client, listed[:4] + riff + listed[8:], filename="tags.wav")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["duration_seconds"] == 0.5


@pytest.mark.parametrize(
    ("content", "fmt", "mime", "duration"),
    [
        (flac_bytes(seconds=2), "flac", "audio/flac", 2.0),
        (ogg_bytes(seconds=3), "ogg", "audio/ogg", 3.0),
        (mp3_bytes(frames=40), "mp3", "audio/mpeg", 1.045),
        (mp3_bytes(frames=40, id3=True), "mp3", "audio/mpeg", 1.045),
    ],
    ids=["flac", "ogg", "mp3", "mp3-id3"],
)
def test_when_other_formats_uploaded_under_a_lying_name_then_detected_from_content(
    admin_client, content, fmt, mime, duration
):
    data = {"file": (io.BytesIO(content), "lies.wav", "audio/wav")}
    response = admin_client.post(AUDIO, data=data, content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    item = response.get_json()
    assert (item["format"], item["content_type"]) == (fmt, mime)
    assert item["duration_seconds"] == pytest.approx(duration, abs=0.01)
    played = admin_client.get(item["content_url"])
    assert played.headers["Content-Type"] == mime
    assert played.data == content


def test_when_name_given_then_it_wins_over_the_file_name(admin_client):
    assert create_audio(admin_client, name="  Hold music  ")["name"] == "Hold music"
    assert create_audio(admin_client, name="")["name"] == "welcome"
    assert create_audio(admin_client, filename="uploads/2024/promo.v2.wav")["name"] == "promo.v2"


def test_when_content_requested_then_streamed_playable_with_range_support(admin_client):
    content = wav_bytes(seconds=0.5)
    item = create_audio(admin_client, content)
    full = admin_client.get(item["content_url"])
    assert full.status_code == 200
    assert full.headers["Content-Type"] == "audio/wav"
    assert full.headers["Accept-Ranges"] == "bytes"
    assert full.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in full.headers.get("Content-Disposition", "")
    assert "private" in full.headers["Cache-Control"]
    assert full.data == content
    part = admin_client.get(item["content_url"], headers={"Range": "bytes=4-11"})
    assert part.status_code == 206
    assert part.data == content[4:12]
    assert part.headers["Content-Range"] == f"bytes 4-11/{len(content)}"


def test_when_listing_then_sorted_by_name_with_total_and_search(admin_client):
    for name in ("Zulu", "alpha", "Mid 50%"):
        create_audio(admin_client, name=name)
    body = admin_client.get(AUDIO).get_json()
    assert body["total"] == 3
    assert [i["name"] for i in body["items"]] == ["alpha", "Mid 50%", "Zulu"]
    found = admin_client.get(f"{AUDIO}?q=50%25").get_json()
    assert [i["name"] for i in found["items"]] == ["Mid 50%"]
    page = admin_client.get(f"{AUDIO}?per_page=1&page=2").get_json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_when_renamed_then_version_and_etag_advance(admin_client):
    item = create_audio(admin_client, name="Welcome")
    url = f"{AUDIO}/{item['id']}"
    response = admin_client.patch(url, json={"name": "Welcome v2"}, headers=etag(1))
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    assert response.get_json()["name"] == "Welcome v2"
    assert admin_client.get(url).headers["ETag"] == '"2"'


def test_when_deleted_then_row_and_bytes_are_gone(app, admin_client):
    item = create_audio(admin_client)
    keep = create_audio(admin_client, name="Keep")
    assert admin_client.delete(f"{AUDIO}/{item['id']}", headers=etag(1)).status_code == 204
    assert admin_client.get(f"{AUDIO}/{item['id']}").status_code == 404
    assert admin_client.get(f"{AUDIO}/{item['id']}/content").status_code == 404
    assert count_rows(app, AudioFile) == 1
    assert len(stored_files(app)) == 1
    assert admin_client.get(keep["content_url"]).status_code == 200
