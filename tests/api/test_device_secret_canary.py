"""Canary: a provisioned SIP password reaches the devices on that line, and nothing else.

The password is set to a unique string. It must appear in the activation and config answers
of a device that uses the SIP account, and in no answer to another device, no portal GET
(every GET of the OpenAPI document, ids filled from the lists), no Socket.IO event and no
log record.
"""

from __future__ import annotations

import json
import logging

from tests.api.test_secret_canary import _concrete
from tests.factories_publishing import make_contact, make_device, make_sip_account, mike_brown
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device
from workspace.extensions import db, socketio

CANARY = "device-sip-canary-5e1d07b3"
API = "/device/v1"


def _activate(app, client, device_id: int) -> dict:
    with app.app_context():
        code = issue_activation_code(db.session.get(Device, device_id))
        db.session.commit()
    body = {"code": code, "platform": "android", "app_version": "4.2.0"}
    response = client.post(f"{API}/activate", json=body)
    assert response.status_code == 200, response.get_json()
    return response


def test_when_devices_and_the_portal_are_read_then_the_password_reaches_only_its_devices(
    app, admin, admin_client, client, caplog
):
    caplog.set_level(logging.DEBUG)
    account = admin["account_id"]
    with app.app_context():
        ids = mike_brown(account)
        ann = make_contact(account, first_name="Ann", last_name="Lee", email="ann@example.com")
        ann_sip = make_sip_account(account, ids["provider"], "2001")
        ann_device = make_device(account, ann["contact"], "Ann's phone", [ann_sip])
    portal_socket = socketio.test_client(
        app, namespace="/workspace", flask_test_client=admin_client.client
    )
    sip = admin_client.get(f"/api/v1/sip-accounts/{ids['sip_1']}").get_json()
    changed = admin_client.patch(
        f"/api/v1/sip-accounts/{sip['id']}",
        json={"password": CANARY},
        headers={"If-Match": f'"{sip["version"]}"'},
    )
    assert changed.status_code == 200

    laptop = _activate(app, client, ids["laptop"])  # on the SIP account with the canary
    other = _activate(app, client, ann_device)
    laptop_auth = {"Authorization": f"Bearer {laptop.get_json()['token']}"}
    other_auth = {"Authorization": f"Bearer {other.get_json()['token']}"}
    device_socket = socketio.test_client(
        app, namespace="/device", auth={"token": laptop.get_json()["token"]}
    )
    laptop_config = client.get(f"{API}/config", headers=laptop_auth)
    assert CANARY in laptop.get_data(as_text=True)
    assert CANARY in laptop_config.get_data(as_text=True)

    # The line changes once more, so a config.changed event goes out too.
    again = admin_client.get(f"/api/v1/sip-accounts/{sip['id']}").get_json()
    admin_client.patch(
        f"/api/v1/sip-accounts/{sip['id']}",
        json={"display_name": "Mike"},
        headers={"If-Match": f'"{again["version"]}"'},
    )
    seen = [
        other.get_data(as_text=True),
        client.get(f"{API}/config", headers=other_auth).get_data(as_text=True),
        client.get(f"{API}/directory", headers=laptop_auth).get_data(as_text=True),
        client.post(f"{API}/heartbeat", json={}, headers=laptop_auth).get_data(as_text=True),
        json.dumps(dict(laptop.headers)),
        json.dumps(dict(laptop_config.headers)),
    ]
    called = 0
    spec = admin_client.get("/api/v1/openapi.json").get_json()
    for template, operations in spec["paths"].items():
        if "get" not in operations or template.startswith(API):
            continue
        url = _concrete(admin_client, template)
        if url is None:
            continue
        response = admin_client.get(url)
        assert response.status_code < 500, url
        seen.append(response.get_data(as_text=True))
        seen.append(json.dumps(dict(response.headers)))
        called += 1
    seen.append(json.dumps(portal_socket.get_received("/workspace"), default=str))
    pushed = device_socket.get_received("/device")
    assert [e["name"] for e in pushed] == ["config.changed"]
    seen.append(json.dumps(pushed, default=str))
    seen.extend(record.getMessage() for record in caplog.records)

    assert called >= 35
    assert "/api/v1/devices/{device_id}/effective-config" in spec["paths"]
    for text in seen:
        assert CANARY not in text
    portal_socket.disconnect(namespace="/workspace")
    device_socket.disconnect(namespace="/device")
