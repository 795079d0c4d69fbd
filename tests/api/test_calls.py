"""/api/v1/calls: the call log as admins read it (tenancy, filters, paging, one call)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories_calls import T0, answered_call, call_event, post_events
from tests.factories_devices import make_contact


@pytest.fixture
def account_id(admin) -> int:
    return admin["account_id"]


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [c["call_id"] for c in response.get_json()["items"]]


# --- refusals ------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get("/api/v1/calls").status_code == 401
    assert client.get("/api/v1/calls/1").status_code == 401
    assert client.get("/api/v1/calls/revisions").status_code == 401


def test_when_other_accounts_admin_lists_then_sees_none(app, client, other_client, account_id):
    post_events(client, app, answered_call(account_id))
    assert _ids(other_client.get("/api/v1/calls")) == []
    assert other_client.get("/api/v1/calls/revisions").get_json()["items"] == []


def test_when_other_accounts_call_read_then_404(
    app, client, admin_client, other_client, account_id
):
    post_events(client, app, answered_call(account_id))
    call_pk = admin_client.get("/api/v1/calls").get_json()["items"][0]["id"]
    response = other_client.get(f"/api/v1/calls/{call_pk}")
    assert response.status_code == 404 and response.get_json()["code"] == 404


@pytest.mark.parametrize(
    "query",
    ["date_from=yesterday", "contact=0", "per_page=500", "number=" + "9" * 65, "revision=-1"],
)
def test_when_filters_invalid_then_422_naming_them(admin_client, query):
    response = admin_client.get(f"/api/v1/calls?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in response.get_json()["errors"]["query"]


def test_when_call_unknown_then_404(admin_client):
    assert admin_client.get("/api/v1/calls/999").status_code == 404


# --- reading -------------------------------------------------------------------------------


def test_when_calls_listed_then_newest_first_and_paged(app, client, admin_client, account_id):
    events = [call_event(account_id, "start", i * 60, call_id=f"c{i}") for i in range(5)]
    post_events(client, app, events)
    assert _ids(admin_client.get("/api/v1/calls?per_page=2")) == ["c4", "c3"]
    page = admin_client.get("/api/v1/calls?per_page=2&page=3").get_json()
    assert page["total"] == 5 and [c["call_id"] for c in page["items"]] == ["c0"]


def test_when_filtered_by_number_then_caller_callee_or_route_matches(
    app, client, admin_client, account_id
):
    post_events(
        client,
        app,
        [
            call_event(account_id, "start", 0, call_id="a", caller="+4930123456"),
            call_event(account_id, "start", 1, call_id="b", route="ext:101", caller="102"),
            call_event(account_id, "start", 2, call_id="c", route="+14155550199"),
        ],
    )
    assert _ids(admin_client.get("/api/v1/calls?number=4930")) == ["a"]
    assert _ids(admin_client.get("/api/v1/calls?number=ext:1")) == ["b"]
    assert _ids(admin_client.get("/api/v1/calls?number=%2B1415555019")) == ["c"]


def test_when_filtered_by_contact_then_calls_it_answered_or_rang(
    app, client, admin_client, account_id
):
    mike = make_contact(app, account_id, "Mike", "Brown")
    jane = make_contact(app, account_id, "Jane", "Doe")
    rung = {"contact": jane, "device": None, "username": None, "number": None}
    post_events(client, app, answered_call(account_id, contact=mike, call_id="m"))
    post_events(client, app, [call_event(account_id, "ringing", 0, call_id="j", member=rung)])
    post_events(client, app, [call_event(account_id, "start", 0, call_id="none")])
    assert _ids(admin_client.get(f"/api/v1/calls?contact={mike}")) == ["m"]
    assert _ids(admin_client.get(f"/api/v1/calls?contact={jane}")) == ["j"]


def test_when_filtered_by_dates_then_from_inclusive_to_exclusive(
    app, client, admin_client, account_id
):
    day = 86400
    post_events(
        client,
        app,
        [call_event(account_id, "start", i * day, call_id=f"d{i}") for i in range(3)],
    )
    start = datetime.fromtimestamp(T0, UTC)
    since = (start + timedelta(days=1)).isoformat().replace("+00:00", "Z")
    until = (start + timedelta(days=2)).isoformat().replace("+00:00", "Z")
    assert _ids(admin_client.get(f"/api/v1/calls?date_from={since}")) == ["d2", "d1"]
    assert _ids(admin_client.get(f"/api/v1/calls?date_from={since}&date_to={until}")) == ["d1"]


def test_when_filtered_by_revision_then_counts_per_revision_agree(
    app, client, admin_client, account_id
):
    post_events(
        client,
        app,
        [
            call_event(account_id, "start", 0, call_id="r1", revision=1),
            call_event(account_id, "start", 1, call_id="r2a", revision=2),
            call_event(account_id, "start", 2, call_id="r2b", revision=2),
        ],
    )
    assert _ids(admin_client.get("/api/v1/calls?revision=2")) == ["r2b", "r2a"]
    counts = admin_client.get("/api/v1/calls/revisions").get_json()["items"]
    assert counts == [{"revision": 2, "calls": 2}, {"revision": 1, "calls": 1}]


def test_when_one_call_read_then_its_events_in_order_with_members(
    app, client, admin_client, account_id
):
    mike = make_contact(app, account_id, "Mike", "Brown")
    events = answered_call(account_id, contact=mike)
    post_events(client, app, list(reversed(events)))
    call_pk = admin_client.get("/api/v1/calls").get_json()["items"][0]["id"]
    call = admin_client.get(f"/api/v1/calls/{call_pk}").get_json()
    assert [e["type"] for e in call["events"]] == ["start", "node", "ringing", "answered", "ended"]
    assert call["events"][1]["object_id"] == 11 and call["events"][1]["node"] == "n1"
    assert call["events"][1]["object_name"] is None  # no such object (any more)
    assert call["events"][2]["member"]["contact"] == {"id": mike, "name": "Mike Brown"}
    assert call["answered_by"]["contact"] == {"id": mike, "name": "Mike Brown"}


def test_when_listing_active_then_only_recent_calls_not_ended(
    app, client, admin_client, account_id
):
    now = datetime.now(UTC).timestamp()
    old = now - 6 * 3600
    post_events(
        client,
        app,
        [
            call_event(account_id, "start", now - T0 - 5, call_id="live"),
            call_event(account_id, "start", now - T0 - 9, call_id="done"),
            call_event(account_id, "ended", now - T0 - 1, call_id="done", cause="no_answer"),
            call_event(account_id, "start", old - T0, call_id="stale"),
        ],
    )
    assert _ids(admin_client.get("/api/v1/calls?active=true")) == ["live"]
    assert len(_ids(admin_client.get("/api/v1/calls"))) == 3


def test_when_call_went_through_an_object_then_its_event_names_it(
    app, client, admin_client, account_id
):
    from tests.factories_publishing import make_object, make_tab

    with app.app_context():
        obj = make_object(account_id, make_tab(account_id), "phone_number", "Main line")
    post_events(client, app, [call_event(account_id, "node", 0, node="n1", object=obj)])
    call_pk = admin_client.get("/api/v1/calls").get_json()["items"][0]["id"]
    [event] = admin_client.get(f"/api/v1/calls/{call_pk}").get_json()["events"]
    assert event["object_name"] == "Main line"
