"""Real calls through the product's Kamailio: a SIPp trunk calls DIDs, baresip devices ring.

Times are seconds from the call's ``start`` event (Kamailio's own clock, the spool), compared
with the device's event arrival times within TOLERANCE. Ring times are shortened (1-3 s)."""

from __future__ import annotations

import re
import time

import pytest

from tests.sip.agents import assert_mikes_dialing_rule_call_reached_the_trunk, trunk_messages
from tests.sip.plans import DEVICES, entry, group, method, program, write_plan

TOLERANCE = 0.3
DID = "+14155550100"


def started(kamailio, result) -> float:
    events = kamailio.call_events(result["call_id"])
    assert events and events[0]["type"] == "start", events
    return events[0]["at"]


def near(value: float, expected: float) -> bool:
    return abs(value - expected) <= TOLERANCE


# ------------------------------------------------------------------ errors first
def test_when_did_unknown_then_404(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1)])))

    result = trunk.call("+14155559999")

    assert result["code"] == 404
    ended = kamailio.call_events(result["call_id"])[-1]
    assert (ended["type"], ended["cause"], ended["sip_code"]) == ("ended", "not_found", 404)


def test_when_source_untrusted_then_403_and_nothing_rings(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1)])))
    before = time.time()

    result = trunk.call(DID, untrusted=True)

    assert result["code"] == 403
    assert "Untrusted source" in result["messages"]
    assert phones["101"].times("CALL_INCOMING", after=before) == []


def test_when_node_needs_media_then_501_with_reason(kamailio, phones, trunk):
    voicemail = {"object": 30, "type": "voicemail", "record": {"max_seconds": 60}}
    write_plan(kamailio, program(DID, voicemail))

    result = trunk.call(DID)

    assert result["code"] == 501
    assert "voicemail needs media" in result["messages"]
    assert "ends at ['n30']: 501 voicemail needs media" in kamailio.log_text()


# ------------------------------------------------------------------ ring groups
def test_when_nobody_answers_then_entries_ring_in_timeline_order_and_480(kamailio, phones, trunk):
    # A 0 s for 2 s, B from 1 s for 2 s: INVITE A 0, B 1; CANCEL A 2, B 3; 480 at 3.
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 2), entry(41, 6, 1, 2)])))
    before = time.time()

    result = trunk.call(DID)

    t0 = started(kamailio, result)
    a, b = phones["101"], phones["102"]
    assert result["code"] == 480
    assert near(a.wait_for("CALL_INCOMING", after=before) - t0, 0)
    assert near(b.wait_for("CALL_INCOMING", after=before) - t0, 1)
    assert near(a.wait_for("CALL_CLOSED", after=before) - t0, 2)
    assert near(b.wait_for("CALL_CLOSED", after=before) - t0, 3)
    ended = kamailio.call_events(result["call_id"])[-1]
    assert (ended["cause"], ended["sip_code"]) == ("no_answer", 480)
    assert near(ended["at"] - t0, 3)
    log = a.sip_log()
    assert f"X-Callflow-Route: {DID};revision=1" in log
    assert 'P-Asserted-Identity: "Berlin Office" <sip:+4930555123@carrier.example>' in log


def test_when_b_answers_then_a_is_cancelled_and_the_trunk_gets_200(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 4), entry(41, 6, 1, 4)])))
    phones["102"].answer_after = 0.5
    before = time.time()

    result = trunk.call(DID, hold_ms=300)

    t0 = started(kamailio, result)
    answered = phones["102"].wait_for("CALL_ESTABLISHED", after=before)
    assert result["code"] == 200
    assert near(answered - t0, 1.5)
    assert near(phones["101"].wait_for("CALL_CLOSED", after=before), answered)
    assert result["messages"].count("SIP/2.0 200 OK") >= 1
    events = kamailio.call_events(result["call_id"])
    answer = next(e for e in events if e["type"] == "answered")
    assert answer["member"]["device"] == 6 and answer["member"]["username"] == "102"
    assert [e for e in events if e["type"] == "ended"][-1]["cause"] == "answered"


def test_when_answered_before_a_later_entry_starts_then_it_is_never_invited(
    kamailio, phones, trunk
):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 3), entry(41, 6, 2, 3)])))
    phones["101"].answer_after = 0.3
    before = time.time()

    result = trunk.call(DID, hold_ms=2500)  # the call lasts past B's start second

    assert result["code"] == 200
    assert phones["102"].times("CALL_INCOMING", after=before) == []
    ringing = [e for e in kamailio.call_events(result["call_id"]) if e["type"] == "ringing"]
    assert [e["member"]["device"] for e in ringing] == [5]


