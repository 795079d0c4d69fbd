"""Revisions stored before format 2 hold format-1 plans: they are read as format 2."""

from __future__ import annotations

from sqlalchemy.orm.attributes import flag_modified

from tests.factories_publishing import PUBLISH, REVISIONS, SIMULATE, simple_call_flow
from workspace.extensions import db
from workspace.objects.models import Revision


def _as_format_1(plan: dict) -> dict:
    """What the first release stored for the same workspace."""
    inbound = {}
    for key, route in plan["routes"].items():
        entry = plan["nodes"][route["node"]]
        group = plan["nodes"][entry["exits"]["calls"]]
        step = {k: v for k, v in group.items() if k not in ("type", "exits")}
        inbound[key] = {"entry": entry["object"], "steps": [{**step, "ring_group": step["object"]}]}
    rest = {k: v for k, v in plan.items() if k not in ("format", "routes", "nodes")}
    return {**rest, "inbound": inbound}


def test_when_a_format_1_revision_is_read_then_plan_diff_and_simulator_see_format_2(
    app, admin, admin_client
):
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    new = admin_client.get(f"{REVISIONS}/1/plan").get_json()
    before = admin_client.post(SIMULATE, json={"number": "101"}).get_json()
    with app.app_context():
        revision = db.session.execute(db.select(Revision)).scalar_one()
        revision.plan = _as_format_1(new)
        flag_modified(revision, "plan")
        db.session.commit()

    read = admin_client.get(f"{REVISIONS}/1/plan").get_json()
    assert read["format"] == 2 and "inbound" not in read
    assert read["routes"] == new["routes"] and read["hash"] == new["hash"]
    assert read["nodes"][f"n{flow['o_group']}"] == new["nodes"][f"n{flow['o_group']}"]
    after = admin_client.post(SIMULATE, json={"number": "101"}).get_json()
    assert (after["path"], after["rings"], after["outcome"]) == (
        before["path"],
        before["rings"],
        before["outcome"],
    )
    same = admin_client.get(f"{REVISIONS}/1/diff/1").get_json()
    assert same["plan"]["routes"] == {"added": [], "removed": [], "changed": []}
