"""`device-sim --sip`: the device's line registers through baresip, answers after the chosen
delay, and the simulator prints the call's events."""

from __future__ import annotations

import time

from tests.sip.plans import PASSWORDS, method, program, write_plan
from workspace.device_sim.softphone import start_softphones


def test_when_line_has_no_password_then_it_is_reported_not_started(kamailio):
    printed: list[str] = []

    phones = start_softphones(
        {"lines": [{"username": "103", "server": "x"}]}, printed.append, None, None
    )

    assert phones == [] and printed == ["--sip: line 103: no provisioned password"]


def test_when_device_sim_sip_runs_then_its_line_registers_and_answers(kamailio, phones, trunk):
    write_plan(kamailio, program("+14155550100", method(50, 7)))
    printed: list[str] = []
    line = {
        "username": "103",
        "password": PASSWORDS["103"],
        "server": "127.0.0.1",
        "port": kamailio.port,
        "auth_username": None,
    }
    (softphone,) = start_softphones({"lines": [line]}, printed.append, 0.3, None)
    try:
        deadline = time.time() + 10
        while not any("REGISTER_OK" in p for p in printed) and time.time() < deadline:
            time.sleep(0.05)

        result = trunk.call("+14155550100", hold_ms=300)
    finally:
        softphone.stop()

    assert result["code"] == 200
    text = "\n".join(printed)
    assert "line 103: REGISTER_OK" in text
    assert "line 103: CALL_INCOMING sip:+4930555123@carrier.example" in text
    assert "line 103: CALL_ESTABLISHED" in text
