"""/api/v1/workspace: state, the draft of one tab, and validation without writing."""

from __future__ import annotations

from tests.factories_workspace import (
    STATE,
    counts,
    draft_version,
    if_match,
    make_call_center_method,
    make_phone_number,
    new_cable,
    new_object,
    new_tab,
)

DRAFT = "/api/v1/workspace/draft"
VALIDATE = "/api/v1/workspace/validate"


def test_when_not_logged_in_then_401(client):
    assert client.get(STATE).status_code == 401
    assert client.get(f"{DRAFT}?tab_id=1").status_code == 401
    assert client.post(VALIDATE).status_code == 401


def test_when_draft_tab_missing_or_another_accounts_then_404_or_422(admin_client, other_client):
    theirs = new_tab(other_client, "Theirs")
    assert admin_client.get(f"{DRAFT}?tab_id={theirs['id']}").status_code == 404
    assert admin_client.get(f"{DRAFT}?tab_id=999").status_code == 404
    missing = admin_client.get(DRAFT)
    assert missing.status_code == 422
    assert "tab_id" in missing.get_json()["errors"]["query"]


def test_when_validate_without_csrf_then_403(admin_client):
    assert admin_client.post(VALIDATE, csrf=False).status_code == 403


def test_when_account_never_edited_then_state_is_zero_and_unpublished(admin_client):
    assert admin_client.get(STATE).get_json() == {"draft_version": 0, "published_revision": None}


def test_when_draft_read_then_one_tabs_objects_and_cables_with_versions(admin_client):
    tab = new_tab(admin_client, "Main")
    other = new_tab(admin_client, "Other")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    new_object(admin_client, other["id"], "ring_group")
    cable = new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    admin_client.patch(
        f"/api/v1/objects/{group['id']}", json={"name": "G"}, headers=if_match(group)
    )
    body = admin_client.get(f"{DRAFT}?tab_id={tab['id']}").get_json()
    assert body["draft_version"] == draft_version(admin_client) == 7
    assert body["tab"]["id"] == tab["id"]
    assert [t["id"] for t in body["tabs"]] == [tab["id"], other["id"]]
    assert [(o["id"], o["version"]) for o in body["objects"]] == [
        (number["id"], 1),
        (group["id"], 2),
    ]
    assert [(c["id"], c["version"]) for c in body["cables"]] == [(cable["id"], 1)]


def test_when_validated_then_problems_and_draft_version_and_nothing_written(
    app, admin, admin_client
):
    with app.app_context():
        number_row = make_phone_number(admin["account_id"])
        method_row = make_call_center_method(admin["account_id"])
    tab = new_tab(admin_client, "Main")
    number = new_object(admin_client, tab["id"], "phone_number", properties={"number": number_row})
    group = new_object(admin_client, tab["id"], "ring_group")
    before = draft_version(admin_client)
    response = admin_client.post(VALIDATE)
    assert response.status_code == 200
    body = response.get_json()
    assert body["draft_version"] == before
    codes = {p["code"] for p in body["problems"]}
    assert {"entry.no_route", "ring_group.no_members"} <= codes
    assert draft_version(admin_client) == before
    member = new_object(
        admin_client, tab["id"], "contact_method", properties={"contact_method": method_row}
    )
    new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    new_cable(admin_client, group["id"], "members", member["id"], "calls")
    fixed = admin_client.post(VALIDATE).get_json()
    assert [p for p in fixed["problems"] if p["severity"] == "error"] == []
    assert fixed["draft_version"] == before + 3
    with app.app_context():
        assert counts() == {"tabs": 1, "objects": 3, "cables": 2}
