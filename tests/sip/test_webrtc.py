"""Browser phones at SIP level: a SIP-over-WebSocket line (tests/sip/wsclient.py speaks what
JsSIP sends) against the product's Kamailio with rtpengine beside it, and a baresip device.

- a WS contact goes when its WebSocket closes (not at expiry), and calls skip it at once;
- rtpengine bridges a WebRTC offer (DTLS-SRTP, ICE, rtcp-mux) to a plain-RTP device and back,
  and a plain-RTP trunk to a browser and back.
Real media bytes in a browser are the webphone e2e's business."""

from __future__ import annotations

import re
import subprocess
import threading
import time

import pytest

from tests.sip.agents import Device, Kamailio, Sipp
from tests.sip.conftest import _require_binaries
from tests.sip.plans import DEVICES, PASSWORDS, REALM, method, program, write_plan
from tests.sip.wsclient import WEBRTC_SDP, WsPhone, body, header, status
from tests.support import ON_CI
from workspace.sip.plan_files import ha1
from workspace.sip.supervisor import RtpEngine, rtpengine_binary

WEB_USER, WEB_PASSWORD, WEB_DEVICE = "104", "pw-web-104", 8
DID = "+14155550100"
WEB_DEVICES = {
    **DEVICES,
    str(WEB_DEVICE): {
        "name": "Web phone",
        "contact": 12,
        "lines": [
            {
                "sip_account": 5,
                "username": WEB_USER,
                "auth_username": None,
                "display_name": None,
                "dialing_rules": [],
                "ha1": ha1(WEB_USER, REALM, WEB_PASSWORD),
            }
        ],
        "caller_id": {"name": "Web Phone", "internal": WEB_USER, "external": None},
    },
}


def web_method(obj: int) -> dict:
    return {
        "object": obj,
        "type": "contact_method",
        "contact_method": 47,
        "contact": 12,
        "kind": "call_center",
        "devices": [WEB_DEVICE],
    }


@pytest.fixture(scope="module")
def media_server(ports, tmp_path_factory):
    """A Kamailio of its own with rtpengine started by the product's supervisor class."""
    _require_binaries()
    if rtpengine_binary() is None:
        text = "the webrtc sip tests need rtpengine (make system-packages: rtpengine-daemon)"
        if ON_CI:
            pytest.fail(text + "; on CI they may not be skipped.")
        pytest.skip(text)
    folder = tmp_path_factory.mktemp("sip-media")
    rtp = ports.take(30)
    settings = {
        "rtpengine": True,
        "rtpengine_ng_port": ports.take(),
        "rtp_ports": f"{rtp}-{rtp + 29}",
        "wss_port": ports.take(),
        **self_signed(folder),
    }
    engine = RtpEngine({"host": "127.0.0.1", "dir": str(folder), **settings})
    engine.start()
    server = Kamailio(folder, ports, **settings)
    try:
        server.start()
    except BaseException:
        engine.stop()
        raise
    server.rtp_range = (rtp, rtp + 29)
    write_plan(server, {}, WEB_DEVICES)
    yield server
    server.stop()
    engine.stop()


@pytest.fixture(scope="module")
def mike(media_server, ports, tmp_path_factory):
    """baresip line 101 (device 5) registered to the media server, answering at once."""
    device = Device(
        tmp_path_factory.mktemp("media-devices"), ports, media_server.port, "101", PASSWORDS["101"]
    )
    device.wait_registered()
    device.answer_after = 0.2
    yield device
    device.stop()


