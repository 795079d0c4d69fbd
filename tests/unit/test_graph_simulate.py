"""Playing calls through compiled plans."""

from __future__ import annotations

import dataclasses

import pytest

from workspace.graph import route_key
from workspace.graph import simulate as simulate_plan
from workspace.objects.types import REGISTRY
from workspace.objects.types.ring_group import sequential


def simulate(plan, **call):
    return simulate_plan(plan, types=REGISTRY, **call)


def chain_plan(ws):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "ring_group", members=[{"target": 5, "start": 0, "duration": 15}]),
        ws.obj(3, "ring_group", members=sequential([5, 6], duration=10)),
        ws.obj(4, "contact_method", contact_method=46),
        ws.obj(5, "contact_method", contact_method=44),
        ws.obj(6, "contact_method", contact_method=45),
        ws.obj(7, "internal_number", number=4),
    ]
    cables = [
        ws.cable(10, 1, "calls", 2),
        ws.cable(11, 2, "members", 5),
        ws.cable(12, 2, "no_answer", 3),
        ws.cable(13, 3, "members", 6),
        ws.cable(14, 3, "members", 5),
        ws.cable(15, 3, "no_answer", 4),
        ws.cable(16, 7, "calls", 2),
    ]
    return ws.plan(objects, cables)


def test_when_number_is_not_in_plan_then_not_found(ws):
    plan = ws.plan(ws.simple_objects(), ws.simple_cables())
    assert simulate(plan, number="+15550000000") == {
        "number": "+15550000000",
        "key": None,
        "found": False,
        "rings": [],
        "steps": [],
        "path": [],
        "outcome": "not_found",
        "ends_at": None,
        "answered_by": None,
        "answered_at": None,
        "forwarded_to": None,
        "rejected": None,
    }


def test_when_plan_is_empty_then_not_found():
    empty = {"format": 2, "routes": {}, "nodes": {}, "devices": {}}
    assert simulate(empty, number="101")["found"] is False


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("+14155550100", "+14155550100"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("14155550100", "+14155550100"),
        ("101", "ext:101"),
        (" 101 ", "ext:101"),
        ("ext:101", "ext:101"),
        ("ext:102", None),
        ("", None),
    ],
)
def test_when_number_is_spelled_differently_then_route_key_finds_it(ws, number, key):
    plan = ws.plan(ws.simple_objects(), ws.simple_cables())
    assert route_key(plan, number) == key


def test_when_simple_call_flow_is_called_then_mike_rings_30_s_and_call_ends(ws):
    plan = ws.plan(ws.simple_objects(), ws.simple_cables())
    assert simulate(plan, number="101") == {
        "number": "101",
        "key": "ext:101",
        "found": True,
        "rings": [
            {
                "at": 0,
                "until": 30,
                "contact_method": 44,
                "contact": 9,
                "kind": "call_center",
                "devices": [5, 6],
                "ring_group": 30,
                "object": 40,
                "object_path": [13, 30, 40],
                "declined": False,
            }
        ],
        "steps": [
            {
                "node": "n13",
                "object": 13,
                "type": "internal_number",
                "at": 0,
                "until": 0,
                "exit": "calls",
                "next": 30,
                "reason": "The call arrives at this Internal Number and goes on by calls.",
            },
            {
                "node": "n30",
                "object": 30,
                "type": "ring_group",
                "at": 0,
                "until": 30,
                "exit": None,
                "next": None,
                "reason": "Rings 1 member on its timeline; nobody answers within 30 s. "
                "No no_answer exit is cabled: the call ends.",
            },
        ],
        "path": [13, 30],
        "outcome": "hangup",
        "ends_at": 30,
        "answered_by": None,
        "answered_at": None,
        "forwarded_to": None,
        "rejected": None,
    }


