"""/api/v1/cables: every port rule refuses with its code and writes nothing."""

from __future__ import annotations

import threading

import pytest

from tests.factories import DEFAULT_PASSWORD
from tests.factories_workspace import (
    CABLES,
    counts,
    draft_version,
    if_match,
    new_cable,
    new_object,
    new_tab,
)
from tests.support import ApiClient


@pytest.fixture
def board(admin_client) -> dict:
    """A tab with a phone number, two ring groups and two contact methods."""
    tab = new_tab(admin_client, "Main")
    return {
        "tab": tab,
        "number": new_object(admin_client, tab["id"], "phone_number")["id"],
        "group": new_object(admin_client, tab["id"], "ring_group")["id"],
        "group2": new_object(admin_client, tab["id"], "ring_group")["id"],
        "member": new_object(admin_client, tab["id"], "contact_method")["id"],
        "member2": new_object(admin_client, tab["id"], "contact_method")["id"],
    }


def _post(api, source, source_port, target, target_port):
    return api.post(
        CABLES,
        json={
            "source": source,
            "source_port": source_port,
            "target": target,
            "target_port": target_port,
        },
    )


def _refused(app, api, response, *, field: str, rule: str, cables: int, draft: int) -> None:
    assert response.status_code == 422, response.get_json()
    errors = response.get_json()["errors"]
    assert errors["rule"] == errors["code_name"] == rule
    assert list(errors["json"]) == [field]
    with app.app_context():
        assert counts()["cables"] == cables
    assert draft_version(api) == draft


# ---- refusals ----


def test_when_not_logged_in_then_401(client):
    assert client.get(CABLES).status_code == 401
    assert client.post(CABLES, json={}).status_code == 401


