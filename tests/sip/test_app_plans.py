"""The app writes the plan files; Kamailio routes by them with the app gone.

The demo account is created in a real app (SQLite), which publishes its call flow; the
device-config recompute writes ``<SIP_DIR>/plans/<account>.json``. Then the app is disposed
of, and a Kamailio on that folder registers a baresip device with the demo's line password
(checked against the HA1 in the file) and routes a SIPp call to the demo's main number.
A device added after the publish (no publish since) registers and calls out through the
trunk from the same kind of folder.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest

from tests.conftest import base_config
from tests.sip.agents import (
    Device,
    Kamailio,
    Sipp,
    assert_mikes_dialing_rule_call_reached_the_trunk,
    trunk_messages,
)
from workspace import create_app
from workspace.calls.schemas import EventBatchSchema
from workspace.device_api.recompute import config_recompute
from workspace.extensions import db

DEMO_PASSWORD = "demo-secret-1"  # workspace/demo_tour.py, Mike's line 101
DESK_PASSWORD = "desk-secret-4"  # line 104 of the desk phone added after the publish


def demo_sip_folder(tmp_path, then: Callable[[int], object] | None = None):
    """The SIP folder an app wrote for the demo account, after ``then(account id)`` (saves
    made after the demo's publish, in the app's context); the app no longer exists."""
    sip_dir = tmp_path / "sip"
    config = base_config(f"sqlite:///{tmp_path / 'app.db'}", tmp_path)
    app = create_app({**config, "SIP_DIR": str(sip_dir), "SIP_DOMAIN": "127.0.0.1"})
    with app.app_context():
        db.create_all()
        from workspace.demo import create_demo_account

        account_id = create_demo_account().account_id
        db.session.commit()
        if then is not None:
            then(account_id)
        db.session.remove()  # SQLite: release the write lock the recompute thread needs
        assert config_recompute(app).wait_idle()
        db.engine.dispose()
    return sip_dir, account_id


@pytest.fixture()
def demo_sip_dir(tmp_path):
    return demo_sip_folder(tmp_path)


def test_when_demo_published_then_plan_file_has_ha1_and_no_password(demo_sip_dir):
    sip_dir, account_id = demo_sip_dir

    plan = json.loads((sip_dir / "plans" / f"{account_id}.json").read_text())

    lines = [line for device in plan["devices"].values() for line in device["lines"]]
    assert [line["username"] for line in lines] == ["101", "102", "103"]
    assert all(len(line["ha1"]) == 32 and "password" not in line for line in lines)
    assert plan["routes"]["+14155550100"] and plan["revision"] >= 1
    for path in sip_dir.rglob("*"):
        if path.is_file():
            assert "demo-secret" not in path.read_text(errors="replace"), path


def test_when_app_is_gone_then_kamailio_still_routes_the_published_flow(
    demo_sip_dir, ports, tmp_path
):
    sip_dir, account_id = demo_sip_dir
    plan = json.loads((sip_dir / "plans" / f"{account_id}.json").read_text())
    server = Kamailio(sip_dir, ports).start()
    phone = None
    try:
        phone = Device(tmp_path, ports, server.port, "101", DEMO_PASSWORD, answer_after=0.3)
        phone.wait_registered()
        before = time.time()

        result = Sipp(server, tmp_path).call("+14155550100", hold_ms=300)

        assert result["code"] == 200
        assert phone.wait_for("CALL_ESTABLISHED", after=before)
        route = f"X-Callflow-Route: +14155550100;revision={plan['revision']}"
        assert route in phone.sip_log()
        events = server.call_events(result["call_id"])
        assert events[0]["account"] == account_id
        assert [e["type"] for e in events if e["type"] == "answered"] == ["answered"]
        # Every event the real Kamailio wrote (the BYE's too) passes the app's ingestion:
        # a refused one once held back the whole spool.
        assert {e["type"] for e in events} >= {"start", "answered", "ended"}
        EventBatchSchema().load({"events": events})
    finally:
        if phone:
            phone.stop()
        server.stop()


def test_when_password_is_wrong_then_the_line_does_not_register(demo_sip_dir, ports, tmp_path):
    sip_dir, _ = demo_sip_dir
    server = Kamailio(sip_dir, ports).start()
    phone = Device(tmp_path, ports, server.port, "101", "not-the-password")
    try:
        with pytest.raises(AssertionError, match="did not register"):
            phone.wait_registered(timeout=3)
    finally:
        phone.stop()
        server.stop()


def add_desk_phone(account_id: int) -> None:
    """After the demo's publish: line 104 on the account's own PBX, on a new device of Mike
    (who calls out, dialing rule 017 -> 1, external caller ID the main line)."""
    from workspace.contact_center.contacts.models import Contact
    from workspace.contact_center.devices import schemas as device_schemas
    from workspace.contact_center.devices import service as devices
    from workspace.contact_center.providers import sip_schemas, sip_service
    from workspace.contact_center.providers.models import Provider

    pbx = db.session.execute(
        db.select(Provider.id).where(Provider.account_id == account_id, Provider.builtin)
    ).scalar_one()
    mike = db.session.execute(
        db.select(Contact.id).where(Contact.account_id == account_id, Contact.first_name == "Mike")
    ).scalar_one()
    line = sip_service.create_sip_account(
        account_id,
        sip_schemas.SipAccountCreateSchema().load(
            {
                "provider_id": pbx,
                "friendly_name": "Mike's desk",
                "username": "104",
                "password": DESK_PASSWORD,
                "display_name": "Mike Brown",
                "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
            }
        ),
    )
    devices.create_device(
        account_id,
        device_schemas.DeviceCreateSchema().load(
            {"contact_id": mike, "name": "Mike's desk phone", "sip_account_ids": [line.id]}
        ),
    )


def test_when_a_device_is_added_after_the_publish_then_it_registers_and_calls_out_at_once(
    ports, tmp_path
):
    sip_dir, account_id = demo_sip_folder(tmp_path, add_desk_phone)
    plan = json.loads((sip_dir / "plans" / f"{account_id}.json").read_text())
    (desk,) = [d for d in plan["other_devices"].values() if d["name"] == "Mike's desk phone"]
    assert [line["username"] for line in desk["lines"]] == ["104"]  # no publish since: not in
    assert all(line["username"] != "104" for d in plan["devices"].values() for line in d["lines"])
    server = Kamailio(sip_dir, ports).start()
    phone = carrier = None
    try:
        phone = Device(tmp_path, ports, server.port, "104", DESK_PASSWORD)
        phone.wait_registered()
        carrier = Sipp(server, tmp_path).answer_outbound(8)
        time.sleep(0.3)  # SIPp binds its port
        before = time.time()

        phone.send("dial", "0174448746")

        phone.wait_for("CALL_ESTABLISHED", after=before)
        phone.send("hangup")
        phone.wait_for("CALL_CLOSED", after=before)
    finally:
        if carrier:
            carrier.terminate()
            carrier.wait()
        if phone:
            phone.stop()
        server.stop()
    assert_mikes_dialing_rule_call_reached_the_trunk(
        trunk_messages(tmp_path), server.trunk_uas_port
    )