def test_when_no_answer_chain_then_times_add_up_and_call_ends_ringing(ws):
    result = simulate(chain_plan(ws), number="+14155550111", caller="+4930999", at="2026-01-01")
    assert [
        (r["at"], r["until"], r["object"], r["ring_group"], r["object_path"])
        for r in result["rings"]
    ] == [
        (0, 15, 5, 2, [1, 2, 5]),
        (15, 25, 5, 3, [1, 2, 3, 5]),
        (25, 35, 6, 3, [1, 2, 3, 6]),
        (35, None, 4, None, [1, 2, 3, 4]),
    ]
    assert [(s["object"], s["at"], s["until"], s["exit"], s["next"]) for s in result["steps"]] == [
        (1, 0, 0, "calls", 2),
        (2, 0, 15, "no_answer", 3),
        (3, 15, 35, "no_answer", 4),
        (4, 35, None, None, None),
    ]
    assert result["path"] == [1, 2, 3, 4]
    assert (result["outcome"], result["ends_at"]) == ("ringing", None)


def test_when_two_numbers_share_a_route_then_both_simulate_alike(ws):
    plan = chain_plan(ws)
    by_did, by_ext = simulate(plan, number="+14155550111"), simulate(plan, number="101")
    assert by_did["steps"][1:] == by_ext["steps"][1:]
    assert by_ext["path"][0] == 7


def test_when_the_second_group_answers_then_the_call_ends_answered_there(ws):
    result = simulate(chain_plan(ws), number="+14155550111", answer=45)
    assert (result["outcome"], result["answered_by"], result["answered_at"]) == (
        "answered",
        45,
        25,
    )
    assert [(r["at"], r["until"], r["contact_method"]) for r in result["rings"]] == [
        (0, 15, 44),
        (15, 25, 44),
        (25, 25, 45),
    ]
    assert result["path"] == [1, 2, 3]
    assert result["ends_at"] is None


def test_when_a_format_1_plan_is_simulated_then_it_is_read_as_format_2(ws):
    new = ws.plan(ws.simple_objects(), ws.simple_cables())
    old = {
        "inbound": {
            "ext:101": {
                "entry": 13,
                "steps": [{**new["nodes"]["n30"], "ring_group": 30}],
            }
        },
        "devices": {},
    }
    del old["inbound"]["ext:101"]["steps"][0]["type"]
    assert simulate(old, number="101")["rings"] == simulate(new, number="101")["rings"]


def test_when_a_type_repeats_by_design_then_the_call_stops_at_its_bound():
    menu = dataclasses.replace(REGISTRY["ring_group"], name="menu", max_visits=2)
    entry = {"object": 40, "contact_method": 44, "kind": "phone", "devices": []}
    plan = {
        "format": 2,
        "routes": {"ext:101": {"node": "n1"}},
        "nodes": {
            "n1": {"object": 1, "type": "internal_number", "exits": {"calls": "n2"}},
            "n2": {
                "object": 2,
                "type": "menu",
                "timeline": [{**entry, "start": 0, "duration": 5}],
                "no_answer_after": 5,
                "exits": {"no_answer": "n2"},
            },
        },
        "devices": {},
    }
    result = simulate_plan(plan, types={**REGISTRY, "menu": menu}, number="101")
    assert (result["outcome"], result["ends_at"], result["path"]) == ("loop_limit", 10, [1, 2, 2])
    assert [(r["at"], r["until"]) for r in result["rings"]] == [(0, 5), (5, 10)]
    # A type without the declaration gets one visit.
    once = simulate_plan(plan, types={**REGISTRY, "menu": REGISTRY["ring_group"]}, number="101")
    assert (once["outcome"], once["path"]) == ("loop_limit", [1, 2])


# ---- declines ---------------------------------------------------------------------------------


def ring_all_plan(*members: int, duration: int = 20) -> dict:
    """ext:101 -> ring group 2 ringing ``members`` (contact method ids) together."""
    timeline = [
        {"object": m, "contact_method": m, "kind": "phone", "devices": [], "start": 0}
        for m in members
    ]
    return {
        "format": 2,
        "routes": {"ext:101": {"node": "n1"}},
        "nodes": {
            "n1": {"object": 1, "type": "internal_number", "exits": {"calls": "n2"}},
            "n2": {
                "object": 2,
                "type": "ring_group",
                "timeline": [{**e, "duration": duration} for e in timeline],
                "no_answer_after": duration,
            },
        },
        "devices": {},
    }


