"""GET /api/v1/workspace/pending and /workspace/publish-preview, the draft.pending event, and
the property-level revision diff: what a publish would change, told before it happens."""

from __future__ import annotations

import pytest

from tests.factories import DEFAULT_PASSWORD
from tests.factories_publishing import (
    PUBLISH,
    REVISIONS,
    delete_row,
    make_cable,
    make_object,
    make_phone_number,
    simple_call_flow,
)
from tests.factories_workspace import OBJECTS, make_colleague
from tests.support import ApiClient
from workspace.extensions import socketio
from workspace.objects.models import Cable

PENDING = "/api/v1/workspace/pending"
PREVIEW = "/api/v1/workspace/publish-preview"


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


def _rename(api: ApiClient, object_id: int, name: str) -> None:
    version = api.get(f"{OBJECTS}/{object_id}").get_json()["version"]
    response = api.patch(
        f"{OBJECTS}/{object_id}", json={"name": name}, headers={"If-Match": f'"{version}"'}
    )
    assert response.status_code == 200, response.get_json()


# ---- refusals ---------------------------------------------------------------------------------


def test_when_not_logged_in_then_pending_and_preview_401(client):
    assert client.get(PENDING).status_code == 401
    assert client.get(PREVIEW).status_code == 401


def test_when_draft_has_errors_then_preview_cannot_publish_and_lists_them(app, admin_client, flow):
    with app.app_context():
        delete_row(Cable, flow["c_member"])
    preview = admin_client.get(PREVIEW).get_json()
    assert preview["can_publish"] is False
    assert "ring_group.no_members" in {p["code"] for p in preview["problems"]}
    assert preview["devices"] == []  # nothing compiles, so nothing to compare


# ---- counts -----------------------------------------------------------------------------------


def test_when_nothing_published_then_every_row_is_pending(admin_client, flow):
    body = admin_client.get(PENDING).get_json()
    # 1 tab, 4 objects, 3 cables, each written by a factory's commit: each moved the version
    assert body == {"published_revision": None, "draft_version": 8, "count": 8}


def test_when_published_then_zero_and_an_edit_makes_one(admin_client, flow):
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    assert admin_client.get(PENDING).get_json()["count"] == 0
    _rename(admin_client, flow["o_group"], "Sales")
    body = admin_client.get(PENDING).get_json()
    assert body["count"] == 1 and body["published_revision"] == 1


def test_when_contact_settings_saved_then_no_canvas_change_is_pending(app, admin_client, flow):
    """Contact-center settings are live on save: they never wait for a publish."""
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    url = f"/api/v1/contacts/{flow['contact']}/call-center"
    version = admin_client.get(url).get_json()["version"]
    response = admin_client.patch(
        url, json={"caller_id_name": "Mike B."}, headers={"If-Match": f'"{version}"'}
    )
    assert response.status_code == 200
    assert admin_client.get(PENDING).get_json()["count"] == 0


# ---- preview ----------------------------------------------------------------------------------


def test_when_object_renamed_then_preview_shows_before_and_after(admin_client, flow):
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    _rename(admin_client, flow["o_group"], "Sales")
    preview = admin_client.get(PREVIEW).get_json()
    assert preview["can_publish"] is True and preview["count"] == 1
    [change] = preview["changes"]
    assert change["kind"] == "object" and change["action"] == "changed"
    assert change["name"] == "Sales" and change["tab"] == flow["tab"]
    assert change["changes"] == [{"field": "name", "before": "Mike's ring group", "after": "Sales"}]
    assert preview["devices"] == []  # a name moves no device


def test_when_a_number_is_routed_to_a_group_then_preview_lists_each_device_before_after(
    app, admin, admin_client, flow
):
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    # a second phone number rings the same group: Mike's devices become reachable at it too
    with app.app_context():
        number = make_phone_number(admin["account_id"], "+14155550111")
        card = make_object(
            admin["account_id"], flow["tab"], "phone_number", "Sales line", {"number": number}
        )
        make_cable(admin["account_id"], card, "calls", flow["o_group"], "calls")
    preview = admin_client.get(PREVIEW).get_json()
    assert preview["can_publish"] is True
    names = [d["name"] for d in preview["devices"]]
    assert names == ["Android Phone", "Mike's laptop"]
    device = preview["devices"][0]
    assert "+14155550111" not in device["before"] and "+14155550111" in device["after"]


# ---- live for every admin of the account ------------------------------------------------------


def test_when_an_admin_edits_then_every_admin_of_the_account_hears_the_count(
    app, admin, admin_client, other_client, flow
):
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    with app.app_context():
        carol = make_colleague(admin["account_id"], email="carol@example.com")
    colleague = ApiClient(app.test_client())
    colleague.login(carol["email"], DEFAULT_PASSWORD)
    watcher = socketio.test_client(app, namespace="/workspace", flask_test_client=colleague.client)
    stranger = socketio.test_client(
        app, namespace="/workspace", flask_test_client=other_client.client
    )
    watcher.get_received("/workspace")
    _rename(admin_client, flow["o_group"], "Sales")
    events = [e for e in watcher.get_received("/workspace") if e["name"] == "draft.pending"]
    assert events and events[-1]["args"][0]["count"] == 1
    assert admin_client.post(PUBLISH, json={"message": "sales"}).status_code == 201
    events = [e for e in watcher.get_received("/workspace") if e["name"] == "draft.pending"]
    # What the publish says from what it has in hand equals what a fresh read computes.
    assert events[-1]["args"][0] == admin_client.get(PENDING).get_json()
    assert events[-1]["args"][0]["count"] == 0
    assert events[-1]["args"][0]["published_revision"] == 2
    assert [e for e in stranger.get_received("/workspace") if e["name"] == "draft.pending"] == []
    watcher.disconnect(namespace="/workspace")
    stranger.disconnect(namespace="/workspace")


# ---- History compares at property level ------------------------------------------------------


def test_when_revisions_compared_then_each_field_says_before_and_after(admin_client, flow):
    assert admin_client.post(PUBLISH, json={"message": "first"}).status_code == 201
    _rename(admin_client, flow["o_group"], "Sales")
    assert admin_client.post(PUBLISH, json={"message": "second"}).status_code == 201
    diff = admin_client.get(f"{REVISIONS}/1/diff/2").get_json()
    [changed] = diff["objects"]["changed"]
    assert changed["fields"] == ["name"] and changed["name"] == "Sales"
    assert changed["changes"] == [
        {"field": "name", "before": "Mike's ring group", "after": "Sales"}
    ]
