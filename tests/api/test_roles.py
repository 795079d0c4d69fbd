"""A viewer writes nothing: every write operation of the OpenAPI document answers 403.

The operations come from the live document, so a new endpoint is covered the day it is
added; the few a viewer may call are listed here on purpose, and must stay few.
"""

from __future__ import annotations

import re

import pytest

from tests.factories import DEFAULT_PASSWORD, make_member
from tests.support import ApiClient

WRITES = ("post", "put", "patch", "delete")
# Not an admin's writes: sign-up, login, device and recording intake (their own auth).
NOT_ADMIN = re.compile(r"^/api/v1/auth/(register|confirm|login|invitation)$|^/(device|sip)/v1/")
VIEWER_MAY = {
    ("post", "/api/v1/auth/logout"),
    ("post", "/api/v1/auth/password"),
    ("post", "/api/v1/workspace/validate"),
    ("post", "/api/v1/simulate"),
}


def _write_operations(client) -> list[tuple[str, str]]:
    doc = client.get("/api/v1/openapi.json").get_json()
    return sorted(
        (method, path)
        for path, item in doc["paths"].items()
        for method in item
        if method in WRITES and not NOT_ADMIN.search(path) and (method, path) not in VIEWER_MAY
    )


@pytest.fixture
def viewer_client(app, admin) -> ApiClient:
    with app.app_context():
        make_member(email="vera@example.com", colleague=admin["email"], role="viewer")
    api = ApiClient(app.test_client())
    api.login("vera@example.com", DEFAULT_PASSWORD)
    return api


def test_when_viewer_calls_every_write_operation_then_403_each(client, viewer_client):
    operations = _write_operations(client)
    assert len(operations) >= 40, operations  # the walk really found the API
    allowed = []
    for method, path in operations:
        url = re.sub(r"\{[^}]+\}", "1", path)
        response = getattr(viewer_client, method)(url, headers={"If-Match": '"1"'})
        if response.status_code != 403:
            allowed.append((method, path, response.status_code))
    assert allowed == []


def test_when_viewer_validates_then_allowed_and_reads_work(viewer_client):
    assert viewer_client.post("/api/v1/workspace/validate").status_code == 200
    assert viewer_client.get("/api/v1/contacts").status_code == 200
    me = viewer_client.get("/api/v1/auth/me").get_json()
    assert me["admin"]["role"] == "viewer"


def test_when_viewer_uses_an_api_token_then_writes_still_403(app, admin_client, admin):
    with app.app_context():
        make_member(email="vera@example.com", colleague=admin["email"], role="viewer")
    # A token acts with its admin's role: make one as the viewer would have (by the owner's
    # hand is not possible), so promote, create, then demote.
    vera = ApiClient(app.test_client())
    vera.login("vera@example.com", DEFAULT_PASSWORD)
    members = {m["email"]: m["id"] for m in admin_client.get("/api/v1/team").get_json()}
    admin_client.patch(f"/api/v1/team/{members['vera@example.com']}", json={"role": "admin"})
    token = vera.post("/api/v1/auth/tokens", json={"name": "script"}).get_json()["token"]
    admin_client.patch(f"/api/v1/team/{members['vera@example.com']}", json={"role": "viewer"})
    bearer = {"Authorization": f"Bearer {token}"}
    response = app.test_client().post("/api/v1/tabs", json={"name": "x"}, headers=bearer)
    assert response.status_code == 403
    assert app.test_client().get("/api/v1/tabs", headers=bearer).status_code == 200