def test_when_an_entry_starts_after_30_seconds_then_it_still_rings_on_time(kamailio, phones, trunk):
    """Kamailio's async_ms_route refuses waits from 30 s on; the routing waits in hops."""
    write_plan(kamailio, program(DID, group(30, [entry(40, 7, 31, 3)])))
    phones["103"].answer_after = 0.3
    before = time.time()

    result = trunk.call(DID, hold_ms=300, timeout=80)

    assert result["code"] == 200
    rang = phones["103"].wait_for("CALL_INCOMING", after=before)
    assert near(rang - started(kamailio, result), 31.0)


def test_when_caller_cancels_then_487_and_every_branch_ends(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 5), entry(41, 6, 0, 5)])))
    before = time.time()

    result = trunk.call(DID, cancel=True)  # 2 s after the last 180

    assert result["code"] == 487
    cancelled = kamailio.call_events(result["call_id"])[-1]
    assert (cancelled["cause"], cancelled["sip_code"]) == ("caller_cancel", 487)
    for user in ("101", "102"):
        assert near(phones[user].wait_for("CALL_CLOSED", after=before), cancelled["at"])


def test_when_group_times_out_then_no_answer_exit_rings_until_answered(kamailio, phones, trunk):
    plan = program(
        DID,
        group(30, [entry(40, 5, 0, 1), entry(41, 6, 1, 1)], no_answer="n50"),
        ("n50", method(50, 7)),
    )
    write_plan(kamailio, plan)
    phones["103"].answer_after = 0.5
    before = time.time()

    result = trunk.call(DID, hold_ms=300)

    t0 = started(kamailio, result)
    assert result["code"] == 200
    assert near(phones["103"].wait_for("CALL_INCOMING", after=before) - t0, 2)
    nodes = [e["node"] for e in kamailio.call_events(result["call_id"]) if e["type"] == "node"]
    assert nodes == ["n12", "n30", "n50"]


def test_when_a_device_is_rung_again_in_one_call_then_it_rings_answers_and_hangs_up(
    kamailio, phones, trunk
):
    """A no_answer exit to a group the device is also in: the device still remembers its
    first ring's transaction, so the same CSeq again would be refused as a merged request
    (482). The second ring goes under CSeq + 1; the caller's ACK and BYE follow that shift
    and the caller gets its own CSeq back on every reply."""
    plan = program(
        DID,
        group(30, [entry(40, 5, 0, 1)], no_answer="n31"),
        ("n31", group(31, [entry(41, 5, 0, 4)])),
    )
    write_plan(kamailio, plan)
    # Each ring starts an accept timer: the first ring's (at 1.5 s) answers the second ring;
    # the second ring's (at 2.5 s) finds the call up, which lasts past it (no stray accept
    # into the next test's call).
    phones["101"].answer_after = 1.5
    before = time.time()
    log_before = len(phones["101"].sip_log())

    result = trunk.call(DID, hold_ms=1500)

    assert result["code"] == 200
    t0 = started(kamailio, result)
    rings = phones["101"].times("CALL_INCOMING", after=before)
    assert [round(at - t0) for at in rings] == [0, 1]
    device_saw = phones["101"].sip_log()[log_before:]
    # A status line, not the digits: "482" also turns up inside baresip's hex Contact users.
    assert not re.search(r"^SIP/2\.0 482 ", device_saw, re.M), device_saw
    cseqs = re.findall(r"^CSeq: (\d+) (INVITE|ACK|BYE|CANCEL)", device_saw, re.M)
    first, second = sorted({int(n) for n, m in cseqs if m == "INVITE"})
    assert second == first + 1
    assert (str(second), "ACK") in cseqs and (str(second + 1), "BYE") in cseqs
    caller_saw = result["messages"]
    replies = re.findall(r"^SIP/2\.0 (\d{3}).*?^CSeq: (\d+) (\w+)", caller_saw, re.M | re.S)
    assert {(n, m) for _, n, m in replies} <= {("1", "INVITE"), ("2", "BYE")}, replies
    assert ("200", "2", "BYE") in replies
    answer = next(e for e in kamailio.call_events(result["call_id"]) if e["type"] == "answered")
    assert answer["node"] == "n31" and answer["member"]["device"] == 5


