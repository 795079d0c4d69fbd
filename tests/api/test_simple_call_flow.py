"""Acceptance: the user guide's Simple Call Flow Setup, published and simulated through the API.

Mike Brown has a call.center method (internal caller ID 101, outbound calling on with the
phone number as external caller ID) and two devices on SIP accounts. On the workspace the phone
number and internal number 101 are cabled to a ring group whose member is his call.center
method. Published, both numbers ring his devices with the caller IDs of his settings; a
broken workspace is refused and leaves the published plan as it was.
"""

from __future__ import annotations

from tests.factories_publishing import PUBLISH, REVISIONS, SIMULATE, delete_row, simple_call_flow
from workspace.extensions import db
from workspace.objects.models import Cable, WorkspaceState

PHONE = "+14155550100"


def test_when_simple_call_flow_published_then_mike_is_reachable_and_a_broken_edit_refused(
    app, admin, admin_client
):
    with app.app_context():
        ids = simple_call_flow(admin["account_id"], phone=PHONE, extension="101")
    devices = [ids["laptop"], ids["phone"]]

    # Publish: revision 1, nothing to complain about.
    published = admin_client.post(PUBLISH, json={"message": "Mike Brown's call flow"})
    assert published.status_code == 201, published.get_json()
    assert published.get_json()["number"] == 1
    assert published.get_json()["problems"] == []

    # The plan routes the phone number and ext:101 through the ring group to his devices.
    plan = admin_client.get(f"{REVISIONS}/1/plan").get_json()
    assert plan["format"] == 2
    assert set(plan["routes"]) == {PHONE, "ext:101"}
    for key, entry in ((PHONE, ids["o_phone"]), ("ext:101", ids["o_ext"])):
        route = plan["nodes"][plan["routes"][key]["node"]]
        assert route["object"] == entry
        step = plan["nodes"][route["exits"]["calls"]]
        assert (step["object"], step["type"]) == (ids["o_group"], "ring_group")
        assert "exits" not in step  # no no_answer cable: the call ends
        [member] = step["timeline"]
        assert member["contact_method"] == ids["method"]
        assert member["kind"] == "call_center"
        assert member["devices"] == devices
        assert (member["start"], member["duration"]) == (0, 30)

    # Each device gets his caller IDs: internal 101, external the phone number, outbound on.
    assert set(plan["devices"]) == {str(d) for d in devices}
    for device in devices:
        config = plan["devices"][str(device)]
        assert config["contact"] == ids["contact"]
        assert config["caller_id"] == {
            "name": "Mike Brown",
            "internal": "101",
            "external": PHONE,
            "outbound": True,
        }
        assert config["reachable_at"] == [PHONE, "ext:101"]
        assert all(line["password"] in ("provisioned", "manual") for line in config["lines"])
    assert [line["username"] for line in plan["devices"][str(ids["phone"])]["lines"]] == [
        "1001",
        "1002",
    ]
    effective = admin_client.get(f"/api/v1/devices/{ids['laptop']}/effective-config").get_json()
    assert effective["in_plan"] is True
    assert effective["config"] == plan["devices"][str(ids["laptop"])]

    # Simulate: calling the phone number or extension 101 rings both his devices.
    for number, entry in ((PHONE, ids["o_phone"]), ("101", ids["o_ext"])):
        result = admin_client.post(SIMULATE, json={"number": number}).get_json()
        assert result["found"] is True
        assert result["path"] == [entry, ids["o_group"]]
        [ring] = result["rings"]
        assert ring["contact_name"] == "Mike Brown"
        assert ring["devices"] == devices
        assert ring["device_names"] == ["Mike's laptop", "Android Phone"]
        assert ring["object_path"] == [entry, ids["o_group"], ids["o_method"]]

    # Break it: the ring group loses its member cable. Publishing is refused...
    with app.app_context():
        delete_row(Cable, ids["c_member"])
    refused = admin_client.post(PUBLISH, json={"message": "oops"})
    assert refused.status_code == 422
    codes = [p["code"] for p in refused.get_json()["errors"]["graph"]]
    assert "ring_group.no_members" in codes

    # ...revision 1 stays published and its plan is unchanged: calls still reach Mike.
    with app.app_context():
        assert db.session.get(WorkspaceState, admin["account_id"]).published_revision == 1
    revisions = admin_client.get(REVISIONS).get_json()
    assert revisions["total"] == 1 and revisions["items"][0]["is_published"] is True
    assert admin_client.get(f"{REVISIONS}/1/plan").get_json() == plan
    still = admin_client.post(SIMULATE, json={"number": PHONE}).get_json()
    assert still["rings"][0]["devices"] == devices
