"""Time Router, Caller Router and Blacklist end to end through the API: place, cable, validate,
publish, simulate at a time and from a caller, and the week view."""

from __future__ import annotations

import pytest

from tests.factories_publishing import PUBLISH, SIMULATE, simple_call_flow
from tests.factories_workspace import OBJECTS, if_match, new_cable, new_object
from workspace.extensions import socketio

VALIDATE = "/api/v1/workspace/validate"
WEEK = "/api/v1/simulate/week"
SCHEDULES = "/api/v1/schedules"


@pytest.fixture
def flow(app, admin, admin_client):
    """Main line -> Time Router (Office hours) -> open: Mike's group, closed: a Forward."""
    with app.app_context():
        ids = simple_call_flow(admin["account_id"])
    schedule = admin_client.post(
        SCHEDULES,
        json={
            "name": "Office hours",
            "time_zone": "Europe/Berlin",
            "intervals": [{"day": d, "from": "09:00", "to": "17:00"} for d in range(5)],
            "holidays": [{"name": "Christmas", "from": "2026-12-24", "to": "2026-12-26"}],
        },
    ).get_json()
    router = new_object(
        admin_client, ids["tab"], "time_router", properties={"schedule": schedule["id"]}
    )
    forward = new_object(admin_client, ids["tab"], "forward", properties={"number": "+14155550199"})
    cable = ids["c_phone"]
    assert (
        admin_client.delete(f"/api/v1/cables/{cable}", headers={"If-Match": '"1"'}).status_code
        == 204
    )
    new_cable(admin_client, ids["o_phone"], "calls", router["id"], "calls")
    new_cable(admin_client, router["id"], "open", ids["o_group"], "calls")
    new_cable(admin_client, router["id"], "closed", forward["id"], "calls")
    return {**ids, "router": router, "forward": forward, "schedule": schedule}


def _codes(api) -> list[str]:
    return [p["code"] for p in api.post(VALIDATE).get_json()["problems"]]


def _call(api, **body) -> dict:
    response = api.post(SIMULATE, json={"number": "+14155550100", **body})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# ---- refusals ---------------------------------------------------------------------------------


def test_when_a_local_time_has_no_zone_then_422(admin_client, flow):
    response = admin_client.post(SIMULATE, json={"number": "101", "at": "2026-12-07T10:00"})
    assert response.status_code == 422
    assert "at" in response.get_json()["errors"]["json"]


