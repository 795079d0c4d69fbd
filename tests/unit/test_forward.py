"""Forward: validation codes, its compiled node and what the simulator makes of it."""

from __future__ import annotations

import pytest

from workspace.graph import simulate
from workspace.objects.types import REGISTRY, get_type
from workspace.objects.types.forward import e164


def _flow(ws, **props):
    objects = [ws.obj(1, "phone_number", number=8), ws.obj(2, "forward", "Out", **props)]
    return objects, [ws.cable(10, 1, "calls", 2)]


@pytest.mark.parametrize(
    ("props", "code"),
    [
        ({}, "forward.no_number"),
        ({"number": "  "}, "forward.no_number"),
        ({"number": "4155550199"}, "forward.invalid_number"),
        ({"number": "+1 000 000"}, "forward.invalid_number"),
        ({"number": "+14155550199", "caller_id": "account"}, "forward.no_caller_id_number"),
        (
            {"number": "+14155550199", "caller_id": "account", "caller_id_number": 999},
            "reference.missing",
        ),
        ({"number": "+14155550199", "caller_id": "boss"}, "object.invalid_properties"),
        ({"number": 4155550199}, "object.invalid_properties"),
    ],
)
def test_when_forward_is_incomplete_then_a_stable_code(ws, props, code):
    assert code in ws.codes(*_flow(ws, **props))


def test_when_forward_is_complete_then_no_problem_and_no_exits(ws):
    objects, cables = _flow(ws, number="+1 (415) 555-0199")
    assert ws.problems(objects, cables) == []
    assert get_type("forward").exits == ()


def test_when_forward_compiles_then_its_node_carries_number_and_caller_id(ws):
    plan = ws.plan(*_flow(ws, number="+1 415 555 0199"))
    assert plan["nodes"]["n2"] == {
        "object": 2,
        "type": "forward",
        "number": "+14155550199",
        "caller_id": "caller",
        "caller_id_number": None,
    }
    account = ws.plan(*_flow(ws, number="+14155550199", caller_id="account", caller_id_number=7))
    assert account["nodes"]["n2"]["caller_id_number"] == "+14155550100"


def test_when_a_call_reaches_forward_then_it_is_forwarded_without_ringing(ws):
    plan = ws.plan(*_flow(ws, number="+14155550199"))
    result = simulate(plan, types=REGISTRY, number="+14155550111", caller="+4930999")
    assert (result["outcome"], result["ends_at"], result["rings"]) == ("forwarded", 0, [])
    assert result["forwarded_to"] == {"number": "+14155550199", "caller_id": "+4930999"}
    assert result["steps"][-1]["reason"].startswith("Forwards the call to +14155550199")


def test_when_text_is_not_e164_then_none():
    assert e164("+49 30 1234 5678") == "+493012345678"
    assert e164("not a number") is None
