"""Workspace events cross server processes through the Redis message queue (required on CI).

Two real `workspace run` processes share one SQLite file (the same instance folder) and one
Redis channel. A Socket.IO client on process B, logged in over HTTP, hears the object.created
that a POST to process A raised.
"""

from __future__ import annotations

import os
import queue

import pytest
import requests
import socketio

from tests.servers import create_admin, prepare_instance, redis_env, running_server

REDIS_URL = os.environ.get("REDIS_URL", "")
EMAIL = "cross@example.com"
PASSWORD = "cross-process-password"
NS = "/workspace"

pytestmark = pytest.mark.redis


def _login(base: str) -> tuple[requests.Session, str]:
    http = requests.Session()
    response = http.post(
        f"{base}/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=10
    )
    assert response.status_code == 200, response.text
    http.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    return http, http.cookies["cfw_session"]


def test_when_an_object_is_created_on_process_a_then_a_client_of_process_b_hears_it(
    tmp_path, redis_url
):
    # A fresh channel keeps this run's events apart from any other run on the same Redis.
    env = redis_env(tmp_path, redis_url)
    prepare_instance(tmp_path, env)
    create_admin(env, EMAIL, PASSWORD)
    with running_server(tmp_path, env) as first, running_server(tmp_path, env) as second:
        http, cookie = _login(first)
        tab = http.post(f"{first}/api/v1/tabs", json={"name": "Main"}, timeout=10).json()

        heard: queue.Queue = queue.Queue()
        client = socketio.Client(reconnection=False)
        client.on("object.created", heard.put, namespace=NS)
        client.connect(
            second, headers={"Cookie": f"cfw_session={cookie}"}, namespaces=[NS], wait_timeout=10
        )
        try:
            ack = client.call("join_tab", {"tab_id": tab["id"]}, namespace=NS, timeout=10)
            assert ack["ok"] is True, ack
            created = http.post(
                f"{first}/api/v1/objects",
                json={"tab_id": tab["id"], "type": "ring_group", "position": {"x": 1, "y": 2}},
                timeout=10,
            )
            assert created.status_code == 201, created.text
            event = heard.get(timeout=10)
        finally:
            client.disconnect()
    body = created.json()
    assert event["object"]["id"] == body["id"]
    assert event["object"]["version"] == 1
    assert event["draft_version"] == body["draft_version"]
    assert event["actor"] == ack["actor"]  # the same admin session, logged in on process A


def test_when_admins_join_a_tab_on_two_processes_then_each_sees_both(tmp_path, redis_url):
    env = redis_env(tmp_path, redis_url)
    prepare_instance(tmp_path, env)
    create_admin(env, EMAIL, PASSWORD)
    with running_server(tmp_path, env) as first, running_server(tmp_path, env) as second:
        http, cookie_a = _login(first)
        _, cookie_b = _login(second)  # a second session of the admin, on the other process
        tab = http.post(f"{first}/api/v1/tabs", json={"name": "Main"}, timeout=10).json()
        seen_by_a: queue.Queue = queue.Queue()
        on_a, on_b = socketio.Client(reconnection=False), socketio.Client(reconnection=False)
        on_a.on("presence", seen_by_a.put, namespace=NS)
        on_a.connect(first, headers={"Cookie": f"cfw_session={cookie_a}"}, namespaces=[NS])
        on_b.connect(second, headers={"Cookie": f"cfw_session={cookie_b}"}, namespaces=[NS])
        try:
            ack_a = on_a.call("join_tab", {"tab_id": tab["id"]}, namespace=NS, timeout=10)
            ack_b = on_b.call("join_tab", {"tab_id": tab["id"]}, namespace=NS, timeout=10)
            both = {ack_a["actor"], ack_b["actor"]}
            # B's join answer already lists A, who joined through the other process ...
            assert {a["actor"] for a in ack_b["presence"]["admins"]} == both
            # ... and A hears a presence event, sent by process B, listing both.
            while True:
                event = seen_by_a.get(timeout=10)
                if {a["actor"] for a in event["admins"]} == both:
                    break
            on_b.disconnect()
            while True:  # B left: A hears that it is alone again
                event = seen_by_a.get(timeout=10)
                if {a["actor"] for a in event["admins"]} == {ack_a["actor"]}:
                    break
        finally:
            on_a.disconnect()
            if on_b.connected:
                on_b.disconnect()