def self_signed(folder) -> dict:
    """A throwaway certificate for the WSS listener (openssl, as an admin would make one)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return {"tls_cert": str(cert), "tls_key": str(key)}


def contacts(server: Kamailio, user: str) -> list[str]:
    """The contacts usrloc holds for ``user`` (Kamailio's own RPC, ul.dump)."""
    done = subprocess.run(
        ["kamcmd", "-s", f"unix:{server.folder / 'run' / 'kamailio_ctl'}", "ul.dump"],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    found, current = [], None
    for line in done.stdout.splitlines():
        aor = re.search(r"AoR:\s*(\S+)", line)
        if aor:
            current = aor[1]
        address = re.search(r"Address:\s*(\S+)", line)
        if address and current == user:
            found.append(address[1])
    return found


def wait_until(condition, timeout: float = 15.0, what: str = "condition") -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.1)


def media_port(sdp: str) -> int:
    found = re.search(r"^m=audio (\d+) ", sdp, re.M)
    assert found, sdp
    return int(found[1])


# ------------------------------------------------------------------ errors first
def test_when_ws_register_has_a_wrong_password_then_403_or_401_and_nothing_registers(media_server):
    phone = WsPhone(media_server.settings["ws_port"], WEB_USER, "not-the-password")
    try:
        assert status(phone.register()) in (401, 403)
        assert contacts(media_server, WEB_USER) == []
    finally:
        phone.close()


# ------------------------------------------------------------------ unregister on close
def test_when_the_websocket_closes_then_the_contact_goes_and_a_call_skips_it(
    media_server, mike, tmp_path
):
    both = {
        **web_method(30),
        "devices": [WEB_DEVICE, 5],  # one entry ringing the browser and baresip 101 together
    }
    write_plan(media_server, program(DID, both), WEB_DEVICES)
    phone = WsPhone(media_server.settings["ws_port"], WEB_USER, WEB_PASSWORD)
    assert status(phone.register()) == 200
    wait_until(lambda: contacts(media_server, WEB_USER), what="ws contact in ul.dump")
    assert "transport=ws" in contacts(media_server, WEB_USER)[0]
    # registered: a DID call rings the browser too (the test can tell the two cases apart)
    trunk = Sipp(media_server, tmp_path)
    first: dict = {}
    caller = threading.Thread(target=lambda: first.update(trunk.call(DID, hold_ms=200)))
    caller.start()
    invite = phone.wait_invite(timeout=20)
    caller.join(60)
    assert first["code"] == 200 and header(invite, "Call-ID") == first["call_id"]
    # one entry, two kinds: decided per branch, the browser's INVITE alone went through rtpengine
    assert "UDP/TLS/RTP/SAVPF" in body(invite) and "a=fingerprint:" in body(invite)
    plain = re.split(r"\nSIP/2\.0 \d{3}", mike.sip_log().rsplit("\nINVITE sip:101", 1)[1])[0]
    low, high = media_server.rtp_range
    assert re.search(r"^m=audio \d+ RTP/AVP ", plain, re.M), plain
    assert not low <= media_port(plain) <= high, "plain to plain went through rtpengine"

    phone.close()

    wait_until(lambda: not contacts(media_server, WEB_USER), what="contact removed on close")
    before = time.time()
    second = trunk.call(DID, hold_ms=200)
    assert second["code"] == 200
    assert mike.wait_for("CALL_ESTABLISHED", after=before)
    ringing = [
        e["member"]["username"]
        for e in media_server.call_events(second["call_id"])
        if e["type"] == "ringing"
    ]
    assert ringing == ["101"], ringing
    assert f"sip:{WEB_USER}@127.0.0.1 unregistered" in media_server.log_text()


def test_when_a_browser_registers_over_wss_then_it_is_reachable_until_its_socket_closes(
    media_server, tmp_path
):
    write_plan(media_server, program(DID, web_method(30)), WEB_DEVICES)
    phone = WsPhone(media_server.settings["wss_port"], WEB_USER, WEB_PASSWORD, secure=True)
    try:
        assert status(phone.register()) == 200
        wait_until(lambda: contacts(media_server, WEB_USER), what="wss contact in ul.dump")
        assert "transport=ws" in contacts(media_server, WEB_USER)[0]  # ws or wss
        result: dict = {}
        trunk = Sipp(media_server, tmp_path)
        caller = threading.Thread(target=lambda: result.update(trunk.call(DID)))
        caller.start()
        invite = phone.wait_invite(timeout=20)  # the INVITE reached the browser over TLS
        phone.respond(invite, 486, "Busy Here")
        phone.wait(lambda t: t.startswith("ACK "), after=phone.messages.index(invite))
        caller.join(60)
        assert result["code"] is not None and result["code"] >= 400, result["code"]
    finally:
        phone.close()
    wait_until(lambda: not contacts(media_server, WEB_USER), what="contact removed on close")


# ------------------------------------------------------------------ media through rtpengine
def test_when_a_browser_calls_a_baresip_then_rtpengine_bridges_both_offers(media_server, mike):
    write_plan(media_server, program("ext:101", method(30, 5)), WEB_DEVICES)
    phone = WsPhone(media_server.settings["ws_port"], WEB_USER, WEB_PASSWORD)
    try:
        assert status(phone.register()) == 200
        before = time.time()

        answer = phone.invite("101", WEBRTC_SDP.format(port=40000))

        assert status(answer) == 200, answer
        phone.in_dialog("ACK", answer)
        mike.wait_for("CALL_ESTABLISHED", after=before)
        sdp = body(answer)
        low, high = media_server.rtp_range
        assert "UDP/TLS/RTP/SAVPF" in sdp and "a=fingerprint:" in sdp, sdp
        assert "a=ice-ufrag:" in sdp and "a=candidate:" in sdp and "a=rtcp-mux" in sdp, sdp
        assert low <= media_port(sdp) <= high, sdp
        # what baresip was offered: plain RTP on an rtpengine port, no WebRTC attributes
        offered = re.split(r"\nSIP/2\.0 \d{3}", mike.sip_log().rsplit("\nINVITE sip:101", 1)[1])[0]
        assert re.search(r"^m=audio \d+ RTP/AVP ", offered, re.M), offered
        assert "a=fingerprint" not in offered and "a=ice-" not in offered, offered
        assert "a=candidate" not in offered, offered
        assert low <= media_port(offered) <= high, offered
        assert status(phone.in_dialog("BYE", answer)) == 200
        mike.wait_for("CALL_CLOSED", after=before)
    finally:
        phone.close()


def test_when_the_trunk_calls_a_browser_then_it_gets_webrtc_and_the_trunk_plain_rtp(
    media_server, tmp_path
):
    write_plan(media_server, program(DID, web_method(30)), WEB_DEVICES)
    phone = WsPhone(media_server.settings["ws_port"], WEB_USER, WEB_PASSWORD)
    try:
        assert status(phone.register()) == 200
        trunk = Sipp(media_server, tmp_path)
        result: dict = {}
        caller = threading.Thread(target=lambda: result.update(trunk.call(DID, hold_ms=300)))
        caller.start()

        invite = phone.wait_invite(timeout=20)
        phone.respond(invite, 180, "Ringing")
        phone.respond(invite, 200, "OK", WEBRTC_SDP.format(port=40002))
        start = phone.messages.index(invite)
        phone.wait(lambda t: t.startswith("ACK "), after=start, timeout=20)
        bye = phone.wait(lambda t: t.startswith("BYE "), after=start, timeout=20)
        phone.respond(bye, 200, "OK")
        caller.join(60)

        offered = body(invite)
        low, high = media_server.rtp_range
        assert "UDP/TLS/RTP/SAVPF" in offered and "a=fingerprint:" in offered, offered
        assert "a=candidate:" in offered and low <= media_port(offered) <= high, offered
        assert result["code"] == 200
        answered = result["messages"].split("SIP/2.0 200 OK", 1)[1].split("\nACK ", 1)[0]
        assert re.search(r"^m=audio \d+ RTP/AVP ", answered, re.M), answered
        assert "a=fingerprint" not in answered and "a=ice-" not in answered, answered
    finally:
        phone.close()
