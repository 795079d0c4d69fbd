"""Parity: the shared plan cases (tests/plan_cases/*.json) played through Kamailio with real
devices ring on the schedule graph.simulate() computes (times scaled by SCALE).

Each case's plan gets a devices section: device 5 is baresip line 101 (contact method 44 rings
it), device 8 holds line 102 on SIP account 3 (contact method 45, kind sip_account, rings it).
Rings of kind ``phone`` leave for the carrier trunk and are not observed here (no device);
when a case has one answer, a SIPp UAS on the trunk address answers at once. DID routes are
called by the SIPp trunk as the case's caller (withheld: ``anonymous``) with the SIP server's
clock at the case's time; ``ext:`` routes by device 103 (line of device 7, in no case).
A call's ``declines`` make those devices reject every ring that many (scaled) seconds in
(baresip's ``hangup`` on a ringing call answers 486).
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.sip.agents import TRUNK_CALLER
from tests.sip.plans import DEVICES, REALM, ha1, write_plan
from workspace.graph.simulate import declines_of, simulate
from workspace.objects.types import REGISTRY

CASES = Path(__file__).parents[1] / "plan_cases"
SCALE = 0.1  # 20 s of a plan ring for 2 s here
TOLERANCE = 0.3
USER_OF_METHOD = {44: "101", 45: "102"}
NOT_PLAYED = {  # (case, call index): why
    ("simple_call_flow", 3): "an unknown number: covered by test_when_did_unknown_then_404",
}
PARITY_DEVICES = {
    "5": {**DEVICES["5"], "contact": 9},
    "6": {"name": "no lines", "contact": 9, "caller_id": None, "lines": []},
    "7": DEVICES["7"],
    "8": {
        "name": "Sarah's SIP account",
        "contact": 10,
        "caller_id": None,
        "lines": [
            {
                "sip_account": 3,
                "username": "102",
                "auth_username": None,
                "dialing_rules": [],
                "ha1": ha1("102", REALM, "pw-sarah-102"),
            }
        ],
    },
}


def scaled(plan: dict) -> dict:
    plan = json.loads(json.dumps(plan))
    for node in plan["nodes"].values():
        if node.get("type") == "ring_group":
            node["no_answer_after"] *= SCALE
            for entry in node["timeline"]:
                entry["start"] *= SCALE
                entry["duration"] *= SCALE
    return plan


def cases():
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text())
        for index, call in enumerate(case["calls"]):
            key = (case["name"], index)
            marks = [pytest.mark.skip(reason=NOT_PLAYED[key])] if key in NOT_PLAYED else []
            yield pytest.param(case, call["call"], id=f"{case['name']}-{index}", marks=marks)


def settle(phones, before: float) -> None:
    """Wait until every ring that started has ended on its device (its CANCEL may reach the
    device a moment after the caller got its final answer)."""
    deadline = time.time() + 3
    for user in USER_OF_METHOD.values():
        while time.time() < deadline:
            kinds = [k for at, k, _ in phones[user].events if at >= before]
            starts = kinds.count("CALL_INCOMING")
            if starts <= kinds.count("CALL_CLOSED") + kinds.count("CALL_ESTABLISHED"):
                break
            time.sleep(0.05)


def observed_rings(phones, before: float, t0: float) -> list[tuple[float, float | None, int]]:
    settle(phones, before)
    rows = []
    for method, user in USER_OF_METHOD.items():
        # A device rung again in one call may see the new ring before the old one's CANCEL:
        # rings end first in, first out; an answer ends the latest (the one picked up).
        ringing: list[float] = []
        for at, kind, _ in phones[user].events:
            if at < before or (kind != "CALL_INCOMING" and not ringing):
                continue
            if kind == "CALL_INCOMING":
                ringing.append(at)
            elif kind == "CALL_ESTABLISHED":
                rows.append((ringing.pop() - t0, at - t0, method))
            elif kind == "CALL_CLOSED":
                rows.append((ringing.pop(0) - t0, at - t0, method))
    return sorted(rows)


@pytest.mark.parametrize(("case", "call"), list(cases()))
def test_when_plan_case_is_played_then_rings_match_simulate(
    case, call, kamailio, phones, trunk, clock
):
    expected = simulate(case["plan"], types=REGISTRY, **call)
    if call.get("at"):  # the SIP server decides at the case's time (its clock file)
        clock(datetime.fromisoformat(call["at"]))
    plan = {**scaled(case["plan"]), "revision": 100}
    write_plan(kamailio, plan, PARITY_DEVICES)
    if call.get("answer") in USER_OF_METHOD:
        phones[USER_OF_METHOD[call["answer"]]].answer_after = 0.05
    for method, after in declines_of(call.get("declines")).items():
        phones[USER_OF_METHOD[method]].decline_after = after * SCALE
    # The carrier (a SIPp UAS on the trunk address) answers what leaves for it at once: a
    # Forward, or a ring of kind phone that the case has answer.
    by_carrier = expected["outcome"] == "answered" and call.get("answer") not in USER_OF_METHOD
    by_carrier = by_carrier or expected["outcome"] == "forwarded"
    carrier = trunk.answer_outbound(15) if by_carrier else None
    time.sleep(0.3 if carrier else 0)
    before = time.time()
    try:
        t0, gave_up = play(kamailio, phones, trunk, expected, call)
    finally:
        if carrier:
            carrier.terminate()
            carrier.wait()

    seen = sorted(observed_rings(phones, before, t0), key=lambda r: (round(r[0] / SCALE), r[2]))
    wanted = [r for r in expected["rings"] if r["kind"] != "phone"]
    wanted.sort(key=lambda r: (r["at"], r["contact_method"]))
    # A ring of no length (answered elsewhere at the instant it starts) may or may not reach
    # the device before its CANCEL: it is compared only when it lasts.
    instant = [(r["contact_method"], r["at"] * SCALE) for r in wanted if r["until"] == r["at"]]
    wanted = [r for r in wanted if r["until"] != r["at"]]
    seen = [
        (at, until, m)
        for at, until, m in seen
        if not (
            until - at <= TOLERANCE
            and any(m == method and abs(at - when) <= TOLERANCE for method, when in instant)
        )
    ]
    raw = {
        u: [(round(a - t0, 2), k) for a, k, _ in phones[u].events if a >= before]
        for u in USER_OF_METHOD.values()
    }
    assert [m for _, _, m in seen] == [r["contact_method"] for r in wanted], (seen, wanted, raw)
    for (at, until, _), ring in zip(seen, wanted, strict=True):
        assert abs(at - ring["at"] * SCALE) <= TOLERANCE, (seen, wanted)
        end = gave_up - t0 if ring["until"] is None else ring["until"] * SCALE
        assert abs(until - end) <= TOLERANCE, (seen, wanted)
    # the path, and when the call reaches each node (a no_answer exit taken early included)
    reached = [
        (e["node"], e["at"] - t0)
        for e in kamailio.events()
        if e["type"] == "node" and e["at"] >= before
    ]
    steps = [(s["node"], s["at"] * SCALE) for s in expected["steps"]]
    assert [n for n, _ in reached] == [n for n, _ in steps], (reached, steps)
    for (_, at), (_, step_at) in zip(reached, steps, strict=True):
        assert abs(at - step_at) <= TOLERANCE, (reached, steps)


def play(kamailio, phones, trunk, expected, call):
    """Make the call; returns (its start on Kamailio's clock, when the caller gave up)."""
    ringing_on = expected["outcome"] == "ringing"
    if not expected["key"].startswith("ext:"):
        caller = call.get("caller", TRUNK_CALLER)  # present and None: withheld
        result = trunk.call(expected["key"], hold_ms=300, cancel=ringing_on, caller=caller)
        events = kamailio.call_events(result["call_id"])
        return events[0]["at"], events[-1]["at"]
    caller = phones["103"]
    before = time.time()
    caller.send("dial", expected["key"][4:])
    if ringing_on:  # give up 2 s after the last ring started, as the SIPp caller does
        last = expected["rings"][-1]["at"] * SCALE
        time.sleep(last + 2.0)
        gave_up = time.time()
        caller.send("hangup")
    elif expected["outcome"] == "answered":
        caller.wait_for("CALL_ESTABLISHED", after=before)
        caller.send("hangup")
    caller.wait_for("CALL_CLOSED", after=before, timeout=30)
    start = min(e["at"] for e in kamailio.events() if e["type"] == "start" and e["at"] >= before)
    return start, (gave_up if ringing_on else time.time())
