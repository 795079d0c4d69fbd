"""call.updated on Socket.IO /workspace: a posted call event reaches the account's admins.

In one process through the test client, and across two server processes through Redis (the
SIP supervisor posts to one process, the admin's browser is connected to another).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import queue

import pytest
import requests
import socketio

from tests.factories_calls import EVENTS, answered_call, call_event, post_events
from tests.servers import create_admin, prepare_instance, redis_env, running_server
from workspace.extensions import socketio as server_socketio

NS = "/workspace"


def _connect(app, api):
    sock = server_socketio.test_client(app, namespace=NS, flask_test_client=api.client)
    assert sock.is_connected(NS)
    return sock


def _calls(sock) -> list[dict]:
    return [e["args"][0]["call"] for e in sock.get_received(NS) if e["name"] == "call.updated"]


def test_when_events_posted_then_only_that_accounts_admins_hear_call_updated(
    app, client, admin, admin_client, other_client
):
    mine, theirs = _connect(app, admin_client), _connect(app, other_client)
    try:
        mine.get_received(NS)
        theirs.get_received(NS)
        events = answered_call(admin["account_id"])
        post_events(client, app, events[:3])
        [ringing] = _calls(mine)
        assert ringing["state"] == "ringing" and ringing["path"] == [11]
        post_events(client, app, events[3:])
        [ended] = _calls(mine)
        assert ended["state"] == "ended" and ended["version"] > ringing["version"]
        assert ended["talk_s"] == 60.0
        assert _calls(theirs) == []
    finally:
        mine.disconnect(namespace=NS)
        theirs.disconnect(namespace=NS)


def test_when_batch_replayed_or_refused_then_nothing_is_announced(app, client, admin, admin_client):
    sock = _connect(app, admin_client)
    try:
        events = answered_call(admin["account_id"])
        post_events(client, app, events)
        sock.get_received(NS)
        post_events(client, app, events)  # a replay
        bad = [call_event(admin["account_id"], "start", call_id="x"), {"id": "nope"}]
        assert post_events(client, app, bad).status_code == 400
        assert _calls(sock) == []
    finally:
        sock.disconnect(namespace=NS)


EMAIL, PASSWORD = "calls.watch@example.com", "calls-watch-password"


@pytest.mark.redis
def test_when_events_posted_to_one_process_then_a_client_of_another_hears_them(tmp_path, redis_url):
    env = redis_env(tmp_path, redis_url)
    prepare_instance(tmp_path, env)
    create_admin(env, EMAIL, PASSWORD)
    # The token the supervisor derives from the instance key (decisions.md #4).
    key = base64.urlsafe_b64decode((tmp_path / "secrets.key").read_text().strip())
    token = hmac.new(key, b"sip-events", hashlib.sha256).hexdigest()
    with running_server(tmp_path, env) as first, running_server(tmp_path, env) as second:
        http = requests.Session()
        login = http.post(
            f"{first}/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=10
        )
        assert login.status_code == 200, login.text
        account_id = http.get(f"{first}/api/v1/auth/me", timeout=10).json()["account"]["id"]
        heard: queue.Queue = queue.Queue()
        browser = socketio.Client(reconnection=False)
        browser.on("call.updated", heard.put, namespace=NS)
        browser.connect(
            first,
            headers={"Cookie": f"cfw_session={http.cookies['cfw_session']}"},
            namespaces=[NS],
            wait_timeout=10,
        )
        try:
            posted = requests.post(
                f"{second}{EVENTS}",
                json={"events": answered_call(account_id)},
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
            assert posted.status_code == 200, posted.text
            call = heard.get(timeout=20)["call"]
            assert call["state"] == "ended" and call["route"] == "+14155550100"
        finally:
            browser.disconnect()


def test_when_events_posted_then_each_announced_call_equals_its_row_in_the_call_log(
    app, client, admin, admin_client
):
    """call.updated is built from the rows the batch wrote, not read back: it must still be
    the Calls page's row, who answered (names) and the path included."""
    from tests.factories_contacts import make_device
    from tests.factories_devices import make_contact

    account_id = admin["account_id"]
    mike = make_contact(app, account_id)
    laptop = make_device(app, account_id, mike, "Mike's laptop")
    answered = answered_call(account_id, contact=mike, call_id="answered")
    for event in answered:
        if event["member"]:
            event["member"]["device"] = laptop
    ringing = answered_call(account_id, call_id="ringing")[:3]
    sock = _connect(app, admin_client)
    try:
        sock.get_received(NS)
        post_events(client, app, answered[:2] + ringing)  # both new
        post_events(client, app, answered[2:])  # one known, refolded with its stored events
        heard = {c["call_id"]: c for c in _calls(sock)}  # the latest of each call
        rows = {c["call_id"]: c for c in admin_client.get("/api/v1/calls").get_json()["items"]}
        assert heard == rows
        assert heard["answered"]["answered_by"]["device"]["name"] == "Mike's laptop"
        assert heard["answered"]["answered_by"]["contact"]["name"] == "Mike Brown"
    finally:
        sock.disconnect(namespace=NS)