# ------------------------------------------------------------------ publish while running
def test_when_a_new_revision_is_written_then_the_next_call_uses_it_without_restart(
    kamailio, phones, trunk
):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1)]), revision=7))
    first = trunk.call(DID)
    write_plan(kamailio, program(DID, group(30, [entry(41, 6, 0, 1)]), revision=8))
    before = time.time()

    second = trunk.call(DID)

    assert (first["code"], second["code"]) == (480, 480)
    assert kamailio.call_events(second["call_id"])[0]["revision"] == 8
    assert phones["101"].times("CALL_INCOMING", after=before) == []
    assert phones["102"].wait_for("CALL_INCOMING", after=before)
    assert f"X-Callflow-Route: {DID};revision=8" in phones["102"].sip_log()


def test_when_a_revision_is_published_mid_call_then_the_call_keeps_its_plan(
    kamailio, phones, trunk
):
    import threading

    # B (Sarah) starts at 1 s; the new revision would ring Omar instead, from 1 s.
    write_plan(
        kamailio, program(DID, group(30, [entry(40, 5, 0, 2), entry(41, 6, 1, 1)]), revision=9)
    )
    later = threading.Timer(
        0.5,
        write_plan,
        (kamailio, program(DID, group(30, [entry(40, 5, 0, 2), entry(41, 7, 1, 1)]), revision=10)),
    )
    before = time.time()
    later.start()

    result = trunk.call(DID)

    later.join()
    assert result["code"] == 480
    assert phones["102"].wait_for("CALL_INCOMING", after=before)
    assert phones["103"].times("CALL_INCOMING", after=before) == []


# ------------------------------------------------------------------ devices calling
def test_when_a_device_dials_an_extension_then_callee_sees_name_and_internal_number(
    kamailio, phones, trunk
):
    write_plan(kamailio, program("ext:102", method(50, 6), revision=11))
    mike, sarah = phones["101"], phones["102"]
    sarah.answer_after = 0.3
    before = time.time()

    mike.send("dial", "102")

    assert sarah.wait_for("CALL_ESTABLISHED", after=before)
    mike.wait_for("CALL_ESTABLISHED", after=before)
    mike.send("hangup")
    sarah.wait_for("CALL_CLOSED", after=before)
    log = sarah.sip_log()
    assert 'From: "Mike Brown" <sip:101@127.0.0.1>' in log
    assert 'P-Asserted-Identity: "Mike Brown" <sip:101@127.0.0.1>' in log
    assert "X-Callflow-Route: ext:102;revision=11" in log


def test_when_outbound_is_off_then_403(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1)])))
    sarah = phones["102"]
    before = time.time()

    sarah.send("dial", "0174448746")

    sarah.wait_for("CALL_CLOSED", after=before)
    assert "403 Outbound calling disabled" in sarah.sip_log()


def test_when_a_device_dials_out_then_dialing_rule_and_external_caller_id_apply(
    kamailio, phones, trunk, tmp_path
):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1)])))
    carrier = trunk.answer_outbound(8)
    time.sleep(0.3)  # SIPp binds its port
    mike = phones["101"]
    before = time.time()
    try:
        mike.send("dial", "0174448746")
        mike.wait_for("CALL_ESTABLISHED", after=before)
        mike.send("hangup")
        mike.wait_for("CALL_CLOSED", after=before)
    finally:
        carrier.terminate()
        carrier.wait()
    assert_mikes_dialing_rule_call_reached_the_trunk(
        trunk_messages(tmp_path), kamailio.trunk_uas_port
    )


def test_when_a_line_is_not_in_any_plan_then_it_cannot_register(kamailio, ports, tmp_path):
    from tests.sip.agents import Device

    stranger = Device(tmp_path, ports, kamailio.port, "999", "whatever")
    try:
        with pytest.raises(AssertionError, match="did not register"):
            stranger.wait_registered(timeout=2)
    finally:
        stranger.stop()
    assert "403 Not a device line in the plan" in stranger.sip_log()


def test_when_an_entry_has_nothing_to_ring_then_it_still_lasts_its_duration(
    kamailio, phones, trunk
):
    devices = {**DEVICES, "7": {**DEVICES["7"], "lines": []}}  # Omar's device has no line
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 1), entry(41, 7, 0, 2)])), devices)

    result = trunk.call(DID)

    t0 = started(kamailio, result)
    ended = kamailio.call_events(result["call_id"])[-1]
    assert (result["code"], ended["cause"]) == (480, "no_answer")
    assert near(ended["at"] - t0, 2)


