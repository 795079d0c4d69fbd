"""/api/v1/tabs: list in position order, create, rename, reorder, delete with confirmation."""

from __future__ import annotations

import pytest

from tests.factories_workspace import (
    TABS,
    counts,
    draft_version,
    if_match,
    new_cable,
    new_object,
    new_tab,
)
from workspace.extensions import db
from workspace.objects.models import Tab


def _tabs(api) -> list[dict]:
    response = api.get(TABS)
    assert response.status_code == 200
    return response.get_json()["items"]


def _names_in_order(api) -> list[str]:
    return [t["name"] for t in _tabs(api)]


# ---- refusals ----


def test_when_not_logged_in_then_401_and_nothing_written(app, client):
    assert client.get(TABS).status_code == 401
    assert client.post(TABS, json={"name": "Main"}).status_code == 401
    with app.app_context():
        assert counts()["tabs"] == 0


def test_when_csrf_header_missing_then_403_and_nothing_written(app, admin_client):
    response = admin_client.post(TABS, json={"name": "Main"}, csrf=False)
    assert response.status_code == 403
    with app.app_context():
        assert counts()["tabs"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": 7}, "name"),
        ({"position": -1}, "position"),
        ({"position": "first"}, "position"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_when_create_body_invalid_then_422_naming_field_and_nothing_written(
    app, admin_client, body, field
):
    response = admin_client.post(TABS, json=body)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]["json"]
    with app.app_context():
        assert counts()["tabs"] == 0
    assert draft_version(admin_client) == 0


def test_when_patch_without_if_match_then_428_and_nothing_changed(admin_client):
    tab = new_tab(admin_client, "Main")
    response = admin_client.patch(f"{TABS}/{tab['id']}", json={"name": "Other"})
    assert response.status_code == 428
    assert _names_in_order(admin_client) == ["Main"]


def test_when_patch_with_stale_version_then_412_and_nothing_changed(admin_client):
    tab = new_tab(admin_client, "Main")
    renamed = admin_client.patch(
        f"{TABS}/{tab['id']}", json={"name": "Sales"}, headers=if_match(tab)
    )
    assert renamed.status_code == 200
    before = draft_version(admin_client)
    stale = admin_client.patch(f"{TABS}/{tab['id']}", json={"name": "Other"}, headers=if_match(tab))
    assert stale.status_code == 412
    assert stale.get_json()["errors"]["current_version"] == 2
    assert _names_in_order(admin_client) == ["Sales"]
    assert draft_version(admin_client) == before


def test_when_patch_body_invalid_then_422_and_nothing_changed(admin_client):
    tab = new_tab(admin_client, "Main")
    for body, field in (({"name": ""}, "name"), ({"position": -2}, "position"), ({"x": 1}, "x")):
        response = admin_client.patch(f"{TABS}/{tab['id']}", json=body, headers=if_match(tab))
        assert response.status_code == 422
        assert field in response.get_json()["errors"]["json"]
    assert admin_client.get(f"{TABS}/{tab['id']}").get_json()["version"] == 1


def test_when_tab_unknown_then_404(admin_client):
    assert admin_client.get(f"{TABS}/999").status_code == 404
    missing = admin_client.patch(f"{TABS}/999", json={"name": "x"}, headers={"If-Match": '"1"'})
    assert missing.status_code == 404
    gone = admin_client.delete(f"{TABS}/999?confirm=true", headers={"If-Match": '"1"'})
    assert gone.status_code == 404


def test_when_delete_without_if_match_then_428_and_tab_kept(admin_client):
    tab = new_tab(admin_client, "Main")
    response = admin_client.delete(f"{TABS}/{tab['id']}?confirm=true")
    assert response.status_code == 428
    assert _names_in_order(admin_client) == ["Main"]


def test_when_delete_with_stale_version_then_412_and_tab_kept(admin_client):
    tab = new_tab(admin_client, "Main")
    admin_client.patch(f"{TABS}/{tab['id']}", json={"name": "Sales"}, headers=if_match(tab))
    response = admin_client.delete(f"{TABS}/{tab['id']}?confirm=true", headers=if_match(tab))
    assert response.status_code == 412
    assert _names_in_order(admin_client) == ["Sales"]


def test_when_delete_not_confirmed_then_409_counts_what_would_go_and_nothing_deleted(
    app, admin_client
):
    tab = new_tab(admin_client, "Main")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    before = draft_version(admin_client)
    response = admin_client.delete(f"{TABS}/{tab['id']}", headers=if_match(tab))
    assert response.status_code == 409
    body = response.get_json()
    assert body["errors"] == {"objects": 2, "cables": 1}
    assert "2 object(s)" in body["message"]
    with app.app_context():
        assert counts() == {"tabs": 1, "objects": 2, "cables": 1}
    assert draft_version(admin_client) == before


# ---- success ----


def test_when_created_without_name_then_default_names_take_the_lowest_free_number(admin_client):
    first = new_tab(admin_client)
    second = new_tab(admin_client)
    assert (first["name"], second["name"]) == ("Tab 1", "Tab 2")
    admin_client.delete(f"{TABS}/{first['id']}?confirm=true", headers=if_match(first))
    assert new_tab(admin_client)["name"] == "Tab 1"
    assert new_tab(admin_client, "  Sales  ")["name"] == "Sales"


def test_when_created_then_201_with_etag_version_and_new_draft_version(admin_client):
    response = admin_client.post(TABS, json={"name": "Main"})
    assert response.status_code == 201
    body = response.get_json()
    assert body["name"] == "Main"
    assert body["position"] == 0
    assert body["version"] == 1
    assert body["draft_version"] == 1
    assert response.headers["ETag"] == '"1"'
    assert response.headers["X-Draft-Version"] == "1"
    assert draft_version(admin_client) == 1


def test_when_created_at_a_position_then_it_is_inserted_and_others_shift(admin_client):
    for name in ("A", "B", "C"):
        new_tab(admin_client, name)
    new_tab(admin_client, "First", position=0)
    new_tab(admin_client, "Far", position=99)
    tabs = _tabs(admin_client)
    assert [t["name"] for t in tabs] == ["First", "A", "B", "C", "Far"]
    assert [t["position"] for t in tabs] == [0, 1, 2, 3, 4]


def test_when_position_patched_then_tab_moves_and_positions_stay_0_to_n_minus_1(admin_client):
    a, b, c, d = (new_tab(admin_client, name) for name in ("A", "B", "C", "D"))
    response = admin_client.patch(f"{TABS}/{d['id']}", json={"position": 1}, headers=if_match(d))
    assert response.status_code == 200
    moved = response.get_json()
    assert moved["position"] == 1
    assert moved["version"] == 2
    assert response.headers["ETag"] == '"2"'
    tabs = _tabs(admin_client)
    assert [t["name"] for t in tabs] == ["A", "D", "B", "C"]
    assert [t["position"] for t in tabs] == [0, 1, 2, 3]
    # The tabs pushed aside were not edited: their versions stay, so their If-Match holds.
    assert {t["name"]: t["version"] for t in tabs} == {"A": 1, "D": 2, "B": 1, "C": 1}
    rename = admin_client.patch(f"{TABS}/{b['id']}", json={"name": "Bee"}, headers=if_match(b))
    assert rename.status_code == 200
    back = admin_client.patch(
        f"{TABS}/{a['id']}", json={"position": 50}, headers=if_match(a)
    ).get_json()
    assert back["position"] == 3
    assert _names_in_order(admin_client) == ["D", "Bee", "C", "A"]
    assert c["id"] in [t["id"] for t in _tabs(admin_client)]


def test_when_renamed_then_name_and_version_change(admin_client):
    tab = new_tab(admin_client, "Main")
    response = admin_client.patch(
        f"{TABS}/{tab['id']}", json={"name": "Support"}, headers=if_match(tab)
    )
    body = response.get_json()
    assert (body["name"], body["version"], body["draft_version"]) == ("Support", 2, 2)
    got = admin_client.get(f"{TABS}/{tab['id']}")
    assert got.get_json()["name"] == "Support"
    assert got.headers["ETag"] == '"2"'


def test_when_delete_confirmed_then_its_objects_and_cables_go_and_positions_close_up(
    app, admin_client
):
    keep = new_tab(admin_client, "Keep")
    doomed = new_tab(admin_client, "Doomed", position=0)
    last = new_tab(admin_client, "Last")
    kept_object = new_object(admin_client, keep["id"], "phone_number")
    number = new_object(admin_client, doomed["id"], "phone_number")
    group = new_object(admin_client, doomed["id"], "ring_group")
    new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    before = draft_version(admin_client)
    response = admin_client.delete(f"{TABS}/{doomed['id']}?confirm=true", headers=if_match(doomed))
    assert response.status_code == 204
    assert response.headers["X-Draft-Version"] == str(before + 1)
    assert draft_version(admin_client) == before + 1
    tabs = _tabs(admin_client)
    assert [(t["id"], t["position"]) for t in tabs] == [(keep["id"], 0), (last["id"], 1)]
    with app.app_context():
        assert counts() == {"tabs": 2, "objects": 1, "cables": 0}
    assert admin_client.get(f"/api/v1/objects/{kept_object['id']}").status_code == 200


def test_when_listed_then_in_position_order_with_total(app, admin_client):
    new_tab(admin_client, "B")
    new_tab(admin_client, "A", position=0)
    body = admin_client.get(TABS).get_json()
    assert body["total"] == 2
    assert [t["name"] for t in body["items"]] == ["A", "B"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.max(Tab.position))) == 1
