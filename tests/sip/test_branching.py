"""Branching types (time router, caller router, blacklist) route for real through
workspace/graph/decide.py, which the KEMI module loads by path (one truth with the
simulator). The trunk's caller is +4930555123; the SIP server's clock is injected through
the clock file its settings name (run/clock)."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.sip.plans import entry, group, program, write_plan

DID = "+14155550100"
VOICEMAIL = {"object": 60, "type": "voicemail", "record": {}}
BERLIN = ZoneInfo("Europe/Berlin")


def _nodes(kamailio, result) -> list[str]:
    return [e["node"] for e in kamailio.call_events(result["call_id"]) if e["type"] == "node"]


def _office_hours(closed_exit: str) -> dict:
    return {
        "object": 30,
        "type": "time_router",
        "schedule": {
            "name": "Office hours",
            "time_zone": "Europe/Berlin",
            "intervals": [{"day": d, "from": "09:00", "to": "17:00"} for d in range(5)],
            "holidays": [],
        },
        "override": None,
        "exits": {"open": "n31", closed_exit: "n60"},
    }


def test_when_called_outside_office_hours_then_the_closed_exit_forwards(
    kamailio, phones, trunk, clock, tmp_path
):
    forward = {"object": 60, "type": "forward", "number": "+14155550199", "caller_id": "caller"}
    write_plan(
        kamailio,
        program(
            DID, _office_hours("closed"), ("n31", group(31, [entry(40, 5, 0, 2)])), ("n60", forward)
        ),
    )
    clock(datetime(2026, 12, 7, 20, 0, tzinfo=BERLIN))  # a Monday evening
    carrier = trunk.answer_outbound(8)
    time.sleep(0.3)  # SIPp binds its port
    try:
        result = trunk.call(DID, hold_ms=300)
    finally:
        carrier.terminate()
        carrier.wait()

    assert (result["code"], _nodes(kamailio, result)) == (200, ["n12", "n30", "n60"])
    seen = (tmp_path / "trunk_uas_messages.log").read_text(errors="replace")
    assert f"INVITE sip:14155550199@127.0.0.1:{kamailio.trunk_uas_port} SIP/2.0" in seen
    events = kamailio.call_events(result["call_id"])
    rung = [e for e in events if e["type"] == "ringing" and (e.get("member") or {}).get("device")]
    assert rung == []  # the team's phones stay quiet after hours


def test_when_called_inside_office_hours_then_the_open_exit_rings_the_group(
    kamailio, phones, trunk, clock
):
    phones["101"].answer_after = 0.3
    write_plan(
        kamailio,
        program(
            DID,
            _office_hours("closed"),
            ("n31", group(31, [entry(40, 5, 0, 5)])),
            ("n60", VOICEMAIL),
        ),
    )
    clock(datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN))  # a Monday morning

    result = trunk.call(DID)

    assert (result["code"], _nodes(kamailio, result)) == (200, ["n12", "n30", "n31"])


def test_when_blacklisted_and_blocked_not_cabled_then_403_with_the_reason(kamailio, phones, trunk):
    blacklist = {
        "object": 30,
        "type": "blacklist",
        "exits": {"allowed": "n31"},
        "entries": [{"match": "exact", "number": "+4930555123", "expires": None, "note": "spam"}],
        "reject": {"code": 403, "reason": "Blocked"},
    }
    write_plan(kamailio, program(DID, blacklist, ("n31", group(31, [entry(40, 5, 0, 5)]))))

    result = trunk.call(DID)

    assert result["code"] == 403
    assert "403 Blocked" in result["messages"]
    assert not [e for e in kamailio.call_events(result["call_id"]) if e["type"] == "ringing"]


def test_when_a_caller_router_rule_matches_a_prefix_then_its_exit_is_taken(kamailio, phones, trunk):
    router = {
        "object": 30,
        "type": "caller_router",
        "rules": [
            {"match": "exact", "number": "+14155550000", "exit": "rule_1", "label": "VIP"},
            {"match": "prefix", "number": "+4930", "exit": "rule_2", "label": "Berlin"},
        ],
        "exits": {"rule_1": "n31", "rule_2": "n60", "default": "n31"},
    }
    write_plan(
        kamailio,
        program(DID, router, ("n31", group(31, [entry(40, 5, 0, 2)])), ("n60", VOICEMAIL)),
    )

    result = trunk.call(DID)

    assert (result["code"], _nodes(kamailio, result)) == (501, ["n12", "n30", "n60"])


def test_when_caller_is_blacklisted_then_the_blocked_exit_is_taken(kamailio, phones, trunk):
    blacklist = {
        "object": 30,
        "type": "blacklist",
        "exits": {"blocked": "n60", "allowed": "n31"},
        "entries": [{"match": "prefix", "number": "+4930", "expires": None, "note": ""}],
    }
    voicemail = {"object": 60, "type": "voicemail", "record": {}}
    write_plan(
        kamailio,
        program(DID, blacklist, ("n60", voicemail), ("n31", group(31, [entry(40, 5, 0, 1)]))),
    )

    result = trunk.call(DID)  # the trunk's caller is +4930555123

    nodes = [e["node"] for e in kamailio.call_events(result["call_id"]) if e["type"] == "node"]
    assert (result["code"], nodes) == (501, ["n12", "n30", "n60"])
