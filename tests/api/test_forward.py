"""Forward end to end through the API: place, cable, validate, publish, plan, simulate."""

from __future__ import annotations

import pytest

from tests.factories_publishing import (
    PUBLISH,
    REVISIONS,
    SIMULATE,
    make_phone_number,
    simple_call_flow,
)
from tests.factories_workspace import OBJECTS, if_match, new_cable, new_object

VALIDATE = "/api/v1/workspace/validate"


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


def _codes(api) -> list[str]:
    return [p["code"] for p in api.post(VALIDATE).get_json()["problems"]]


# ---- refusals ---------------------------------------------------------------------------------


def test_when_caller_id_number_is_another_accounts_then_404(app, other_admin, admin_client, flow):
    with app.app_context():
        theirs = make_phone_number(other_admin["account_id"], "+14155550177")
    response = admin_client.post(
        OBJECTS,
        json={
            "tab_id": flow["tab"],
            "type": "forward",
            "position": {"x": 0, "y": 0},
            "properties": {"caller_id": "account", "caller_id_number": theirs},
        },
    )
    assert response.status_code == 404
    assert "caller_id_number" in response.get_json()["errors"]["json"]["properties"]


def test_when_caller_id_is_not_a_choice_then_422(admin_client, flow):
    response = admin_client.post(
        OBJECTS,
        json={
            "tab_id": flow["tab"],
            "type": "forward",
            "position": {"x": 0, "y": 0},
            "properties": {"caller_id": "boss"},
        },
    )
    assert response.status_code == 422


# ---- the whole way ----------------------------------------------------------------------------


def test_when_forward_is_placed_cabled_and_published_then_unanswered_calls_are_forwarded(
    admin_client, flow
):
    [kind] = [
        t
        for t in admin_client.get("/api/v1/object-types").get_json()["items"]
        if t["type"] == "forward"
    ]
    assert kind["exits"] == [] and kind["pickers"] == {"caller_id_number": "phone_number"}
    assert [p["name"] for p in kind["ports"]] == ["calls"]

    forward = new_object(admin_client, flow["tab"], "forward", x=900, y=60)
    assert forward["properties"] == {"number": "", "caller_id": "caller", "caller_id_number": None}
    assert forward["name"].endswith("Forward 1")
    new_cable(admin_client, flow["o_group"], "no_answer", forward["id"], "calls")
    assert "forward.no_number" in _codes(admin_client)
    refused = admin_client.post(PUBLISH, json={"message": "no number yet"})
    assert refused.status_code == 422

    patched = admin_client.patch(
        f"{OBJECTS}/{forward['id']}",
        json={"properties": {"number": "+1 415 555 0199", "caller_id": "caller"}},
        headers=if_match(forward),
    )
    assert patched.status_code == 200, patched.get_json()
    assert not [c for c in _codes(admin_client) if c.startswith("forward.")]
    published = admin_client.post(PUBLISH, json={"message": "forward after 30 s"})
    assert published.status_code == 201, published.get_json()

    plan = admin_client.get(f"{REVISIONS}/{published.get_json()['number']}/plan").get_json()
    group = plan["nodes"][f"n{flow['o_group']}"]
    assert group["exits"] == {"no_answer": f"n{forward['id']}"}
    assert plan["nodes"][f"n{forward['id']}"] == {
        "object": forward["id"],
        "type": "forward",
        "number": "+14155550199",
        "caller_id": "caller",
        "caller_id_number": None,
    }

    result = admin_client.post(
        SIMULATE, json={"number": "101", "caller": "+4930999", "at": "2026-12-06T09:00:00+01:00"}
    ).get_json()
    assert result["outcome"] == "forwarded" and result["ends_at"] == 30
    assert result["forwarded_to"] == {"number": "+14155550199", "caller_id": "+4930999"}
    assert result["path"] == [flow["o_ext"], flow["o_group"], forward["id"]]
    assert [s["exit"] for s in result["steps"]] == ["calls", "no_answer", None]
    assert all(s["reason"] for s in result["steps"])
    assert result["object_names"][str(forward["id"])] == forward["name"]

    answered = admin_client.post(
        SIMULATE, json={"number": "101", "answer": flow["method"], "digits": ["1"]}
    ).get_json()
    assert (answered["outcome"], answered["answered_by"]) == ("answered", flow["method"])
    assert answered["path"] == [flow["o_ext"], flow["o_group"]]
    assert answered["at"] is not None  # now, when not given
