"""Time Router, Caller Router, Blacklist: each problem code both ways, the compiled node, and
what the simulator makes of a call (time, caller, expiry)."""

from __future__ import annotations

import pytest

from workspace.graph import simulate
from workspace.objects.types import REGISTRY

# Berlin is UTC+1 in December: Monday 2026-12-07 10:00 local is 09:00 UTC.
MONDAY_OPEN = "2026-12-07T10:00:00+01:00"
MONDAY_NIGHT = "2026-12-07T20:00:00+01:00"
CHRISTMAS = "2027-12-24T10:00:00+01:00"  # yearly: the next year too
FOUNDERS = "2026-12-10T10:00:00+01:00"  # a Thursday, once only


def _time_flow(ws, schedule=3, cabled=("open", "closed", "holiday_1"), **props):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "time_router", "Hours", schedule=schedule, **props),
        ws.obj(3, "forward", "Team", number="+14155550199"),
        ws.obj(4, "forward", "After hours", number="+14155550198"),
        ws.obj(5, "forward", "Holiday", number="+14155550197"),
    ]
    targets = {"open": 3, "closed": 4, "holiday_1": 5}
    cables = [ws.cable(10, 1, "calls", 2)] + [
        ws.cable(11 + i, 2, port, targets[port]) for i, port in enumerate(cabled)
    ]
    return objects, cables


def _to(ws, flow, at, caller="+4930555"):
    plan = ws.plan(*flow)
    result = simulate(plan, types=REGISTRY, number="+14155550111", caller=caller, at=at)
    return result


# -- time router ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"schedule": 5}, "time_router.empty_schedule"),
        ({"cabled": ("closed", "holiday_1")}, "time_router.open_not_cabled"),
        ({"cabled": ("open", "closed")}, "time_router.holiday_exit_not_cabled"),
        ({"schedule": 6}, "time_router.overlapping_intervals"),
        ({"schedule": None}, "reference.unset"),
        ({"schedule": 99}, "reference.missing"),
        ({"override": {"mode": "ajar", "until": MONDAY_OPEN}}, "object.invalid_properties"),
        ({"override": {"mode": "open", "until": "2026-12-07T10:00"}}, "object.invalid_properties"),
    ],
)
def test_when_time_router_is_incomplete_then_a_stable_code(ws, kwargs, code):
    assert code in ws.codes(*_time_flow(ws, **kwargs))


def test_when_time_router_is_complete_then_no_problem(ws):
    assert ws.problems(*_time_flow(ws)) == []


def test_when_intervals_overlap_then_info_only_and_it_still_publishes(ws):
    flow = _time_flow(ws, schedule=6, cabled=("open", "closed"))
    problems = ws.problems(*flow)
    assert [(p["code"], p["severity"]) for p in problems if p["objects"] == [2]] == [
        ("time_router.overlapping_intervals", "info")
    ]
    assert ws.plan(*flow)["nodes"]["n2"]["type"] == "time_router"


def test_when_time_router_compiles_then_the_schedule_is_inlined(ws):
    override = {"mode": "closed", "until": "2026-12-07T12:00:00+00:00"}
    node = ws.plan(*_time_flow(ws, override=override))["nodes"]["n2"]
    assert node["schedule"]["time_zone"] == "Europe/Berlin"
    assert node["schedule"]["intervals"][0] == {"day": 0, "from": "09:00", "to": "17:00"}
    assert node["schedule"]["holidays"][0]["exit"] == "holiday_1"
    assert node["override"] == override
    assert node["exits"] == {"open": "n3", "closed": "n4", "holiday_1": "n5"}


@pytest.mark.parametrize(
    ("at", "path", "exit"),
    [
        (MONDAY_OPEN, [1, 2, 3], "open"),
        (MONDAY_NIGHT, [1, 2, 4], "closed"),
        (CHRISTMAS, [1, 2, 5], "holiday_1"),
        (FOUNDERS, [1, 2, 4], "closed"),  # a holiday without its own exit is closed
        ("2026-12-12T10:00:00+01:00", [1, 2, 4], "closed"),  # Saturday
    ],
)
def test_when_a_call_comes_then_the_time_picks_the_exit(ws, at, path, exit):
    result = _to(ws, _time_flow(ws), at)
    assert result["path"] == path
    assert result["steps"][1]["exit"] == exit


def test_when_an_override_holds_then_it_wins_until_its_time(ws):
    flow = _time_flow(ws, override={"mode": "closed", "until": "2026-12-07T09:30:00+00:00"})
    assert _to(ws, flow, MONDAY_OPEN)["path"] == [1, 2, 4]  # 09:00 UTC: forced closed
    assert _to(ws, flow, "2026-12-07T11:00:00+01:00")["path"] == [1, 2, 3]  # lapsed


def test_when_a_call_reaches_the_router_later_then_it_decides_at_that_second(ws):
    objects, cables = _time_flow(ws)
    objects += [
        ws.obj(6, "ring_group", "Wait", members=[{"target": 7, "start": 0, "duration": 60}]),
        ws.obj(7, "contact_method", contact_method=46),
    ]
    cables = [
        ws.cable(10, 1, "calls", 6),
        ws.cable(20, 6, "members", 7),
        ws.cable(21, 6, "no_answer", 2),
        *cables[1:],
    ]
    # 16:59:30 local: the group rings 60 s, so the router decides at 17:00:30: closed.
    result = _to(ws, (objects, cables), "2026-12-07T16:59:30+01:00")
    assert result["path"] == [1, 6, 2, 4]


# -- caller router --------------------------------------------------------------------------


