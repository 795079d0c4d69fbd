"""Scale-out delivery: a `workspace worker` process beside a `workspace run` server.

The server takes the upload but delivers nothing itself (embedded worker off); the worker
process delivers, and its recording.updated events reach a browser's socket on the server
through the Redis message queue (required on CI).
"""

from __future__ import annotations

import io
import queue
import subprocess

import pytest
import requests
import socketio

from tests.factories_audio_delivery import wav_bytes
from tests.factories_recordings import meta, seed_recording_account
from tests.mailbox import smtp_server
from tests.servers import BIN, prepare_instance, redis_env, running_server

EMAIL = "worker.watch@example.com"
PASSWORD = "worker-watch-password"
NS = "/workspace"

pytestmark = pytest.mark.redis


def _statuses(heard: queue.Queue, until: str, timeout: float = 20) -> list[str]:
    seen: list[str] = []
    while until not in seen:
        try:
            seen.append(heard.get(timeout=timeout)["recording"]["status"])
        except queue.Empty:
            raise AssertionError(f"no {until!r} event; heard {seen}") from None
    return seen


def test_when_a_worker_process_delivers_then_the_servers_clients_hear_it(tmp_path, redis_url):
    with smtp_server() as (mailbox, mail_port):
        env = redis_env(
            tmp_path,
            redis_url,
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=str(mail_port),
            WORKSPACE_DELIVERY_WORKER_EMBEDDED="0",
            WORKSPACE_DELIVERY_POLL_SECONDS="0.1",
        )
        prepare_instance(tmp_path, env)
        token = seed_recording_account(tmp_path, EMAIL, PASSWORD)
        with running_server(tmp_path, env) as base:
            http = requests.Session()
            login = http.post(
                f"{base}/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=10
            )
            assert login.status_code == 200, login.text
            heard: queue.Queue = queue.Queue()
            client = socketio.Client(reconnection=False)
            client.on("recording.updated", heard.put, namespace=NS)
            client.connect(
                base,
                headers={"Cookie": f"cfw_session={http.cookies['cfw_session']}"},
                namespaces=[NS],
                wait_timeout=10,
            )
            try:
                upload = requests.post(
                    f"{base}/device/v1/recordings",
                    data=meta(),
                    files={"file": ("call.wav", io.BytesIO(wav_bytes()), "audio/wav")},
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=10,
                )
                assert upload.status_code == 201, upload.text
                assert _statuses(heard, "queued") == ["queued"]
                with pytest.raises(queue.Empty):
                    heard.get(timeout=1.5)  # the server itself delivers nothing

                log = open(tmp_path / "worker.log", "wb")  # noqa: SIM115 - closed below
                worker = subprocess.Popen(
                    [BIN / "workspace", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
                )
                try:
                    assert _statuses(heard, "delivered") == ["delivering", "delivered"]
                    listed = http.get(f"{base}/api/v1/recordings", timeout=10).json()
                    assert [item["status"] for item in listed["items"]] == ["delivered"]
                finally:
                    worker.terminate()
                    worker.wait(15)
                    log.close()
            finally:
                client.disconnect()
        assert len(mailbox.messages) == 1