@pytest.mark.parametrize("at", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00-12:00"])
def test_when_a_time_is_out_of_range_then_422_not_500(admin_client, flow, at):
    response = admin_client.post(SIMULATE, json={"number": "+14155550100", "at": at})
    assert response.status_code == 422
    week = admin_client.post(WEEK, json={"number": "+14155550100", "week": at[:10]})
    assert week.status_code == 422


def test_when_the_week_view_zone_is_unknown_then_422(admin_client, flow):
    response = admin_client.post(WEEK, json={"number": "+14155550100", "time_zone": "Nowhere"})
    assert response.status_code == 422
    assert "time_zone" in response.get_json()["errors"]["json"]


def test_when_open_is_not_cabled_then_publish_is_refused_with_the_code(admin_client, flow):
    cables = admin_client.get(f"/api/v1/cables?tab_id={flow['tab']}").get_json()["items"]
    [open_cable] = [c for c in cables if c["source_port"] == "open"]
    admin_client.delete(f"/api/v1/cables/{open_cable['id']}", headers=if_match(open_cable))
    assert "time_router.open_not_cabled" in _codes(admin_client)
    refused = admin_client.post(PUBLISH, json={"message": "x"})
    assert refused.status_code == 422
    assert "time_router.open_not_cabled" in {
        p["code"] for p in refused.get_json()["errors"]["graph"]
    }


def test_when_rules_are_bad_then_422_on_write(admin_client, flow):
    router = new_object(admin_client, flow["tab"], "caller_router")
    response = admin_client.patch(
        f"{OBJECTS}/{router['id']}",
        json={"properties": {"rules": [{"match": "exact", "number": "+1", "exit": "rule_99"}]}},
        headers=if_match(router),
    )
    assert response.status_code == 422


# ---- the whole way ----------------------------------------------------------------------------


def test_when_published_then_the_time_and_the_zone_pick_the_route(admin_client, flow):
    assert _codes(admin_client) == []
    assert admin_client.post(PUBLISH, json={"message": "hours"}).status_code == 201
    router, group, forward = flow["router"]["id"], flow["o_group"], flow["forward"]["id"]
    inside = _call(admin_client, at="2026-12-07T10:00", time_zone="Europe/Berlin")
    assert inside["path"] == [flow["o_phone"], router, group]
    assert inside["at"] == "2026-12-07T10:00:00+01:00"
    # 10:00 in New York is 16:00 in Berlin: still open; 12:00 there is 18:00 here: closed.
    assert (
        _call(admin_client, at="2026-12-07T10:00", time_zone="America/New_York")["path"][-1]
        == group
    )
    late = _call(admin_client, at="2026-12-07T12:00", time_zone="America/New_York")
    assert (late["path"][-1], late["outcome"]) == (forward, "forwarded")
    christmas = _call(admin_client, at="2026-12-24T10:00:00+01:00")
    assert christmas["path"][-1] == forward
    assert "Christmas" in christmas["steps"][1]["reason"]


def test_when_the_week_view_runs_then_each_hour_ends_where_the_schedule_says(admin_client, flow):
    admin_client.post(PUBLISH, json={"message": "hours"})
    response = admin_client.post(
        WEEK, json={"number": "+14155550100", "week": "2026-12-09", "time_zone": "Europe/Berlin"}
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["week_start"] == "2026-12-07" and len(body["hours"]) == 168
    ends = {e["key"]: e for e in body["endings"]}
    grid = {(h["day"], h["hour"]): ends[h["ending"]]["object"] for h in body["hours"]}
    for day in range(7):
        for hour in range(24):
            inside = day < 5 and 9 <= hour < 17
            expected = flow["o_group"] if inside else flow["forward"]["id"]
            assert grid[(day, hour)] == expected, (day, hour)
    assert sorted(e["hours"] for e in body["endings"]) == [5 * 8, 168 - 5 * 8]


def test_when_a_caller_router_and_a_blacklist_stand_in_front_then_the_caller_decides(
    admin_client, flow
):
    router = flow["router"]["id"]
    by_caller = new_object(
        admin_client,
        flow["tab"],
        "caller_router",
        properties={
            "rules": [{"match": "prefix", "number": "+49", "label": "Germany", "exit": "rule_1"}]
        },
    )
    blacklist = new_object(
        admin_client,
        flow["tab"],
        "blacklist",
        properties={"entries": [{"number": "+19005550100", "note": "robocaller"}]},
    )
    phone_cable = [
        c
        for c in admin_client.get(f"/api/v1/cables?tab_id={flow['tab']}").get_json()["items"]
        if c["source"] == flow["o_phone"]
    ][0]
    admin_client.delete(f"/api/v1/cables/{phone_cable['id']}", headers=if_match(phone_cable))
    new_cable(admin_client, flow["o_phone"], "calls", blacklist["id"], "calls")
    new_cable(admin_client, blacklist["id"], "allowed", by_caller["id"], "calls")
    new_cable(admin_client, by_caller["id"], "rule_1", flow["forward"]["id"], "calls")
    new_cable(admin_client, by_caller["id"], "default", router, "calls")
    assert _codes(admin_client) == []
    assert admin_client.post(PUBLISH, json={"message": "callers"}).status_code == 201
    at = "2026-12-07T10:00:00+01:00"
    blocked = _call(admin_client, caller="+19005550100", at=at)
    assert (blocked["outcome"], blocked["rejected"]) == (
        "rejected",
        {"code": 403, "reason": "Blocked"},
    )
    german = _call(admin_client, caller="+4930123", at=at)
    assert german["path"][-2:] == [by_caller["id"], flow["forward"]["id"]]
    other = _call(admin_client, caller="+14155550000", at=at)
    assert other["path"][-2:] == [router, flow["o_group"]]
    withheld = _call(admin_client, at=at)
    assert withheld["path"][-1] == flow["o_group"]


def test_when_a_schedule_in_use_is_edited_then_it_waits_for_publish_and_is_counted(
    app, admin_client, flow
):
    """Schedules are compiled into the plan: an edit is a pending change until published,
    and the header hears the new count (draft.pending) without a canvas edit."""
    pending = "/api/v1/workspace/pending"
    assert admin_client.post(PUBLISH, json={"message": "hours"}).status_code == 201
    assert admin_client.get(pending).get_json()["count"] == 0
    watcher = socketio.test_client(
        app, namespace="/workspace", flask_test_client=admin_client.client
    )
    watcher.get_received("/workspace")
    url = f"{SCHEDULES}/{flow['schedule']['id']}"
    row = admin_client.get(url).get_json()
    edited = admin_client.patch(url, json={"time_zone": "Asia/Tokyo"}, headers=if_match(row))
    assert edited.status_code == 200, edited.get_json()

    heard = [e for e in watcher.get_received("/workspace") if e["name"] == "draft.pending"]
    watcher.disconnect(namespace="/workspace")
    assert heard and heard[-1]["args"][0]["count"] == 1
    assert admin_client.get(pending).get_json()["count"] == 1
    preview = admin_client.get("/api/v1/workspace/publish-preview").get_json()
    assert [(c["kind"], c["name"], c["changes"]) for c in preview["changes"]] == [
        (
            "schedule",
            "Office hours",
            [{"field": "time_zone", "before": "Europe/Berlin", "after": "Asia/Tokyo"}],
        )
    ]
    # The published plan still routes by Berlin time until the publish.
    assert _call(admin_client, at="2026-12-07T10:00:00+01:00")["path"][-1] == flow["o_group"]
    assert admin_client.post(PUBLISH, json={"message": "Tokyo"}).status_code == 201
    assert admin_client.get(pending).get_json()["count"] == 0