def _caller_flow(ws, rules, cabled=None):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "caller_router", "By caller", rules=rules),
        ws.obj(3, "forward", "VIP", number="+14155550199"),
        ws.obj(4, "forward", "Germany", number="+14155550198"),
        ws.obj(5, "forward", "Everyone", number="+14155550197"),
    ]
    ports = cabled if cabled is not None else [r["exit"] for r in rules] + ["default"]
    targets = {"rule_1": 3, "rule_2": 4, "rule_3": 5, "default": 5}
    cables = [ws.cable(10, 1, "calls", 2)] + [
        ws.cable(11 + i, 2, port, targets.get(port, 5)) for i, port in enumerate(ports)
    ]
    return objects, cables


VIP = {"match": "exact", "number": "+4930555", "label": "VIP", "exit": "rule_1"}
GERMANY = {"match": "prefix", "number": "+49", "label": "Germany", "exit": "rule_2"}
HIDDEN = {"match": "anonymous", "label": "Withheld", "exit": "rule_3"}


@pytest.mark.parametrize(
    ("rules", "cabled", "code"),
    [
        ([], None, "caller_router.no_rules"),
        ([{**VIP, "number": "030555"}], None, "caller_router.invalid_number"),
        ([{**GERMANY, "number": "49"}], None, "caller_router.invalid_number"),
        ([GERMANY, VIP], None, "caller_router.shadowed_rule"),
        ([HIDDEN, {**HIDDEN, "exit": "rule_1"}], None, "caller_router.shadowed_rule"),
        ([VIP, GERMANY], ["rule_1", "default"], "caller_router.rule_not_cabled"),
        ([VIP, {**GERMANY, "exit": "rule_1"}], None, "object.invalid_properties"),
        ([{**VIP, "exit": "rule_11"}], None, "object.invalid_properties"),
    ],
)
def test_when_caller_router_is_wrong_then_a_stable_code(ws, rules, cabled, code):
    assert code in ws.codes(*_caller_flow(ws, rules, cabled))


def test_when_rules_go_narrow_to_wide_then_no_problem(ws):
    assert ws.problems(*_caller_flow(ws, [VIP, GERMANY, HIDDEN])) == []


@pytest.mark.parametrize(
    ("caller", "path"),
    [("+4930555", [1, 2, 3]), ("+4989111", [1, 2, 4]), (None, [1, 2, 5]), ("+1415", [1, 2, 5])],
)
def test_when_a_caller_calls_then_the_first_matching_rule_wins(ws, caller, path):
    flow = _caller_flow(ws, [VIP, GERMANY, HIDDEN])
    result = _to(ws, flow, MONDAY_OPEN, caller=caller)
    assert result["path"] == path
    assert ws.plan(*flow)["nodes"]["n2"]["rules"][2] == {
        "match": "anonymous",
        "number": None,
        "exit": "rule_3",
        "label": "Withheld",
    }


# -- blacklist ------------------------------------------------------------------------------


def _black_flow(ws, entries, cabled=("allowed",)):
    objects = [
        ws.obj(1, "phone_number", number=8),
        ws.obj(2, "blacklist", "Keep out", entries=entries),
        ws.obj(3, "forward", "Team", number="+14155550199"),
        ws.obj(4, "forward", "Complaints", number="+14155550198"),
    ]
    targets = {"allowed": 3, "blocked": 4}
    cables = [ws.cable(10, 1, "calls", 2)] + [
        ws.cable(11 + i, 2, port, targets[port]) for i, port in enumerate(cabled)
    ]
    return objects, cables


SPAM = {"number": "+19005550100", "note": "robocaller"}


@pytest.mark.parametrize(
    ("entries", "cabled", "code"),
    [
        ([], ("allowed",), "blacklist.no_entries"),
        ([{"number": "555"}], ("allowed",), "blacklist.invalid_number"),
        ([SPAM], ("blocked",), "blacklist.allowed_not_cabled"),
        ([{**SPAM, "expires": "tomorrow"}], ("allowed",), "object.invalid_properties"),
    ],
)
def test_when_blacklist_is_wrong_then_a_stable_code(ws, entries, cabled, code):
    assert code in ws.codes(*_black_flow(ws, entries, cabled))


def test_when_blocked_is_not_cabled_then_that_is_no_problem(ws):
    problems = ws.problems(*_black_flow(ws, [SPAM]))
    assert [p["code"] for p in problems] == ["object.unreachable"]  # the Complaints forward


def test_when_a_listed_caller_calls_then_rejected_with_403_or_sent_to_blocked(ws):
    rejected = _to(ws, _black_flow(ws, [SPAM]), MONDAY_OPEN, caller="+1 900 555 0100")
    assert (rejected["path"], rejected["outcome"]) == ([1, 2], "rejected")
    assert rejected["rejected"] == {"code": 403, "reason": "Blocked"}
    cabled = _black_flow(ws, [SPAM], cabled=("allowed", "blocked"))
    assert _to(ws, cabled, MONDAY_OPEN, caller="+19005550100")["path"] == [1, 2, 4]
    assert _to(ws, cabled, MONDAY_OPEN, caller="+14155550000")["path"] == [1, 2, 3]


def test_when_an_entry_expires_then_the_caller_gets_through_without_a_publish(ws):
    entry = {"match": "prefix", "number": "+1900", "expires": "2026-12-07T12:00:00Z"}
    flow = _black_flow(ws, [entry])
    assert _to(ws, flow, MONDAY_OPEN, caller="+19005550100")["outcome"] == "rejected"
    later = _to(ws, flow, "2026-12-07T13:00:01+01:00", caller="+19005550100")
    assert later["path"] == [1, 2, 3]
