"""Builders for the audio-file and delivery-method tests: tiny real audio, valid bodies.

The audio samples are built by hand, byte by byte, and mutagen parses each of them (the
tests check the durations it reports). Contacts that use an audio file or a delivery method
are written straight through the models, since the contacts API is another feature.
"""

from __future__ import annotations

import io
import struct
import wave

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from flask import Flask
from mutagen.ogg import OggPage

from tests.support import ApiClient, count_rows, etag  # noqa: F401  (re-exported)
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.extensions import db

AUDIO = "/api/v1/audio-files"
DELIVERY = "/api/v1/delivery-methods"


# --- audio samples -------------------------------------------------------------------------


def wav_bytes(seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A mono 16-bit PCM WAV of silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def flac_bytes(seconds: int = 2, rate: int = 8000) -> bytes:
    """fLaC and a STREAMINFO block (mono, 16 bit, `seconds` of samples), no audio frames."""
    info = struct.pack(">HH", 4096, 4096) + bytes(6)  # block sizes, frame sizes unknown
    info += ((rate << 44) | (0 << 41) | (15 << 36) | rate * seconds).to_bytes(8, "big")
    info += bytes(16)  # MD5 of the audio: unknown
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def ogg_bytes(seconds: int = 2, rate: int = 8000) -> bytes:
    """Ogg Vorbis headers, and a last page whose granule position says `seconds`."""
    ident = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, rate, 0, 64000, 0, 0xB8, 1)
    comment = b"\x03vorbis" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0) + b"\x01"
    pages = [([ident], 0), ([comment, b"\x05vorbis"], 0), ([bytes(10)], rate * seconds)]
    out = b""
    for sequence, (packets, position) in enumerate(pages):
        page = OggPage()
        page.serial, page.sequence, page.position, page.packets = 1, sequence, position, packets
        page.first = sequence == 0
        page.last = sequence == len(pages) - 1
        out += page.write()
    return out


def mp3_bytes(frames: int = 40, id3: bool = False) -> bytes:
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz), optionally behind an empty ID3v2 tag."""
    size = 144 * 128000 // 44100
    body = (bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(size - 4)) * frames
    return (b"ID3\x04\x00\x00\x00\x00\x00\x00" if id3 else b"") + body


# --- audio API -----------------------------------------------------------------------------


def upload_audio(api: ApiClient, content: bytes, filename: str = "welcome.wav", **form):
    data = {"file": (io.BytesIO(content), filename), **form}
    return api.post(AUDIO, data=data, content_type="multipart/form-data")


def create_audio(api: ApiClient, content: bytes | None = None, **kw) -> dict:
    response = upload_audio(api, wav_bytes() if content is None else content, **kw)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


# --- delivery methods ----------------------------------------------------------------------


def ssh_keys() -> tuple[str, str]:
    """(OpenSSH private key text, "ssh-ed25519 AAAA..." public key line)."""
    key = ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    ).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    return private, public.decode()


def settings_for(type_: str) -> dict:
    """Valid settings of each type, every secret a canary string that names its field."""
    private_key, host_key = ssh_keys()
    return {
        "email": {"addresses": ["rec@example.com", "boss@example.org"]},
        "ftp": {"host": "ftp.example.com", "username": "rec", "password": "CANARY-ftp-password"},
        "sftp": {
            "host": "203.0.113.5",
            "username": "rec",
            "password": "CANARY-sftp-password",
            "private_key": private_key,
            "host_key": host_key,
        },
        "dropbox": {
            "access_token": "CANARY-dropbox-access",
            "refresh_token": "CANARY-dropbox-refresh",
            "app_key": "app123",
            "app_secret": "CANARY-dropbox-app-secret",
        },
        "google_drive": {
            "client_id": "client.apps.googleusercontent.com",
            "client_secret": "CANARY-gdrive-client-secret",
            "refresh_token": "CANARY-gdrive-refresh",
            "folder_id": "1AbC_def-GHI",
        },
        "onedrive": {
            "client_id": "0b1c2d3e-0000-4000-8000-000000000000",
            "client_secret": "CANARY-onedrive-client-secret",
            "refresh_token": "CANARY-onedrive-refresh",
        },
    }[type_]


def create_delivery(api: ApiClient, type_: str = "ftp", name: str = "Recordings", **settings):
    body = {"name": name, "type": type_, "settings": settings_for(type_) | settings}
    response = api.post(DELIVERY, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


# --- contacts using them -------------------------------------------------------------------


def make_call_center_user(app: Flask, account_id: int, first: str, last: str, **settings) -> int:
    """A contact whose call.center settings have `settings` (e.g. delivery_method_id=...)."""
    with app.app_context():
        contact = Contact(account_id=account_id, first_name=first, last_name=last)
        method = ContactMethod(account_id=account_id, contact=contact, kind="call_center")
        method.call_center = CallCenterSettings(**settings)
        db.session.add_all([contact, method])
        db.session.commit()
        return contact.id
