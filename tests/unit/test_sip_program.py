"""The SIP server's pure parts: what a node does, dialing rules, the plan store, events."""

from __future__ import annotations

import json
import os

from workspace.sip.kemi.events import Spool, make_event
from workspace.sip.kemi.plans import PlanStore, device_of
from workspace.sip.kemi.program import advance, apply_dialing_rules, handlers, member_lines
from workspace.sip.plan_files import write_plan_file

ENTRY = {
    "object": 40,
    "contact_method": 44,
    "contact": 9,
    "kind": "call_center",
    "devices": [5],
    "start": 0,
    "duration": 20,
}


def plan_of(**nodes):
    return {
        "routes": {"+1": {"node": "n1"}},
        "nodes": {"n1": {"object": 1, "type": "phone_number", "exits": {"calls": "n2"}}, **nodes},
    }


def test_when_type_unknown_then_501_and_reason():
    action = advance(plan_of(n2={"object": 2, "type": "teleporter"}), "n1", {})

    assert (action["do"], action["code"], action["cause"]) == ("end", 501, "unsupported")
    assert action["reason"] == "teleporter not executable here"


def test_when_nodes_loop_then_482():
    plan = plan_of(n2={"object": 2, "type": "internal_number", "exits": {"calls": "n1"}})

    assert advance(plan, "n1", {})["code"] == 482


def test_when_entry_exit_absent_then_480():
    action = advance({"nodes": {"n1": {"object": 1, "type": "phone_number"}}}, "n1", {})

    assert (action["code"], action["reason"]) == (480, "End of route")


def test_when_ring_group_then_ring_action_with_sorted_entries():
    late = {**ENTRY, "object": 41, "start": 10}
    plan = plan_of(
        n2={"object": 2, "type": "ring_group", "timeline": [late, ENTRY], "no_answer_after": 30}
    )

    action = advance(plan, "n1", {})

    assert action["do"] == "ring" and action["passed"] == ["n1", "n2"]
    assert [(s, d, e["object"]) for s, d, e in action["entries"]] == [(0, 20, 40), (10, 20, 41)]


def test_when_forward_shows_account_number_then_caller_id_is_it():
    plan = plan_of(
        n2={
            "object": 2,
            "type": "forward",
            "number": "+1999",
            "caller_id": "account",
            "caller_id_number": "+1555",
        }
    )

    action = advance(plan, "n1", {})

    assert (action["do"], action["number"], action["caller_id"]) == ("forward", "+1999", "+1555")


def test_when_decide_is_given_then_branching_types_use_choose_exit():
    class Decide:
        @staticmethod
        def choose_exit(node, call):
            return "closed" if call["caller"] is None else "open"

    plan = plan_of(
        n2={"object": 2, "type": "time_router", "exits": {"closed": "n3"}},
        n3={"object": 3, "type": "voicemail"},
    )

    action = advance(plan, "n1", {"caller": None}, Decide, handlers(Decide))

    assert action["passed"] == ["n1", "n2", "n3"] and action["code"] == 501


def test_when_dialing_rules_then_first_match_with_min_length_applies():
    rules = [
        {"start_with": "017", "replace_with": "1", "min_length": 10},
        {"start_with": "0", "replace_with": "+49", "min_length": None},
    ]

    assert apply_dialing_rules("0174448746", rules) == "14448746"
    assert apply_dialing_rules("0171", rules) == "+49171"
    assert apply_dialing_rules("555", rules) == "555"


def test_when_sip_account_entry_then_the_device_line_with_it_rings():
    plan = {
        "devices": {
            "5": {"contact": 9, "lines": [{"username": "101", "sip_account": 1}]},
            "8": {"contact": 10, "lines": [{"username": "104", "sip_account": 3}]},
        }
    }

    found = member_lines(plan, {"kind": "sip_account", "sip_account": 3, "contact": 10})

    assert [(u, m["device"]) for u, m in found] == [("104", 8)]


def test_when_plan_file_replaced_then_store_reads_new_and_keeps_old_generation(tmp_path):
    store = PlanStore(str(tmp_path))
    devices = {"5": {"lines": [{"username": "101", "ha1": "x" * 32}]}}
    write_plan_file(tmp_path, 3, {"revision": 1, "routes": {"+1": {}}, "devices": devices})
    store.refresh()
    first = store.current(3)["generation"]
    os.utime(tmp_path, ns=(1, 1))  # a second rename in the same clock tick still shows

    write_plan_file(tmp_path, 3, {"revision": 2, "routes": {"+2": {}}, "devices": {}})
    store.refresh()

    assert store.current(3)["revision"] == 2 and store.routes == {"+2": 3}
    assert store.lines == {}
    assert PlanStore(str(tmp_path)).by_generation(3, first)["revision"] == 1


def test_when_line_has_no_ha1_then_it_cannot_register(tmp_path):
    devices = {"5": {"lines": [{"username": "101", "ha1": None}]}}
    write_plan_file(tmp_path, 3, {"revision": 1, "routes": {}, "devices": devices})
    store = PlanStore(str(tmp_path))

    store.refresh()

    assert store.lines == {} and store.auth == {}


def test_when_a_device_is_not_in_the_published_plan_then_its_line_registers_and_rings_nothing(
    tmp_path,
):
    def line(username, sip_account, ha1, **more):
        return {"username": username, "sip_account": sip_account, "ha1": ha1, **more}

    published = {"5": {"contact": 9, "lines": [line("101", 1, "a" * 32)]}}
    others = {
        "8": {"contact": 9, "lines": [line("104", 7, "b" * 32, auth_username="d4")]},
        "9": {"contact": 9, "lines": [line("101", 1, "c" * 32)]},  # shares line 101
    }
    document = {"revision": 1, "routes": {}, "devices": published, "other_devices": others}
    write_plan_file(tmp_path, 3, document)
    store = PlanStore(str(tmp_path))

    store.refresh()

    assert store.lines["104"][:2] == (3, "8") and store.auth["d4"][:2] == (3, "8")
    assert store.lines["101"][:2] == (3, "5")  # the published device's line wins
    plan = store.current(3)
    assert device_of(plan, "8") is plan["other_devices"]["8"] and device_of(plan, "7") == {}
    # no published node rings it, not even an entry naming its SIP account
    assert member_lines(plan, {"kind": "sip_account", "sip_account": 7, "contact": 9}) == []


def test_when_the_plan_store_examples_are_run_then_they_hold():
    import doctest

    from workspace.sip.kemi import plans as module

    failed, tried = doctest.testmod(module)
    assert tried > 0 and failed == 0


def test_when_event_emitted_then_one_line_with_every_contract_key(tmp_path):
    spool = Spool(str(tmp_path))

    spool.emit("ended", {"call_id": "c", "account": 1}, cause="no_answer", sip_code=480)

    (path,) = tmp_path.glob("*.jsonl")
    event = json.loads(path.read_text())
    assert set(event) == set(make_event("start", {}))
    assert (event["type"], event["cause"], event["sip_code"]) == ("ended", "no_answer", 480)


def test_when_decide_file_exists_then_it_is_loaded_by_path(tmp_path):
    from workspace.sip.kemi.program import load_decide

    path = tmp_path / "decide.py"
    path.write_text("def choose_exit(node, call):\n    return 'open'\n")

    assert load_decide(str(path)).choose_exit({}, {}) == "open"
    assert load_decide(str(tmp_path / "absent.py")) is None


def test_when_the_program_examples_are_run_then_they_hold():
    import doctest

    from workspace.sip.kemi import program as module

    failed, tried = doctest.testmod(module)
    assert tried > 0 and failed == 0
