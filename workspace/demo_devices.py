"""The demo's devices and recordings: one softphone activated, one with instructions sent,
one waiting for its code, and call recordings on their way to the recordings mailbox.

Everything goes through the same services a real device and admin use (activation with a
code, a heartbeat, multipart-style uploads, the delivery worker), so the demo shows what
the product really does. Mail needs somewhere to go: with MAIL_SERVER or the embedded
mode's mail outbox the instructions are sent and the recordings delivered now; without
either they stay queued and the Recordings page says why.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from datetime import timedelta

from flask import current_app
from werkzeug.datastructures import FileStorage

from workspace.auth.models import Account
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.activation_service import (
    issue_activation_code,
    send_instructions,
)
from workspace.contact_center.devices.models import Device
from workspace.database import utcnow
from workspace.delivery.intake import Caller, accept_recording
from workspace.delivery.intake_schemas import RecordingMetaSchema
from workspace.delivery.loop import new_worker_id
from workspace.delivery.worker import run_once
from workspace.device_api.service import activate_device, record_heartbeat
from workspace.extensions import db

# (direction, scope, remote number, minutes ago, seconds long)
CALLS = [
    ("inbound", "external", "+14155550142", 95, 4),
    ("outbound", "external", "+14155550177", 40, 3),
]


def _device_of(account_id: int, first_name: str) -> Device:
    return db.session.execute(
        db.select(Device)
        .join(Contact, Contact.id == Device.contact_id)
        .where(Device.account_id == account_id, Contact.first_name == first_name)
    ).scalar_one()


def _mail_goes_somewhere() -> bool:
    config = current_app.config
    return bool(config["MAIL_SERVER"] or config.get("MAIL_OUTBOX_DIR"))


def tone_wav(seconds: int, frequency: float = 440.0, rate: int = 8000) -> bytes:
    """A short 8 kHz mono WAV: a quiet tone, so the portal's player has something to play."""
    frames = b"".join(
        struct.pack("<h", int(3000 * math.sin(2 * math.pi * frequency * n / rate)))
        for n in range(seconds * rate)
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def build_devices_and_recordings(account: Account) -> None:
    aid = account.id
    laptop = _device_of(aid, "Mike")
    code = issue_activation_code(laptop)
    db.session.commit()
    _, laptop, _ = activate_device(code, "windows", "call.center 4.2.0")
    record_heartbeat(
        laptop,
        "call.center 4.2.0",
        [{"sip_account": sip_id, "registered": True} for sip_id in laptop.sip_account_ids],
    )
    if not _mail_goes_somewhere():
        return  # the codes stay on the activation pages; nothing could be delivered
    sarah = _device_of(aid, "Sarah")
    send_instructions(aid, sarah.id, "sarah.lee@example.com")

    caller = Caller(device_id=laptop.id, account_id=aid, contact_id=laptop.contact_id)
    for direction, scope, remote, minutes_ago, seconds in CALLS:
        started = (utcnow() - timedelta(minutes=minutes_ago)).isoformat()
        meta = RecordingMetaSchema().load(
            {
                "direction": direction,
                "scope": scope,
                "remote_number": remote,
                "local_number": "+14155550100",
                "started_at": started,
                "duration_s": seconds,
            }
        )
        upload = FileStorage(io.BytesIO(tone_wav(seconds)), "call.wav", content_type="audio/wav")
        accept_recording(caller, meta, upload)
    worker = new_worker_id()
    while run_once(worker):  # deliver them now, so the tour shows them delivered
        pass
