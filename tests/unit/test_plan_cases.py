"""The shared table of plan cases (tests/plan_cases/*.json), played through graph.simulate.

Each case is data: a format-2 plan, and calls (number, caller, time, digits, who answers,
who declines) with the path, ring schedule and outcome they must give. Any executor of the
plan (the SIP server of issue 13) is tested against the same files; this runs the reference
executor.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from workspace.graph import build, compile_plan, simulate, upgrade_plan
from workspace.objects.types import REGISTRY

CASES = Path(__file__).resolve().parent.parent / "plan_cases"
SCHEDULE_FIELDS = ("at", "until", "contact_method", "object", "ring_group")


def _cases() -> list:
    found = []
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text())
        for index, call in enumerate(case["calls"]):
            found.append(pytest.param(case["plan"], call, id=f"{path.stem}-{index}"))
    return found


def _played(plan: dict, call: dict) -> dict:
    result = simulate(plan, types=REGISTRY, **call)
    return {
        "path": result["path"],
        "schedule": [_scheduled(ring) for ring in result["rings"]],
        "outcome": result["outcome"],
        "ends_at": result["ends_at"],
        **{
            k: result[k]
            for k in ("answered_by", "answered_at", "forwarded_to", "rejected")
            if result[k] is not None
        },
    }


def _scheduled(ring: dict) -> dict:
    """A ring as the table records it: ``declined`` only where the member declined."""
    row = {k: ring[k] for k in SCHEDULE_FIELDS}
    return {**row, "declined": True} if ring["declined"] else row


def test_when_the_table_is_read_then_it_covers_the_required_cases():
    names = {path.stem for path in CASES.glob("*.json")}
    assert {
        "simple_call_flow",
        "sequential",
        "ring_all",
        "no_answer_chain",
        "forward",
        "extension_route",
        "time_router",
        "caller_router",
        "blacklist",
        "declines",
    } <= names
    outcomes = {param.values[1]["expected"]["outcome"] for param in _cases()}
    assert {"answered", "hangup", "ringing", "forwarded", "not_found", "rejected"} <= outcomes
    calls = [param.values[1]["call"] for param in _cases()]
    assert any(call.get("declines") for call in calls)


@pytest.mark.parametrize(("plan", "call"), _cases())
def test_when_a_case_is_played_then_path_schedule_and_outcome_are_as_tabled(plan, call):
    assert plan["format"] == 2
    assert _played(plan, call["call"]) == call["expected"]


def test_when_simple_call_flow_compiles_then_routes_and_schedules_match_format_1(ws, facts):
    """The guide's flow: today's format-2 plan rings exactly as the stored format-1 plan did."""
    old = json.loads((CASES / "format1" / "simple_call_flow.json").read_text())
    assert "inbound" in old and "format" not in old  # compiled by the first release
    new = compile_plan(
        build(ws.simple_objects(), ws.simple_cables()), types=REGISTRY, facts=copy.deepcopy(facts)
    )
    assert set(new["routes"]) == set(old["inbound"])
    # Devices gained what the device API always gave them (one builder now): feature codes
    # and the directory's version. Everything the first release said is said the same way.
    added = ("feature_codes", "directory")
    assert {
        key: {k: v for k, v in entry.items() if k not in added}
        for key, entry in new["devices"].items()
    } == old["devices"]
    for key in old["inbound"]:
        for answer in (None, 44):
            call = {"number": key, "answer": answer}
            assert _played(new, call) == _played(old, call)
    assert upgrade_plan(old)["nodes"] == new["nodes"]
