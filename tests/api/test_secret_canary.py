"""Canary: a SIP password and an FTP password never leave the server.

Both are set to unique strings; then every GET endpoint of the OpenAPI document is called
(ids filled from the lists), plus publishing and the Socket.IO events it raises. No body,
header or log record may contain either string, and the database holds no plaintext.
"""

from __future__ import annotations

import json
import logging
import re

import sqlalchemy as sa

from tests.support import ApiClient
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account
from workspace.extensions import db, socketio

SIP_CANARY = "sip-canary-7f3a9c1e"
FTP_CANARY = "ftp-canary-b42d8e60"


def _ids(api: ApiClient, list_url: str) -> list | None:
    body = api.get(list_url).get_json()
    items = body["items"] if isinstance(body, dict) and "items" in body else body
    if not isinstance(items, list):
        return None
    return [item.get("id", item.get("number")) for item in items]


def _concrete(api: ApiClient, template: str) -> str | None:
    """Fill each {param} from the collection before it (the first item).

    A param after a non-collection segment (/revisions/{old}/diff/{new}) takes the last
    item of the previous collection, so a diff compares two different revisions.
    """
    built: list[str] = []
    previous: list | None = None
    for part in template.split("/"):
        if part.startswith("{"):
            ids = _ids(api, "/".join(built))
            if ids is None and previous:
                part = str(previous[-1])
            elif ids:
                previous, part = ids, str(ids[0])
            else:
                return None
        built.append(part)
    return "/".join(built)


def test_when_every_endpoint_is_exercised_then_secrets_never_leave(app, caplog):
    caplog.set_level(logging.DEBUG)
    with app.app_context():
        create_demo_account()
    api = ApiClient(app.test_client())
    api.login(DEMO_EMAIL, DEMO_PASSWORD)
    sip = api.get("/api/v1/sip-accounts").get_json()["items"][0]
    changed = api.patch(
        f"/api/v1/sip-accounts/{sip['id']}",
        json={"password": SIP_CANARY},
        headers={"If-Match": f'"{sip["version"]}"'},
    )
    assert changed.status_code == 200 and changed.get_json()["has_password"] is True
    ftp = api.post(
        "/api/v1/delivery-methods",
        json={
            "name": "Archive",
            "type": "ftp",
            "settings": {"host": "ftp.example.com", "username": "rec", "password": FTP_CANARY},
        },
    )
    assert ftp.status_code == 201, ftp.get_json()

    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=api.client)
    tab = api.get("/api/v1/tabs").get_json()
    tab_id = (tab["items"] if isinstance(tab, dict) else tab)[0]["id"]
    sock.emit("join_tab", {"tab_id": tab_id}, namespace="/workspace")

    seen: list[str] = []
    spec = api.get("/api/v1/openapi.json").get_json()
    called = 0
    for template, operations in spec["paths"].items():
        if "get" not in operations:
            continue
        url = _concrete(api, template)
        if url is None:
            continue
        response = api.get(url)
        assert response.status_code < 500, url
        seen.append(response.get_data().decode("utf-8", "replace"))  # QR PNGs are binary
        seen.append(json.dumps(dict(response.headers)))
        called += 1
    # Changing the call flow publishes a new plan and raises events carrying it.
    api.post("/api/v1/workspace/publish", json={"message": "canary"})
    seen.append(json.dumps(sock.get_received("/workspace"), default=str))
    seen.extend(record.getMessage() for record in caplog.records)

    assert called >= 35
    for text in seen:
        assert SIP_CANARY not in text and FTP_CANARY not in text
    with app.app_context():
        for table in ("sip_accounts", "delivery_methods"):
            rows = db.session.execute(sa.text(f"SELECT * FROM {table}")).all()
            dump = repr(rows)
            assert SIP_CANARY not in dump and FTP_CANARY not in dump
            assert re.search(r"v1:[A-Za-z0-9_-]{20,}", dump), table
