"""Socket.IO /device: config.changed reaches exactly the devices whose config moved.

In process with Flask-SocketIO's test client, and across two real `workspace run` processes
through the Redis message queue (required on CI): the change is committed on process A, the
device listens on process B.
"""

from __future__ import annotations

import queue
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest
import requests
import socketio as socketio_client

from tests.factories_publishing import (
    PUBLISH,
    make_contact,
    make_device,
    make_sip_account,
    mike_brown,
    simple_workspace,
)
from tests.servers import create_admin, prepare_instance, redis_env, running_server
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device
from workspace.database import utcnow
from workspace.device_api.sweep import mark_silent_devices_offline
from workspace.extensions import db, socketio

NS = "/device"
API = "/device/v1"

_OPEN: list = []


@pytest.fixture(autouse=True)
def _disconnect_sockets():
    yield
    while _OPEN:
        sock, namespace = _OPEN.pop()
        if sock.is_connected(namespace):
            sock.disconnect(namespace=namespace)


def _activate(app, client, device_id: int) -> str:
    with app.app_context():
        code = issue_activation_code(db.session.get(Device, device_id))
        db.session.commit()
    body = {"code": code, "platform": "android", "app_version": "4.2.0"}
    response = client.post(f"{API}/activate", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["token"]


def _device_socket(app, token):
    sock = socketio.test_client(app, namespace=NS, auth={"token": token})
    _OPEN.append((sock, NS))
    return sock


def _events(sock, name: str, namespace: str = NS) -> list[dict]:
    return [e["args"][0] for e in sock.get_received(namespace) if e["name"] == name]


@pytest.fixture
def acme(app, admin) -> SimpleNamespace:
    """Mike Brown's two devices (the workspace places his call.center method, unpublished)
    and Ann Lee's device on a line of her own, which no route uses."""
    account = admin["account_id"]
    with app.app_context():
        ids = mike_brown(account)
        ids.update(simple_workspace(account, ids))
        ann = make_contact(account, first_name="Ann", last_name="Lee", email="ann@example.com")
        ids["ann_sip"] = make_sip_account(account, ids["provider"], "2001")
        ids["ann_device"] = make_device(account, ann["contact"], "Ann's phone", [ids["ann_sip"]])
    return SimpleNamespace(account=account, **ids)


# ---- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize("auth", [None, {}, {"token": "nope"}, {"token": 7}, "token"])
def test_when_the_token_is_missing_or_unknown_then_the_socket_is_refused(app, auth):
    sock = socketio.test_client(app, namespace=NS, auth=auth)
    _OPEN.append((sock, NS))
    assert not sock.is_connected(NS)


def test_when_a_device_is_reset_then_its_token_no_longer_connects(app, client, acme):
    token = _activate(app, client, acme.laptop)
    with app.app_context():
        db.session.get(Device, acme.laptop).token_hash = None
        db.session.commit()
    assert not _device_socket(app, token).is_connected(NS)


def _reset(admin_client, device_id: int):
    version = admin_client.get(f"/api/v1/devices/{device_id}").headers["ETag"]
    return admin_client.post(
        f"/api/v1/devices/{device_id}/activation/reset", headers={"If-Match": version}
    )


def test_when_a_device_is_reset_then_its_open_socket_is_closed_and_others_stay(
    app, client, admin_client, acme
):
    token = _activate(app, client, acme.laptop)
    laptop, again = _device_socket(app, token), _device_socket(app, token)
    ann = _device_socket(app, _activate(app, client, acme.ann_device))
    assert laptop.is_connected(NS) and again.is_connected(NS) and ann.is_connected(NS)

    assert _reset(admin_client, acme.laptop).status_code == 200
    assert not laptop.is_connected(NS) and not again.is_connected(NS)
    assert ann.is_connected(NS)  # another device's socket is left alone
    assert not _device_socket(app, token).is_connected(NS)  # and the old token cannot return


def test_when_a_device_is_deleted_then_its_open_socket_is_closed(app, client, admin_client, acme):
    laptop = _device_socket(app, _activate(app, client, acme.laptop))
    assert laptop.is_connected(NS)
    version = admin_client.get(f"/api/v1/devices/{acme.laptop}").headers["ETag"]
    deleted = admin_client.delete(f"/api/v1/devices/{acme.laptop}", headers={"If-Match": version})
    assert deleted.status_code == 204
    assert not laptop.is_connected(NS)


# ---- pushes ---------------------------------------------------------------------------------


def test_when_published_then_only_devices_whose_config_moved_hear_config_changed(
    app, client, admin_client, acme
):
    tokens = {
        name: _activate(app, client, getattr(acme, name)) for name in ("laptop", "ann_device")
    }
    laptop, ann = (_device_socket(app, tokens[name]) for name in ("laptop", "ann_device"))
    assert laptop.is_connected(NS) and ann.is_connected(NS)
    portal = socketio.test_client(
        app, namespace="/workspace", flask_test_client=admin_client.client
    )
    _OPEN.append((portal, "/workspace"))
    portal.get_received("/workspace")

    published = admin_client.post(PUBLISH, json={"message": "Mike rings"})
    assert published.status_code == 201, published.get_json()

    heard = _events(laptop, "config.changed")
    fetched = client.get(f"{API}/config", headers={"Authorization": f"Bearer {tokens['laptop']}"})
    assert heard == [{"etag": fetched.get_json()["etag"]}]
    assert _events(ann, "config.changed") == []
    statuses = _events(portal, "device.status", "/workspace")
    # Pending after the publish, cleared by the fetch.
    assert [(s["device"]["id"], s["device"]["sub_status"]) for s in statuses] == [
        (acme.laptop, "pending_update"),
        (acme.laptop, None),
    ]
    assert set(statuses[0]["device"]) == {
        "id",
        "status",
        "sub_status",
        "app_version",
        "last_seen_at",
        "version",
    }

    # Publishing the same again moves nothing, so nobody hears anything.
    admin_client.post(PUBLISH, json={"message": "again"})
    assert _events(laptop, "config.changed") == [] and _events(ann, "config.changed") == []


def test_when_a_sip_account_password_changes_then_its_devices_hear_it_and_no_secret_travels(
    app, client, admin_client, acme
):
    laptop = _device_socket(app, _activate(app, client, acme.laptop))  # on sip_1
    ann = _device_socket(app, _activate(app, client, acme.ann_device))  # on ann_sip
    sip = admin_client.get(f"/api/v1/sip-accounts/{acme.sip_1}").get_json()
    changed = admin_client.patch(
        f"/api/v1/sip-accounts/{acme.sip_1}",
        json={"password": "pushed-secret-42"},
        headers={"If-Match": f'"{sip["version"]}"'},
    )
    assert changed.status_code == 200
    received = laptop.get_received(NS)
    assert [e["name"] for e in received] == ["config.changed"]
    assert "pushed-secret-42" not in repr(received)
    assert ann.get_received(NS) == []


# ---- across processes -----------------------------------------------------------------------


ADMIN_EMAIL, ADMIN_PASSWORD = "devices@example.com", "cross-process-password"


def _activated_on(base: str) -> SimpleNamespace:
    """Through server `base`: log in, make a SIP account, a contact and a device, activate it."""
    http = requests.Session()
    login = http.post(
        f"{base}/api/v1/auth/login",
        json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
        timeout=10,
    )
    assert login.status_code == 200, login.text
    http.headers["X-CSRF-Token"] = login.json()["csrf_token"]

    def made(path: str, body: dict) -> dict:
        response = http.post(f"{base}/api/v1/{path}", json=body, timeout=10)
        assert response.status_code == 201, response.text
        return response.json()

    provider = made("providers", {"name": "Acme SIP", "server": "sip.example.net"})
    sip = made(
        "sip-accounts",
        {"provider_id": provider["id"], "username": "1001", "password": "first-secret"},
    )
    contact = made(
        "contacts",
        {
            "first_name": "Mike",
            "last_name": "Brown",
            "emails": [{"address": "mike@example.com", "label": "work"}],
        },
    )
    device = made(
        "devices",
        {"contact_id": contact["id"], "name": "Android Phone", "sip_account_ids": [sip["id"]]},
    )
    device_url = f"{base}/api/v1/devices/{device['id']}"
    code = http.get(f"{device_url}/activation", timeout=10).json()["code"]
    activated = requests.post(
        f"{base}{API}/activate",
        json={"code": code, "platform": "android", "app_version": "4.2.0"},
        timeout=10,
    )
    assert activated.status_code == 200, activated.text
    return SimpleNamespace(
        http=http,
        sip=sip,
        device_url=device_url,
        token=activated.json()["token"],
        activated=activated.json(),
    )


@contextmanager
def _two_servers(tmp_path, redis_url):
    env = redis_env(tmp_path, redis_url)
    prepare_instance(tmp_path, env)
    create_admin(env, ADMIN_EMAIL, ADMIN_PASSWORD)
    with running_server(tmp_path, env) as first, running_server(tmp_path, env) as second:
        yield first, second


@pytest.mark.redis
def test_when_a_change_is_committed_on_process_a_then_a_device_on_process_b_hears_it(
    tmp_path, redis_url
):
    with _two_servers(tmp_path, redis_url) as (first, second):
        device = _activated_on(first)
        heard: queue.Queue = queue.Queue()
        listener = socketio_client.Client(reconnection=False)
        listener.on("config.changed", heard.put, namespace=NS)
        listener.connect(second, auth={"token": device.token}, namespaces=[NS], wait_timeout=10)
        try:
            changed = device.http.patch(
                f"{first}/api/v1/sip-accounts/{device.sip['id']}",
                json={"password": "second-secret"},
                headers={"If-Match": f'"{device.sip["version"]}"'},
                timeout=10,
            )
            assert changed.status_code == 200, changed.text
            event = heard.get(timeout=10)
        finally:
            listener.disconnect()
        config = requests.get(
            f"{second}{API}/config",
            headers={"Authorization": f"Bearer {device.token}"},
            timeout=10,
        )
    assert event == {"etag": config.json()["etag"]}
    assert event["etag"] != device.activated["config"]["etag"]
    assert config.json()["lines"][0]["password"] == "second-secret"


@pytest.mark.redis
def test_when_a_device_is_reset_on_process_a_then_its_socket_on_process_b_is_closed(
    tmp_path, redis_url
):
    with _two_servers(tmp_path, redis_url) as (first, second):
        device = _activated_on(first)
        closed: queue.Queue = queue.Queue()
        listener = socketio_client.Client(reconnection=False)
        listener.on("disconnect", lambda *reason: closed.put(reason), namespace=NS)
        listener.connect(second, auth={"token": device.token}, namespaces=[NS], wait_timeout=10)
        try:
            version = device.http.get(device.device_url, timeout=10).headers["ETag"]
            reset = device.http.post(
                f"{device.device_url}/activation/reset", headers={"If-Match": version}, timeout=10
            )
            assert reset.status_code == 200, reset.text
            reason = closed.get(timeout=10)
        finally:
            listener.disconnect()
    assert reason == (socketio_client.Client.reason.SERVER_DISCONNECT,)


# ---- going offline --------------------------------------------------------------------------


def test_when_heartbeats_stop_then_the_sweep_stores_offline_and_the_portal_hears_it(
    app, client, admin_client, acme
):
    laptop = _activate(app, client, acme.laptop)
    _activate(app, client, acme.phone)
    portal = socketio.test_client(
        app, namespace="/workspace", flask_test_client=admin_client.client
    )
    _OPEN.append((portal, "/workspace"))
    with app.app_context():
        db.session.get(Device, acme.laptop).last_seen_at = utcnow() - timedelta(seconds=121)
        db.session.commit()
        version = db.session.get(Device, acme.laptop).version
        assert [d.id for d in mark_silent_devices_offline()] == [acme.laptop]
        assert mark_silent_devices_offline() == []  # nothing more to say
        row = db.session.get(Device, acme.laptop)
        assert (row.status, row.version) == ("offline", version)
    events = _events(portal, "device.status", "/workspace")
    assert [(e["device"]["id"], e["device"]["status"]) for e in events] == [
        (acme.laptop, "offline")
    ]

    beat = client.post(
        f"{API}/heartbeat", json={"lines": []}, headers={"Authorization": f"Bearer {laptop}"}
    )
    assert beat.status_code == 200
    events = _events(portal, "device.status", "/workspace")
    assert [(e["device"]["id"], e["device"]["status"]) for e in events] == [(acme.laptop, "online")]
