"""/api/v1/schedules: opening hours and holidays that Time Routers share."""

from __future__ import annotations

import pytest

from tests.factories_publishing import simple_call_flow
from tests.factories_workspace import OBJECTS, if_match, new_object
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db

SCHEDULES = "/api/v1/schedules"
OFFICE = {
    "name": "Office hours",
    "time_zone": "Europe/Berlin",
    "intervals": [{"day": d, "from": "09:00", "to": "17:00"} for d in range(5)],
    "holidays": [
        {"name": "Christmas", "from": "2026-12-24", "to": "2026-12-26", "yearly": True},
    ],
}


def _create(api, **changes) -> dict:
    response = api.post(SCHEDULES, json={**OFFICE, **changes})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _count(app) -> int:
    with app.app_context():
        return len(db.session.execute(db.select(Schedule)).scalars().all())


# --- refusals ------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get(SCHEDULES).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"intervals": [{"day": 7, "from": "09:00", "to": "17:00"}]}, "intervals"),
        ({"intervals": [{"day": 0, "from": "24:00", "to": "17:00"}]}, "intervals"),
        ({"intervals": [{"day": 0, "from": "9:00", "to": "17:00"}]}, "intervals"),
        ({"intervals": [{"day": 0, "from": "09:00", "to": "24:01"}]}, "intervals"),
        ({"holidays": [{"name": "X", "from": "2026-12-24", "to": "2026-12-01"}]}, "holidays"),
        ({"holidays": [{"name": "X", "from": "2026-12-24", "exit": "holiday_9"}]}, "holidays"),
        ({"holidays": [{"name": "X", "from": "24.12.2026"}]}, "holidays"),
    ],
)
def test_when_a_field_is_wrong_then_422_naming_it_and_nothing_written(
    app, admin_client, change, field
):
    response = admin_client.post(SCHEDULES, json={**OFFICE, **change})
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]["json"]
    assert _count(app) == 0


def test_when_the_name_is_taken_then_422(admin_client):
    _create(admin_client)
    response = admin_client.post(SCHEDULES, json=OFFICE)
    assert response.status_code == 422
    assert "name" in response.get_json()["errors"]["json"]


def test_when_another_account_asks_then_404_everywhere(admin_client, other_client):
    mine = _create(admin_client)
    url = f"{SCHEDULES}/{mine['id']}"
    assert other_client.get(url).status_code == 404
    assert other_client.patch(url, json={"name": "x"}, headers=if_match(mine)).status_code == 404
    assert other_client.delete(url, headers=if_match(mine)).status_code == 404
    assert other_client.get(SCHEDULES).get_json()["total"] == 0


def test_when_a_time_router_names_another_accounts_schedule_then_404(
    app, admin, admin_client, other_client
):
    theirs = _create(other_client)
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
    response = admin_client.post(
        OBJECTS,
        json={
            "tab_id": flow["tab"],
            "type": "time_router",
            "position": {"x": 0, "y": 0},
            "properties": {"schedule": theirs["id"]},
        },
    )
    assert response.status_code == 404


def test_when_a_stale_version_is_sent_then_412_and_nothing_changes(admin_client):
    row = _create(admin_client)
    url = f"{SCHEDULES}/{row['id']}"
    assert admin_client.patch(url, json={"name": "B"}, headers=if_match(row)).status_code == 200
    assert admin_client.patch(url, json={"name": "C"}, headers=if_match(row)).status_code == 412
    assert admin_client.delete(url).status_code == 428
    assert admin_client.get(url).get_json()["name"] == "B"


def test_when_a_router_uses_the_schedule_then_delete_is_409_naming_it(app, admin, admin_client):
    row = _create(admin_client)
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
    router = new_object(
        admin_client,
        flow["tab"],
        "time_router",
        name="Front door",
        properties={"schedule": row["id"]},
    )
    fresh = admin_client.get(f"{SCHEDULES}/{row['id']}").get_json()
    assert fresh["used_by"] == [{"type": "object", "id": router["id"], "name": "Front door"}]
    response = admin_client.delete(f"{SCHEDULES}/{row['id']}", headers=if_match(fresh))
    assert response.status_code == 409
    body = response.get_json()
    assert "Front door" in body["message"]
    assert body["errors"]["used_by"][0]["id"] == router["id"]
    assert _count(app) == 1


# --- the whole way -------------------------------------------------------------------------


def test_when_created_read_changed_and_deleted_then_each_answer_is_whole(app, admin_client):
    row = _create(admin_client, holidays=[{"name": "  New Year ", "from": "2027-01-01"}])
    assert row["time_zone"] == "Europe/Berlin" and row["version"] == 1
    assert row["intervals"][0] == {"day": 0, "from": "09:00", "to": "17:00"}
    assert row["holidays"] == [
        {"name": "New Year", "from": "2027-01-01", "to": None, "yearly": False, "exit": None}
    ]
    assert row["status"]["state"] in ("open", "closed")
    assert row["used_by"] == []
    url = f"{SCHEDULES}/{row['id']}"
    night = {"intervals": [{"day": 4, "from": "22:00", "to": "06:00"}]}
    changed = admin_client.patch(url, json=night, headers=if_match(row))
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    assert changed.get_json()["intervals"] == night["intervals"]
    listed = admin_client.get(SCHEDULES).get_json()
    assert [s["name"] for s in listed["items"]] == ["Office hours"]
    assert admin_client.delete(url, headers=if_match(changed.get_json())).status_code == 204
    assert _count(app) == 0


def test_when_no_zone_is_given_then_the_accounts_which_is_utc_for_a_new_account(admin_client):
    body = {k: v for k, v in OFFICE.items() if k != "time_zone"}
    response = admin_client.post(SCHEDULES, json=body)
    assert response.get_json()["time_zone"] == "UTC"


def test_when_a_router_is_exported_then_its_schedule_travels_by_name(
    app, admin, other_admin, admin_client, other_client
):
    mine = _create(admin_client)
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
        simple_call_flow(other_admin["account_id"])
    new_object(admin_client, flow["tab"], "time_router", properties={"schedule": mine["id"]})
    document = admin_client.get("/api/v1/workspace/export").get_json()
    [router] = [o for o in document["objects"] if o["type"] == "time_router"]
    assert router["properties"]["schedule"] == "Office hours"

    missing = other_client.post(
        "/api/v1/workspace/import", json={"document": document, "mode": "replace"}
    )
    assert missing.status_code == 422
    assert 'No schedule "Office hours" here.' in missing.get_json()["message"]
    theirs = _create(other_client)
    imported = other_client.post(
        "/api/v1/workspace/import", json={"document": document, "mode": "replace"}
    )
    assert imported.status_code == 200, imported.get_json()
    objects = other_client.get("/api/v1/objects").get_json()["items"]
    [placed] = [o for o in objects if o["type"] == "time_router"]
    assert placed["properties"]["schedule"] == theirs["id"]