def test_when_forward_shows_the_account_number_then_trunk_gets_it(
    kamailio, phones, trunk, tmp_path
):
    forward = {
        "object": 30,
        "type": "forward",
        "number": "+14155550199",
        "caller_id": "account",
        "caller_id_number": "+14155550100",
    }
    write_plan(kamailio, program("+14155550111", forward, revision=12))
    carrier = trunk.answer_outbound(8)
    time.sleep(0.3)  # SIPp binds its port
    try:
        result = trunk.call("+14155550111", hold_ms=300)
    finally:
        carrier.terminate()
        carrier.wait()

    assert result["code"] == 200
    seen = (tmp_path / "trunk_uas_messages.log").read_text(errors="replace")
    assert f"INVITE sip:14155550199@127.0.0.1:{kamailio.trunk_uas_port} SIP/2.0" in seen
    assert "P-Asserted-Identity: <sip:+14155550100@127.0.0.1>" in seen
    assert re.search(r"^From: +<sip:\+14155550100@127\.0\.0\.1>", seen, re.M)
    assert "X-Callflow-Route: +14155550111;revision=12" in seen


# ------------------------------------------------------------------ declines
def test_when_one_member_declines_then_only_its_ring_ends(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 3), entry(41, 6, 0, 3)])))
    phones["101"].decline_after = 0.5
    before = time.time()

    result = trunk.call(DID)

    t0 = started(kamailio, result)
    assert result["code"] == 480
    assert near(phones["101"].wait_for("CALL_CLOSED", after=before) - t0, 0.5)
    assert near(phones["102"].wait_for("CALL_CLOSED", after=before) - t0, 3)
    assert "SIP/2.0 486" in phones["101"].sip_log()
    ended = kamailio.call_events(result["call_id"])[-1]
    assert (ended["cause"], ended["sip_code"]) == ("no_answer", 480)
    assert near(ended["at"] - t0, 3)


def test_when_every_member_declines_then_the_no_answer_exit_follows_at_once(
    kamailio, phones, trunk
):
    plan = program(
        DID,
        group(30, [entry(40, 5, 0, 3), entry(41, 6, 0, 3)], no_answer="n50"),
        ("n50", method(50, 7)),
    )
    write_plan(kamailio, plan)
    phones["101"].decline_after = phones["102"].decline_after = 0.5
    phones["103"].answer_after = 0.3
    before = time.time()

    result = trunk.call(DID, hold_ms=300)

    t0 = started(kamailio, result)
    assert result["code"] == 200
    assert near(phones["103"].wait_for("CALL_INCOMING", after=before) - t0, 0.5)


def test_when_every_member_declines_and_no_exit_is_cabled_then_480_at_once(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 3), entry(41, 6, 0, 3)])))
    phones["101"].decline_after, phones["102"].decline_after = 0.3, 0.6

    result = trunk.call(DID)

    t0 = started(kamailio, result)
    ended = kamailio.call_events(result["call_id"])[-1]
    assert (result["code"], ended["cause"], ended["sip_code"]) == (480, "no_answer", 480)
    assert near(ended["at"] - t0, 0.6)


def test_when_a_member_declines_then_one_still_to_start_rings_on_time(kamailio, phones, trunk):
    write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 3), entry(41, 6, 2, 1)])))
    phones["101"].decline_after = 0.2
    before = time.time()

    result = trunk.call(DID)

    t0 = started(kamailio, result)
    assert result["code"] == 480
    assert near(phones["102"].wait_for("CALL_INCOMING", after=before) - t0, 2)
    assert near(kamailio.call_events(result["call_id"])[-1]["at"] - t0, 3)


def test_when_one_device_of_a_member_answers_603_then_all_its_devices_stop(kamailio, phones, trunk):
    """RFC 3261's 6xx declines everywhere: Mike's baresip stops with his browser's 603, while
    Sarah (another member) rings on; the member declined, the group did not."""
    import threading

    from tests.sip.test_webrtc import WEB_DEVICE, WEB_DEVICES, WEB_PASSWORD, WEB_USER
    from tests.sip.wsclient import WsPhone, status

    mikes = {**entry(40, 5, 0, 3), "devices": [5, WEB_DEVICE]}
    write_plan(kamailio, program(DID, group(30, [mikes, entry(41, 6, 0, 3)])), WEB_DEVICES)
    browser = WsPhone(kamailio.settings["ws_port"], WEB_USER, WEB_PASSWORD)
    try:
        assert status(browser.register()) == 200
        result: dict = {}
        before = time.time()
        caller = threading.Thread(target=lambda: result.update(trunk.call(DID)))
        caller.start()
        invite = browser.wait_invite(timeout=20)
        time.sleep(0.5)
        browser.respond(invite, 603, "Decline")
        caller.join(60)
    finally:
        browser.close()

    t0 = started(kamailio, result)
    assert result["code"] == 480
    assert near(phones["101"].wait_for("CALL_CLOSED", after=before) - t0, 0.5)
    assert near(phones["102"].wait_for("CALL_CLOSED", after=before) - t0, 3)
