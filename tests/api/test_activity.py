"""The audit log: every committed write recorded with who, where and before/after, secrets
masked, nothing for a refused write, filters, tenancy, and no way to change an entry."""

from __future__ import annotations

import pytest

from tests.api.test_delivery_worker import setup  # noqa: F401  (fixture)
from tests.factories_providers import make_sip_account
from tests.factories_publishing import EXPORT, IMPORT, PUBLISH, REVISIONS, simple_call_flow
from tests.factories_workspace import if_match, new_tab
from tests.support import count_rows
from workspace.audit.commands import audit_prune_command
from workspace.audit.models import AuditEntry
from workspace.extensions import db
from workspace.objects.models import WorkspaceObject

ACTIVITY = "/api/v1/activity"
CANARY = "sip-secret-canary-31f9"


def _entries(api, **query) -> list[dict]:
    response = api.get(ACTIVITY, query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def _totals(api, *resources: str) -> dict[str, int]:
    return {
        r: api.get(ACTIVITY, query_string={"resource": r}).get_json()["total"] for r in resources
    }


DRAFT_ROWS = ("tabs", "workspace_objects", "cables")


@pytest.mark.parametrize(
    "query",
    [{"actor": "x"}, {"since": "yesterday"}, {"revision": 0}, {"actor_type": "robot"}],
)
def test_when_query_invalid_then_422(admin_client, query):
    response = admin_client.get(ACTIVITY, query_string=query)
    assert response.status_code == 422 and response.get_json()["code"] == 422


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_when_an_entry_is_written_to_then_405_and_entries_unchanged(app, admin_client, method):
    new_tab(admin_client, "Support")
    before = count_rows(app, AuditEntry)
    for url in (ACTIVITY, f"{ACTIVITY}/1"):
        response = getattr(admin_client, method)(url, json={})
        assert response.status_code in (404, 405), (method, url)
    assert count_rows(app, AuditEntry) == before


def test_when_openapi_read_then_activity_has_only_reads(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path, item in paths.items():
        if path.startswith(ACTIVITY):
            assert set(item) <= {"get", "parameters"}, (path, item)


def test_when_write_refused_then_no_entry(app, admin_client):
    before = count_rows(app, AuditEntry)
    assert admin_client.post("/api/v1/tabs", json={"name": ""}).status_code == 422
    assert count_rows(app, AuditEntry) == before


def test_when_other_account_reads_then_sees_none_of_a(admin_client, other_client):
    new_tab(admin_client, "Support")
    assert _entries(other_client, resource="tabs") == []


def test_when_admin_renames_then_entry_has_who_where_and_before_after(admin_client, admin):
    tab = new_tab(admin_client, "Support")
    renamed = admin_client.patch(
        f"/api/v1/tabs/{tab['id']}", json={"name": "Sales"}, headers=if_match(tab)
    )
    assert renamed.status_code == 200, renamed.get_json()
    entries = _entries(admin_client, resource="tabs", resource_id=str(tab["id"]))
    update, create = entries[0], entries[1]
    assert create["action"] == "create" and create["changes"]["name"] == [None, "Support"]
    assert update["action"] == "update" and update["changes"]["name"] == ["Support", "Sales"]
    assert "version" not in update["changes"]
    assert update["actor_type"] == "admin" and update["actor_id"] == admin["id"]
    assert update["actor_name"] == "Test Admin" and update["address"] == "127.0.0.1"
    assert update["resource_name"] == "Sales"
    # The filter by admin finds it; another admin id finds nothing.
    assert _entries(admin_client, actor=admin["id"], resource="tabs")
    assert _entries(admin_client, actor=admin["id"] + 1000) == []


def test_when_secret_set_then_entry_masks_it(app, admin_client):
    account = make_sip_account(admin_client, password=CANARY)
    entries = _entries(admin_client, resource="sip_accounts", resource_id=str(account["id"]))
    assert entries[0]["changes"]["password_encrypted"] == [None, "•••"]
    with app.app_context():
        stored = [e.changes for e in db.session.execute(db.select(AuditEntry)).scalars()]
    assert CANARY not in repr(stored)
    assert all("gAAA" not in repr(c) for c in stored)


def test_when_api_token_writes_then_actor_is_the_token(app, admin_client):
    token = admin_client.post("/api/v1/auth/tokens", json={"name": "ci"}).get_json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    response = app.test_client().post("/api/v1/tabs", json={"name": "Scripted"}, headers=bearer)
    assert response.status_code == 201
    entry = _entries(admin_client, resource="tabs")[0]
    assert entry["actor_type"] == "api_token" and token[:10] in entry["actor_name"]
    token_entries = _entries(admin_client, resource="api_tokens")
    assert token_entries[0]["changes"]["token_hash"] == [None, "•••"]


def test_when_revision_published_then_its_edits_are_listed_per_revision(admin_client):
    new_tab(admin_client, "First")
    published = admin_client.post("/api/v1/workspace/publish", json={"message": "one"})
    assert published.status_code == 201, published.get_json()
    number = published.get_json()["number"]
    new_tab(admin_client, "After")
    names = {e["resource_name"] for e in _entries(admin_client, revision=number)}
    assert "First" in names and f"Revision {number}" in names and "After" not in names
    assert _entries(admin_client, revision=number + 5) == []


def test_when_entries_older_than_retention_then_prune_deletes_only_them(app, admin_client, runner):
    new_tab(admin_client, "Old")
    new_tab(admin_client, "New")
    with app.app_context():
        old = db.session.execute(
            db.select(AuditEntry).where(AuditEntry.resource_name == "Old")
        ).scalar_one()
        old.at = old.at.replace(year=old.at.year - 3)
        db.session.commit()
    result = runner.invoke(audit_prune_command, [])
    assert result.exit_code == 0 and "Deleted 1 " in result.output
    names = {e["resource_name"] for e in _entries(admin_client, resource="tabs")}
    assert names == {"New"}


def test_when_a_device_activates_then_the_entry_names_the_system(app, admin, admin_client, client):
    from tests.api.test_device_api import activated
    from tests.factories_publishing import mike_brown

    with app.app_context():
        ids = mike_brown(admin["account_id"])
    activated(app, client, ids["laptop"])
    entry = _entries(admin_client, resource="devices", resource_id=str(ids["laptop"]))[0]
    assert entry["actor_type"] == "system" and entry["actor_name"] == "Device"
    assert entry["changes"]["token_hash"] == [None, "•••"]
    assert entry["changes"]["activated_at"][0] is None


def test_when_the_worker_delivers_then_the_outcome_is_a_system_entry(
    app,
    admin_client,
    setup,  # noqa: F811  (the delivery tests' fixture)
):
    from tests.api.test_delivery_worker import StandIn, _turn, _upload

    stand_in = StandIn()
    rid = _upload(admin_client, setup)
    assert _turn(app, resolve=stand_in.resolve)
    entries = _entries(admin_client, resource="recordings", resource_id=str(rid))
    outcome = entries[0]
    assert outcome["actor_type"] == "system" and outcome["actor_name"] == "System"
    assert outcome["changes"]["status"][1] == "delivered"


def test_when_a_document_is_imported_then_one_entry_says_what_and_none_per_row(
    app, admin, admin_client
):
    with app.app_context():
        simple_call_flow(admin["account_id"])
    document = admin_client.get(EXPORT).get_json()
    before = _totals(admin_client, *DRAFT_ROWS)
    response = admin_client.post(IMPORT, json={"document": document, "mode": "replace"})
    assert response.status_code == 200, response.get_json()
    [entry] = _entries(admin_client, resource="workspace")
    assert entry["action"] == "import" and entry["resource_name"] == "Draft"
    assert entry["changes"] == {
        "mode": [None, "replace"],
        "tabs": [None, 1],
        "objects": [None, len(document["objects"])],
        "cables": [None, len(document["cables"])],
    }
    assert entry["actor_type"] == "admin" and entry["actor_id"] == admin["id"]
    assert _totals(admin_client, *DRAFT_ROWS) == before


def test_when_an_import_is_refused_then_no_entry(app, admin, admin_client):
    with app.app_context():
        simple_call_flow(admin["account_id"])
    document = admin_client.get(EXPORT).get_json()
    phone = next(o for o in document["objects"] if o["type"] == "phone_number")
    phone["properties"]["number"] = "+14155550199"  # not in the account: 422 after the lock
    response = admin_client.post(IMPORT, json={"document": document, "mode": "replace"})
    assert response.status_code == 422
    assert _entries(admin_client, resource="workspace") == []


def test_when_rolled_back_then_one_entry_for_the_restored_draft_and_one_for_the_revision(
    app, admin, admin_client
):
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    with app.app_context():
        db.session.get(WorkspaceObject, flow["o_group"]).name = "Sales"
        db.session.commit()
    assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
    before = _totals(admin_client, *DRAFT_ROWS)
    response = admin_client.post(f"{REVISIONS}/1/rollback", json={})
    assert response.status_code == 201, response.get_json()
    [entry] = _entries(admin_client, resource="workspace")
    assert entry["action"] == "restore"
    assert entry["changes"] == {
        "revision": [None, 1],
        "tabs": [None, 1],
        "objects": [None, 4],
        "cables": [None, 3],
    }
    assert _totals(admin_client, *DRAFT_ROWS) == before
    revision = _entries(admin_client, resource="revisions")[0]
    assert revision["resource_name"] == "Revision 3"
    assert revision["changes"]["rollback_of"] == [None, 1]
