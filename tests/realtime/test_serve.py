"""`workspace serve`: gunicorn in front, an access log, a graceful SIGTERM, several workers.

Real processes: the server is started as `make run` starts it, clients are real HTTP and
Socket.IO clients on loopback.
"""

from __future__ import annotations

import queue
import signal
import subprocess
import time

import pytest
import requests
import socketio

from tests.servers import (
    BIN,
    create_admin,
    free_port,
    prepare_instance,
    redis_env,
    running_server,
    server_env,
)

EMAIL = "serve@example.com"
PASSWORD = "serve-test-password"
NS = "/workspace"


def test_when_workers_exceed_one_without_redis_then_serve_refuses(tmp_path):
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    done = subprocess.run(
        [BIN / "workspace", "serve", "--workers", "2", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "REDIS_URL" in done.stderr


def test_when_served_then_gunicorn_answers_and_logs_each_request(tmp_path):
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    with running_server(tmp_path, env) as base:
        answer = requests.get(f"{base}/healthz", headers={"User-Agent": "serve-test/1"}, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Server"] == "gunicorn"
    log = next(tmp_path.glob("server-*.log")).read_text()
    assert "Booting worker" in log
    access = [line for line in log.splitlines() if '"GET /healthz HTTP/1.1" 200' in line]
    assert any('"serve-test/1"' in line for line in access), log[-2000:]


def test_when_sigterm_arrives_with_a_socket_open_then_it_closes_and_the_server_exits_cleanly(
    tmp_path,
):
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    port = free_port()
    proc = subprocess.Popen(
        [BIN / "workspace", "serve", "--port", str(port), "--graceful-timeout", "30"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base, proc)
        disconnected: queue.Queue = queue.Queue()
        client = socketio.Client(reconnection=False)
        client.on("disconnect", lambda *_: disconnected.put(True))
        client.connect(base, transports=["websocket"], wait_timeout=10)
        proc.send_signal(signal.SIGTERM)
        # The worker closes the socket itself instead of waiting out the 30 s grace period.
        assert disconnected.get(timeout=20) is True
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = proc.stdout.read().decode()
    assert "Handling signal: term" in output
    assert "Shutting down: Master" in output


def _wait(base: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise AssertionError(proc.stdout.read().decode()[-3000:])
        try:
            requests.get(f"{base}/healthz", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError("server did not start")


@pytest.mark.redis
def test_when_two_workers_serve_websocket_clients_then_each_hears_events_from_either(
    tmp_path, redis_url
):
    """gunicorn spreads connections over its workers like a proxy without sticky sessions.

    WebSocket-only clients (as the web app and device-sim connect) keep one connection per
    session, so they need no stickiness; the events reach them through Redis whichever worker
    handled the request that raised them.
    """
    env = redis_env(tmp_path, redis_url)
    prepare_instance(tmp_path, env)
    create_admin(env, EMAIL, PASSWORD)
    with running_server(tmp_path, env, workers=2) as base:
        http = requests.Session()
        login = http.post(
            f"{base}/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=10
        )
        assert login.status_code == 200, login.text
        http.headers["X-CSRF-Token"] = login.json()["csrf_token"]
        cookie = http.cookies["cfw_session"]
        tab = http.post(f"{base}/api/v1/tabs", json={"name": "Main"}, timeout=10).json()

        clients, heard = [], []
        try:
            for _ in range(6):  # several connections: both workers hold some
                inbox: queue.Queue = queue.Queue()
                client = socketio.Client(reconnection=False)
                client.on("object.created", inbox.put, namespace=NS)
                client.connect(
                    base,
                    headers={"Cookie": f"cfw_session={cookie}"},
                    namespaces=[NS],
                    transports=["websocket"],
                    wait_timeout=10,
                )
                ack = client.call("join_tab", {"tab_id": tab["id"]}, namespace=NS, timeout=10)
                assert ack["ok"] is True, ack
                clients.append(client)
                heard.append(inbox)
            created = []
            for x in range(4):  # several requests: both workers answer some
                answer = http.post(
                    f"{base}/api/v1/objects",
                    json={"tab_id": tab["id"], "type": "ring_group", "position": {"x": x, "y": 0}},
                    timeout=10,
                )
                assert answer.status_code == 201, answer.text
                created.append(answer.json()["id"])
            for inbox in heard:
                got = {inbox.get(timeout=10)["object"]["id"] for _ in created}
                assert got == set(created)
        finally:
            for client in clients:
                client.disconnect()
    log = next(tmp_path.glob("server-*.log")).read_text()
    assert log.count("Booting worker") == 2