def test_when_a_method_both_answers_and_declines_then_it_is_refused():
    with pytest.raises(ValueError, match="#44 cannot both answer and decline"):
        simulate(ring_all_plan(44), number="101", answer=44, declines=[44])


def test_when_a_member_declines_then_only_its_ring_ends_and_the_group_rings_on():
    result = simulate(
        ring_all_plan(44, 45), number="101", declines=[{"contact_method": 44, "after": 5}]
    )
    assert [(r["at"], r["until"], r["contact_method"], r["declined"]) for r in result["rings"]] == [
        (0, 5, 44, True),
        (0, 20, 45, False),
    ]
    assert (result["outcome"], result["ends_at"]) == ("hangup", 20)
    assert "Contact method #44 declines at 5 s." in result["steps"][1]["reason"]


def test_when_every_member_declines_then_the_group_leaves_by_no_answer_at_once(ws):
    # group 2 rings 44 alone; group 3 rings 44 at 0 and 45 from 10 s (sequential, 10 s each)
    result = simulate(chain_plan(ws), number="+14155550111", declines=[44, 45])
    assert [(r["at"], r["until"], r["contact_method"], r["declined"]) for r in result["rings"]] == [
        (0, 0, 44, True),
        (0, 0, 44, True),  # declined again: it declines whenever it rings
        (10, 10, 45, True),  # a member still to start is waited for
        (10, None, 46, False),
    ]
    assert [(s["object"], s["at"], s["until"], s["exit"]) for s in result["steps"]] == [
        (1, 0, 0, "calls"),
        (2, 0, 0, "no_answer"),
        (3, 0, 10, "no_answer"),
        (4, 10, None, None),
    ]
    assert result["steps"][2]["reason"] == (
        "Rings 2 members on its timeline; nobody answers, and by 10 s every member has declined "
        "or ended. Contact method #44 declines at 0 s. Contact method #45 declines at 10 s."
    )
    assert result["outcome"] == "ringing"


def test_when_a_decline_would_come_after_the_ring_ends_then_the_ring_is_unchanged():
    late = [{"contact_method": 44, "after": 20}]
    assert simulate(ring_all_plan(44), number="101", declines=late) == simulate(
        ring_all_plan(44), number="101"
    )


def test_when_a_contact_method_node_declines_then_the_call_ends_there(ws):
    result = simulate(
        chain_plan(ws), number="+14155550111", declines=[{"contact_method": 46, "after": 4}]
    )
    assert result["rings"][-1] | {"object_path": None} == {
        **result["rings"][-1],
        "at": 35,
        "until": 39,
        "declined": True,
        "object_path": None,
    }
    assert (result["outcome"], result["ends_at"]) == ("hangup", 39)
    assert result["steps"][-1]["reason"] == (
        "Rings this contact method; once it declines nobody is left to ring. "
        "Contact method #46 declines at 39 s."
    )


def test_when_someone_answers_before_a_decline_then_the_decline_never_happens():
    result = simulate(
        ring_all_plan(44, 45),
        number="101",
        answer=45,
        declines=[{"contact_method": 44, "after": 5}],
    )
    assert [(r["until"], r["declined"]) for r in result["rings"]] == [(0, False), (0, False)]
    assert "declines" not in result["steps"][1]["reason"]
    assert (result["outcome"], result["answered_at"]) == ("answered", 0)


def test_when_a_member_declines_before_another_answers_then_both_show(ws):
    result = simulate(chain_plan(ws), number="+14155550111", declines=[44], answer=45)
    assert [(r["at"], r["until"], r["contact_method"], r["declined"]) for r in result["rings"]] == [
        (0, 0, 44, True),
        (0, 0, 44, True),
        (10, 10, 45, False),
    ]
    assert result["steps"][2]["reason"].endswith(
        "Contact method #44 declines at 0 s. Contact method #45 answers at 10 s."
    )
