"""Branching types (time router, caller router, blacklist) route for real through
workspace/graph/decide.py, which the KEMI module loads by path. Skipped until that file is
on the branch (the routers work); it passed against that branch's decide.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sip.plans import entry, group, program, write_plan

DECIDE = Path(__file__).parents[2] / "workspace" / "graph" / "decide.py"
DID = "+14155550100"

pytestmark = pytest.mark.skipif(not DECIDE.exists(), reason="workspace/graph/decide.py absent")


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
