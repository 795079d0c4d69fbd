"""Real `workspace worker` processes: killed mid-delivery, and two draining one outbox.

Deliveries go by email to a real SMTP server (aiosmtpd) that counts what it accepted, so
"exactly once" is counted where it matters: at the destination.
"""

from __future__ import annotations

import asyncio
import email
import hashlib
import signal
import subprocess
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.factories_audio_delivery import wav_bytes
from tests.factories_recordings import make_recording_user, recording_files, upload_recording
from tests.servers import BIN, free_port, server_env
from workspace.database import utcnow
from workspace.delivery import files
from workspace.delivery.models import DeliveryJob, Recording
from workspace.extensions import db

LEASE = 2.0  # seconds: a killed worker's job is free again this soon


class CountingMailbox:
    """Keeps accepted messages; can hold the first delivery at RCPT until released."""

    def __init__(self, stall_first: bool = False) -> None:
        self.messages: list[email.message.Message] = []
        self.stall_first = stall_first
        self.stalled = threading.Event()
        self.release = threading.Event()
        self._rcpts = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        self._rcpts += 1
        if self.stall_first and self._rcpts == 1:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"

    def attachment_names(self) -> Counter:
        return Counter(
            part.get_filename()
            for message in list(self.messages)
            for part in message.walk()
            if part.get_filename()
        )


@contextmanager
def smtp(mailbox: CountingMailbox):
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        mailbox.release.set()
        controller.stop()


def _worker_env(app, tmp_path: Path, mail_port: int) -> dict[str, str]:
    env = server_env(
        tmp_path,
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(mail_port),
        WORKSPACE_DELIVERY_LEASE_SECONDS=str(LEASE),
        WORKSPACE_DELIVERY_BACKOFF_BASE="0.2",
        WORKSPACE_DELIVERY_POLL_SECONDS="0.1",
    )
    if not (tmp_path / "secrets.key").exists():
        subprocess.run(
            [BIN / "python", "-m", "workspace.secrets_key", "--init"],
            env=env,
            check=True,
            capture_output=True,
        )
    return env


@contextmanager
def worker_process(env: dict[str, str], log_path: Path):
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [BIN / "workspace", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _statuses(app) -> Counter:
    with app.app_context():
        try:
            rows = db.session.execute(db.select(Recording.status)).scalars().all()
            return Counter(rows)
        finally:
            db.session.remove()


def _wait_for(predicate, timeout: float, what: str, log_paths=()) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    logs = "\n".join(p.read_text()[-2000:] for p in log_paths if p.exists())
    raise AssertionError(f"timed out waiting for {what}\n{logs}")


def test_when_worker_is_killed_mid_delivery_then_job_is_delivered_once_after_restart(
    app, admin, client, tmp_path
):
    user = make_recording_user(app, admin["account_id"])
    content = wav_bytes(seconds=0.25)
    response = upload_recording(client, user.token, content)
    assert response.status_code == 201, response.get_json()
    rid = response.get_json()["id"]
    mailbox = CountingMailbox(stall_first=True)
    logs = [tmp_path / "worker-1.log", tmp_path / "worker-2.log"]

    with smtp(mailbox) as port:
        env = _worker_env(app, tmp_path, port)
        with worker_process(env, logs[0]) as first:
            assert mailbox.stalled.wait(30), logs[0].read_text()
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        with app.app_context():
            job = db.session.execute(db.select(DeliveryJob)).scalar_one()
            assert (job.recording.status, job.attempts) == ("delivering", 1)
            assert job.locked_by is not None  # the dead worker's lease, still standing
            db.session.remove()
        assert mailbox.messages == []
        mailbox.release.set()  # the stalled session now finds its client gone

        with worker_process(env, logs[1]) as second:
            _wait_for(lambda: _statuses(app)["delivered"] == 1, 30, "redelivery", logs)
            time.sleep(LEASE)  # time for any duplicate to show up
            second.send_signal(signal.SIGTERM)
            assert second.wait(15) == 0  # graceful stop

    with app.app_context():
        row = db.session.get(Recording, rid)
        assert row.job.attempts == 2 and row.job.locked_by is None
        name = row.file_name
    assert mailbox.attachment_names() == Counter({name: 1})
    part = next(p for p in mailbox.messages[0].walk() if p.get_filename())
    assert part.get_payload(decode=True) == content
    assert recording_files(app) == []


def _queue_many(app, account_id: int, method_id: int, count: int) -> list[str]:
    """count recordings with their files and due jobs, written straight to the database."""
    content = wav_bytes(seconds=0.05)
    digest = hashlib.sha256(content).hexdigest()
    names = []
    with app.app_context():
        for i in range(count):
            stored = f"bulk-{i:04d}.wav"
            files.path_of(account_id, stored).write_bytes(content)
            name = f"rec-{i:04d}.wav"
            row = Recording(
                account_id=account_id,
                direction="inbound",
                scope="external",
                remote_number=f"+1415555{i:04d}",
                started_at=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
                duration_s=0.05,
                storage_name=stored,
                size_bytes=len(content),
                sha256=digest,
                content_type="audio/wav",
                file_name=name,
                status="queued",
            )
            row.job = DeliveryJob(delivery_method_id=method_id, next_attempt_at=utcnow())
            db.session.add(row)
            names.append(name)
        db.session.commit()
        db.session.remove()
    return names


@pytest.mark.parametrize("app", ["postgres"], indirect=True)
def test_when_two_workers_drain_200_jobs_on_postgres_then_each_is_delivered_once(
    app, admin, tmp_path
):
    user = make_recording_user(app, admin["account_id"])
    names = _queue_many(app, admin["account_id"], user.method_id, 200)
    mailbox = CountingMailbox()
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]

    with smtp(mailbox) as port:
        env = _worker_env(app, tmp_path, port)
        with worker_process(env, logs[0]) as a, worker_process(env, logs[1]) as b:
            _wait_for(lambda: _statuses(app)["delivered"] == 200, 120, "200 deliveries", logs)
            time.sleep(LEASE)  # time for any duplicate to show up
            for proc in (a, b):
                proc.send_signal(signal.SIGTERM)
            assert (a.wait(15), b.wait(15)) == (0, 0)

    assert mailbox.attachment_names() == Counter({name: 1 for name in names})
    assert len(mailbox.messages) == 200
    per_worker = [log.read_text().count(" delivered (job ") for log in logs]
    assert sum(per_worker) == 200 and min(per_worker) > 0, per_worker
    with app.app_context():
        attempts = db.session.execute(db.select(DeliveryJob.attempts)).scalars().all()
        assert set(attempts) == {1}