@pytest.mark.parametrize(
    ("field", "value"),
    [("source", 2**40), ("target", "two"), ("source_port", ""), ("target", None)],
)
def test_when_field_invalid_then_422_naming_it(app, admin_client, board, field, value):
    body = {"source": 1, "source_port": "calls", "target": 2, "target_port": "calls", field: value}
    response = admin_client.post(CABLES, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    with app.app_context():
        assert counts()["cables"] == 0


@pytest.mark.parametrize("missing", ["source", "source_port", "target", "target_port"])
def test_when_field_missing_then_422_naming_it(app, admin_client, board, missing):
    body = {"source": 1, "source_port": "calls", "target": 2, "target_port": "calls"}
    del body[missing]
    response = admin_client.post(CABLES, json=body)
    assert response.status_code == 422
    assert missing in response.get_json()["errors"]["json"]
    with app.app_context():
        assert counts()["cables"] == 0


@pytest.mark.parametrize(
    ("source_port", "target_port", "field"),
    [("ring", "calls", "source_port"), ("calls", "everything", "target_port")],
)
def test_when_port_unknown_then_422_cable_unknown_port(
    app, admin_client, board, source_port, target_port, field
):
    draft = draft_version(admin_client)
    response = _post(admin_client, board["number"], source_port, board["group"], target_port)
    _refused(
        app, admin_client, response, field=field, rule="cable.unknown_port", cables=0, draft=draft
    )


def test_when_cable_starts_at_an_input_port_then_422_cable_wrong_direction(
    app, admin_client, board
):
    draft = draft_version(admin_client)
    response = _post(admin_client, board["group"], "calls", board["member"], "calls")
    _refused(
        app,
        admin_client,
        response,
        field="source_port",
        rule="cable.wrong_direction",
        cables=0,
        draft=draft,
    )


def test_when_cable_ends_at_an_output_port_then_422_cable_wrong_direction(app, admin_client, board):
    draft = draft_version(admin_client)
    response = _post(admin_client, board["number"], "calls", board["group"], "no_answer")
    _refused(
        app,
        admin_client,
        response,
        field="target_port",
        rule="cable.wrong_direction",
        cables=0,
        draft=draft,
    )


def test_when_signal_not_accepted_then_422_cable_illegal_port_pair(app, admin_client, board):
    draft = draft_version(admin_client)
    # members carries "member"; a ring group's calls input takes "call" only.
    response = _post(admin_client, board["group"], "members", board["group2"], "calls")
    _refused(
        app,
        admin_client,
        response,
        field="target_port",
        rule="cable.illegal_port_pair",
        cables=0,
        draft=draft,
    )


def test_when_output_port_is_at_its_limit_then_422_cable_port_full(app, admin_client, board):
    new_cable(admin_client, board["number"], "calls", board["group"], "calls")
    new_cable(admin_client, board["group"], "no_answer", board["group2"], "calls")
    draft = draft_version(admin_client)
    full_entry = _post(admin_client, board["number"], "calls", board["group2"], "calls")
    _refused(
        app,
        admin_client,
        full_entry,
        field="source_port",
        rule="cable.port_full",
        cables=2,
        draft=draft,
    )
    full_no_answer = _post(admin_client, board["group"], "no_answer", board["member"], "calls")
    _refused(
        app,
        admin_client,
        full_no_answer,
        field="source_port",
        rule="cable.port_full",
        cables=2,
        draft=draft,
    )


def test_when_cable_goes_from_an_object_to_itself_then_422_cable_self_loop(
    app, admin_client, board
):
    draft = draft_version(admin_client)
    response = _post(admin_client, board["group"], "no_answer", board["group"], "calls")
    _refused(
        app, admin_client, response, field="target", rule="cable.self_loop", cables=0, draft=draft
    )


def test_when_cable_exists_already_then_422_cable_duplicate(app, admin_client, board):
    new_cable(admin_client, board["group"], "members", board["member"], "calls")
    draft = draft_version(admin_client)
    response = _post(admin_client, board["group"], "members", board["member"], "calls")
    _refused(
        app, admin_client, response, field="target", rule="cable.duplicate", cables=1, draft=draft
    )


def test_when_objects_are_on_different_tabs_then_422_cable_cross_tab(app, admin_client, board):
    other = new_tab(admin_client, "Other")
    elsewhere = new_object(admin_client, other["id"], "ring_group")
    draft = draft_version(admin_client)
    response = _post(admin_client, board["number"], "calls", elsewhere["id"], "calls")
    _refused(
        app, admin_client, response, field="target", rule="cable.cross_tab", cables=0, draft=draft
    )


@pytest.mark.parametrize("end", ["source", "target"])
def test_when_an_end_is_another_accounts_or_missing_then_404_naming_it(
    app, admin_client, other_client, board, end
):
    their_tab = new_tab(other_client, "Theirs")
    theirs = {
        "source": new_object(other_client, their_tab["id"], "phone_number")["id"],
        "target": new_object(other_client, their_tab["id"], "ring_group")["id"],
    }
    for foreign in (theirs[end], 99999):
        body = {
            "source": board["number"],
            "source_port": "calls",
            "target": board["group"],
            "target_port": "calls",
            end: foreign,
        }
        response = admin_client.post(CABLES, json=body)
        assert response.status_code == 404
        assert end in response.get_json()["errors"]["json"]
    with app.app_context():
        assert counts()["cables"] == 0


def test_when_delete_without_if_match_or_stale_then_428_or_412_and_kept(app, admin_client, board):
    cable = new_cable(admin_client, board["number"], "calls", board["group"], "calls")
    assert admin_client.delete(f"{CABLES}/{cable['id']}").status_code == 428
    stale = admin_client.delete(f"{CABLES}/{cable['id']}", headers={"If-Match": '"4"'})
    assert stale.status_code == 412
    with app.app_context():
        assert counts()["cables"] == 1


def test_when_unknown_cable_then_404(admin_client):
    assert admin_client.get(f"{CABLES}/5").status_code == 404
    assert admin_client.delete(f"{CABLES}/5", headers={"If-Match": '"1"'}).status_code == 404


# ---- success ----


def test_when_legal_cables_created_then_201_with_version_and_draft_version(admin_client, board):
    before = draft_version(admin_client)
    response = _post(admin_client, board["number"], "calls", board["group"], "calls")
    assert response.status_code == 201
    body = response.get_json()
    assert body == {
        "id": body["id"],
        "source": board["number"],
        "source_port": "calls",
        "target": board["group"],
        "target_port": "calls",
        "version": 1,
        "draft_version": before + 1,
    }
    assert response.headers["ETag"] == '"1"'
    # Members may be many; a contact method takes a call as well as a membership.
    new_cable(admin_client, board["group"], "members", board["member"], "calls")
    new_cable(admin_client, board["group"], "members", board["member2"], "calls")
    new_cable(admin_client, board["group"], "no_answer", board["member"], "calls")
    new_cable(admin_client, board["group2"], "members", board["member"], "calls")
    assert admin_client.get(CABLES).get_json()["total"] == 5


def test_when_deleted_then_gone_and_the_port_is_free_again(app, admin_client, board):
    cable = new_cable(admin_client, board["number"], "calls", board["group"], "calls")
    before = draft_version(admin_client)
    response = admin_client.delete(f"{CABLES}/{cable['id']}", headers=if_match(cable))
    assert response.status_code == 204
    assert response.headers["X-Draft-Version"] == str(before + 1)
    with app.app_context():
        assert counts()["cables"] == 0
    new_cable(admin_client, board["number"], "calls", board["group2"], "calls")


def test_when_listed_by_tab_then_only_that_tabs_cables(admin_client, other_client, board):
    other = new_tab(admin_client, "Other")
    a = new_object(admin_client, other["id"], "phone_number")
    b = new_object(admin_client, other["id"], "ring_group")
    there = new_cable(admin_client, a["id"], "calls", b["id"], "calls")
    here = new_cable(admin_client, board["number"], "calls", board["group"], "calls")
    listed = admin_client.get(f"{CABLES}?tab_id={board['tab']['id']}").get_json()
    assert [c["id"] for c in listed["items"]] == [here["id"]]
    assert listed["total"] == 1
    got = admin_client.get(f"{CABLES}/{there['id']}")
    assert got.status_code == 200
    assert got.headers["ETag"] == '"1"'
    their_tab = new_tab(other_client, "Theirs")
    assert admin_client.get(f"{CABLES}?tab_id={their_tab['id']}").status_code == 404


def test_when_two_admins_race_for_a_one_cable_port_then_exactly_one_wins(
    app, admin, admin_client, board
):
    second = ApiClient(app.test_client())
    second.login(admin["email"], DEFAULT_PASSWORD)
    barrier = threading.Barrier(2)
    results: list[int] = []

    def attempt(api, target):
        barrier.wait()
        results.append(_post(api, board["number"], "calls", board[target], "calls").status_code)

    threads = [
        threading.Thread(target=attempt, args=(admin_client, "group")),
        threading.Thread(target=attempt, args=(second, "group2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == [201, 422]
    with app.app_context():
        assert counts()["cables"] == 1
