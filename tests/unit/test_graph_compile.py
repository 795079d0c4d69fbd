"""Compiling workspaces into routing plans: the guide's Simple Call Flow and the step shapes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random

import pytest

from workspace.graph import CompileError, build, compile_plan, plan_hash, validate
from workspace.graph.devices import device_settings
from workspace.objects.types import REGISTRY
from workspace.objects.types.ring_group import sequential

MIKE_STEP = {
    "object": 30,
    "type": "ring_group",
    "timeline": [
        {
            "object": 40,
            "contact_method": 44,
            "contact": 9,
            "kind": "call_center",
            "devices": [5, 6],
            "start": 0,
            "duration": 30,
        }
    ],
    "no_answer_after": 30,
}

LINE_3 = {
    "sip_account": 3,
    "server": "sip.example.net",
    "port": 5060,
    "transport": "udp",
    "proxy": None,
    "username": "1001",
    "auth_username": None,
    "display_name": "Mike Brown",
    "push": True,
    "password": "provisioned",
    "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
}

LINE_4 = {
    "sip_account": 4,
    "server": "pbx.example.org",
    "port": 5061,
    "transport": "tls",
    "proxy": "proxy.example.org",
    "username": "mike",
    "auth_username": "mike-auth",
    "display_name": "Mike",
    "push": False,
    "password": "manual",
    "dialing_rules": [],
}

MIKE_SETTINGS = {
    "caller_id": {
        "name": "Mike Brown",
        "internal": "101",
        "external": "+14155550100",
        "outbound": True,
    },
    "recording": {
        "enabled": False,
        "inbound": False,
        "outbound": False,
        "internal": False,
        "external": False,
        "on_demand_code": None,
        "delivery_method": None,
    },
    "announcements": {"internal": None, "external": None},
    "feature_codes": [{"code": "*9", "purpose": "record_on_demand"}],
    "directory": {"version": None},  # the unit facts carry no directory
    "reachable_at": ["+14155550100", "ext:101"],
}


def test_when_workspace_has_errors_then_compile_error_lists_problems(ws):
    G = build([ws.obj(1, "phone_number", number=7)], [])
    with pytest.raises(CompileError) as raised:
        compile_plan(G, types=REGISTRY, facts={"phone_numbers": {7: {"number": "+1"}}})
    assert [p["code"] for p in raised.value.problems] == ["entry.no_route"]
    assert str(raised.value) == "the workspace has 1 error(s); validate it first"


def test_when_given_problems_have_errors_then_compile_error_without_revalidating(ws, facts):
    G = build(ws.simple_objects(), ws.simple_cables())
    stated = [{"code": "x.y", "severity": "error", "message": "no", "objects": [], "cables": []}]
    with pytest.raises(CompileError) as raised:
        compile_plan(G, types=REGISTRY, facts=facts, problems=stated)
    assert raised.value.problems == stated


def test_when_only_warnings_then_plan_compiles(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    plan = ws.plan(objects, ws.simple_cables())
    assert set(plan["routes"]) == {"+14155550100", "ext:101"}


def test_when_simple_call_flow_then_the_guides_plan(ws, facts):
    plan = ws.plan(
        ws.simple_objects(),
        ws.simple_cables(),
        facts,
        revision=7,
        compiled_at="2026-11-26T10:00:00Z",
    )
    body = {
        "format": 2,
        "routes": {"+14155550100": {"node": "n12"}, "ext:101": {"node": "n13"}},
        "nodes": {
            "n12": {"object": 12, "type": "phone_number", "exits": {"calls": "n30"}},
            "n13": {"object": 13, "type": "internal_number", "exits": {"calls": "n30"}},
            "n30": MIKE_STEP,
        },
        "devices": {
            "5": {
                "contact": 9,
                "contact_method": 44,
                "name": "Mike's laptop",
                "lines": [LINE_3],
                **MIKE_SETTINGS,
            },
            "6": {
                "contact": 9,
                "contact_method": 44,
                "name": "Mike's phone",
                "lines": [LINE_3, LINE_4],
                **MIKE_SETTINGS,
            },
        },
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert plan == {
        "format": 2,
        "revision": 7,
        "hash": "sha256:" + hashlib.sha256(canonical.encode()).hexdigest(),
        "compiled_at": "2026-11-26T10:00:00Z",
        **body,
    }


def test_when_names_are_not_ascii_then_hash_is_of_utf8_canonical_json(ws, facts):
    facts["devices"][5]["name"] = "Mikes Laptop \u00e9\u4e2d"
    plan = ws.plan(ws.simple_objects(), ws.simple_cables(), facts)
    body = {k: plan[k] for k in ("format", "routes", "nodes", "devices")}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert plan["hash"] == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def test_when_compiled_then_no_password_is_in_the_plan(ws, facts):
    text = json.dumps(ws.plan(ws.simple_objects(), ws.simple_cables(), facts))
    assert "s3cret" not in text


def test_when_revision_or_time_change_then_hash_stays(ws):
    first = ws.plan(ws.simple_objects(), ws.simple_cables(), revision=1, compiled_at="a")
    second = ws.plan(ws.simple_objects(), ws.simple_cables(), revision=2, compiled_at="b")
    assert first["hash"] == second["hash"] == plan_hash(first)


def test_when_input_order_is_shuffled_then_same_plan(ws):
    objects, cables = ws.simple_objects(), ws.simple_cables()
    expected = ws.plan(objects, cables)
    rng = random.Random(4)
    for _ in range(5):
        rng.shuffle(objects)
        rng.shuffle(cables)
        assert ws.plan(objects, cables) == expected


def test_when_routing_changes_then_hash_changes(ws):
    objects = ws.simple_objects()
    first = ws.plan(objects, ws.simple_cables())
    objects[2]["properties"]["members"][0]["duration"] = 25
    assert ws.plan(objects, ws.simple_cables())["hash"] != first["hash"]


def test_when_entry_is_cabled_to_contact_method_then_one_direct_step(ws):
    objects = [
        ws.obj(1, "internal_number", number=5),
        ws.obj(2, "contact_method", contact_method=45),
    ]
    plan = ws.plan(objects, [ws.cable(9, 1, "calls", 2)])
    assert plan["routes"] == {"ext:102": {"node": "n1"}}
    assert plan["nodes"] == {
        "n1": {"object": 1, "type": "internal_number", "exits": {"calls": "n2"}},
        "n2": {
            "object": 2,
            "type": "contact_method",
            "contact_method": 45,
            "contact": 10,
            "kind": "sip_account",
            "devices": [],
            "sip_account": 3,
        },
    }
    assert plan["devices"] == {}


def test_when_no_answer_chain_then_steps_follow_it(ws):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "ring_group", members=[{"target": 5, "start": 0, "duration": 15}]),
        ws.obj(3, "ring_group", members=sequential([5, 6])),
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
        ws.cable(16, 7, "calls", 4),
    ]
    plan = ws.plan(objects, cables)
    nodes = plan["nodes"]
    assert plan["routes"]["+14155550111"] == {"node": "n1"}
    assert [nodes[n]["exits"] for n in ("n1", "n2", "n3")] == [
        {"calls": "n2"},
        {"no_answer": "n3"},
        {"no_answer": "n4"},
    ]
    steps = [nodes[n] for n in ("n2", "n3", "n4")]
    assert [(e["object"], e["start"], e["duration"]) for e in steps[1]["timeline"]] == [
        (5, 0, 20),
        (6, 20, 20),
    ]
    assert steps[1]["no_answer_after"] == 40
    assert steps[2] == {
        "object": 4,
        "type": "contact_method",
        "contact_method": 46,
        "contact": 10,
        "kind": "phone",
        "devices": [],
        "number": "+493012345678",
    }
    assert plan["devices"]["5"]["reachable_at"] == ["+14155550111"]


def test_when_recording_is_on_then_device_gets_code_and_delivery_method(ws, facts):
    facts["contact_methods"][44]["settings"]["recording"].update(
        enabled=True, inbound=True, external=True, on_demand=True, delivery_method=8
    )
    facts["contact_methods"][44]["settings"]["announcements"] = {"internal": 11, "external": None}
    device = ws.plan(ws.simple_objects(), ws.simple_cables(), facts)["devices"]["5"]
    assert device["recording"] == {
        "enabled": True,
        "inbound": True,
        "outbound": False,
        "internal": False,
        "external": True,
        "on_demand_code": "*9",
        "delivery_method": 8,
    }
    assert device["announcements"] == {"internal": 11, "external": None}


def test_when_recording_is_off_then_its_options_are_off_in_the_plan(ws, facts):
    facts["contact_methods"][44]["settings"]["recording"].update(
        enabled=False, inbound=True, on_demand=True, delivery_method=8
    )
    device = ws.plan(ws.simple_objects(), ws.simple_cables(), facts)["devices"]["5"]
    assert device["recording"] == MIKE_SETTINGS["recording"]


def test_when_caller_id_name_is_empty_then_contact_name_is_used(ws, facts):
    facts["contact_methods"][44]["settings"]["caller_id_name"] = ""
    facts["contact_methods"][44]["settings"].update(outbound_calling=False, external_caller_id=None)
    device = ws.plan(ws.simple_objects(), ws.simple_cables(), facts)["devices"]["6"]
    assert device["caller_id"] == {
        "name": "Mike Brown",
        "internal": "101",
        "external": None,
        "outbound": False,
    }


def test_when_contact_method_is_unreachable_then_its_devices_have_no_numbers(ws, facts):
    facts["contact_methods"][44]["settings"]["internal_caller_id"] = None
    objects = [
        ws.obj(1, "phone_number", number=7),
        ws.obj(2, "contact_method", contact_method=46),
        ws.obj(3, "contact_method", contact_method=44),
    ]
    plan = ws.plan(objects, [ws.cable(9, 1, "calls", 2)], facts)
    assert sorted(plan["devices"]) == ["5", "6"]
    assert plan["devices"]["5"]["reachable_at"] == []


def test_when_call_center_method_is_not_placed_then_no_device_config(ws):
    objects = [ws.obj(1, "phone_number", number=7), ws.obj(2, "contact_method", contact_method=46)]
    assert ws.plan(objects, [ws.cable(9, 1, "calls", 2)])["devices"] == {}


def test_when_compiling_then_graph_and_facts_are_unchanged(ws, facts):
    G = build(ws.simple_objects(), ws.simple_cables())
    snapshot = (repr(facts), repr(dict(G.nodes(data=True))), repr(list(G.edges(data=True))))
    compile_plan(G, types=REGISTRY, facts=facts, problems=validate(G, types=REGISTRY, facts=facts))
    assert snapshot == (repr(facts), repr(dict(G.nodes(data=True))), repr(list(G.edges(data=True))))


def _no_answer_loop(ws):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "ring_group", members=[{"target": 5, "start": 0, "duration": 15}]),
        ws.obj(3, "ring_group", members=[{"target": 5, "start": 0, "duration": 15}]),
        ws.obj(5, "contact_method", contact_method=44),
    ]
    cables = [
        ws.cable(10, 1, "calls", 2),
        ws.cable(11, 2, "members", 5),
        ws.cable(12, 3, "members", 5),
        ws.cable(13, 2, "no_answer", 3),
        ws.cable(14, 3, "no_answer", 2),
    ]
    return objects, cables


def test_when_validation_is_skipped_and_calls_loop_then_compile_still_refuses(ws):
    objects, cables = _no_answer_loop(ws)
    with pytest.raises(CompileError) as refused:
        ws.plan(objects, cables, problems=[])
    (problem,) = refused.value.problems
    assert (problem["code"], problem["objects"]) == ("route.loop", [2, 3])


def test_when_a_loop_passes_a_type_that_bounds_its_visits_then_it_compiles(ws, facts):
    objects, cables = _no_answer_loop(ws)
    bounded = dataclasses.replace(REGISTRY["ring_group"], max_visits=3)
    plan = compile_plan(
        build(objects, cables), types={**REGISTRY, "ring_group": bounded}, facts=facts, problems=[]
    )
    assert plan["nodes"]["n3"]["exits"] == {"no_answer": "n2"}


def test_when_devices_ring_at_the_same_routes_then_they_share_one_read_only_list(ws, facts):
    # Memory at 50k objects: one list per set of routes, not per device (the plan is read
    # only); a device's settings asked for alone get their own copy.
    plan = ws.plan(ws.simple_objects(), ws.simple_cables(), facts)
    laptop, phone = plan["devices"]["5"], plan["devices"]["6"]
    assert laptop["reachable_at"] == ["+14155550100", "ext:101"]
    assert laptop["reachable_at"] is phone["reachable_at"]
    keys = ["ext:101"]
    assert device_settings(facts, 5, keys)["reachable_at"] is not keys


def test_when_compiled_then_the_graph_lets_go_of_what_validate_kept(ws, facts):
    G = build(ws.simple_objects(), ws.simple_cables(), facts)
    problems = validate(G, types=REGISTRY, facts=facts)
    assert G.graph["memo"]  # the ring group's timeline, computed by its validate hook
    plan = compile_plan(G, types=REGISTRY, facts=facts, problems=problems)
    assert "memo" not in G.graph
    again = compile_plan(G, types=REGISTRY, facts=facts, problems=problems)
    assert again == plan  # recomputed when asked again


def test_when_the_program_has_no_order_then_the_walk_per_route_finds_the_same_devices():
    # The walk per route serves programs with bounded cycles; on an acyclic one it must agree
    # with the post-order sets (the same routes per device, in key order).
    from bench.compile import synthetic_account
    from workspace.graph.compile import _program, _reachable
    from workspace.graph.validate import placed_rows

    objects, cables, facts = synthetic_account(400, seed=3)
    G = build(objects, cables, facts)
    routes, nodes, order = _program(
        G, REGISTRY, {**facts, "placed": placed_rows(G, types=REGISTRY)}
    )
    assert order is not None  # acyclic: the post-order exists
    walked, ordered = _reachable(routes, nodes, None), _reachable(routes, nodes, order)
    assert walked == ordered and sum(map(len, ordered.values())) > 100


def test_when_two_methods_list_one_device_then_it_is_reachable_at_both_routes():
    from workspace.graph.compile import _reachable

    step = {"object": 2, "contact_method": 44, "devices": [5, 6]}
    other = {"object": 3, "contact_method": 46, "devices": [6]}
    nodes = {"n2": step, "n3": other}
    routes = {"+14155550100": {"node": "n2"}, "ext:101": {"node": "n3"}}
    reachable = _reachable(routes, nodes, ["n2", "n3"])
    assert reachable == {5: ["+14155550100"], 6: ["+14155550100", "ext:101"]}
