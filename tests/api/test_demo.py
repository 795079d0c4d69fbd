"""The demo account is a working tour: contacts, devices and a published call flow."""

from __future__ import annotations

from tests.support import ApiClient
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account


def test_when_demo_created_twice_with_reset_then_one_tour_with_published_flow(app):
    with app.app_context():
        create_demo_account()
        create_demo_account(reset=True)
    api = ApiClient(app.test_client())
    api.login(DEMO_EMAIL, DEMO_PASSWORD)
    contacts = api.get("/api/v1/contacts").get_json()
    assert contacts["total"] == 3
    assert api.get("/api/v1/devices").get_json()["total"] == 3
    revisions = api.get("/api/v1/revisions").get_json()
    items = revisions["items"] if isinstance(revisions, dict) else revisions
    assert [r["number"] for r in items] == [2, 1]
    simulated = api.post("/api/v1/simulate", json={"number": "+14155550100"})
    assert simulated.status_code == 200, simulated.get_json()
    assert simulated.get_json()["found"] is True
    assert len(simulated.get_json()["rings"]) == 3


def test_when_demo_created_without_reset_then_existing_one_is_kept(app):
    with app.app_context():
        first = create_demo_account()
        again = create_demo_account()
        assert first.id == again.id
