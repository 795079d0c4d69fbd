"""Issue #14, the first acceptance check: two browser phones call each other through Kamailio.

A real Kamailio (rendered by the product, as the sip tests run it) and a demo server that
writes its plan files into Kamailio's folder; call events go to the app as ``workspace sip
run`` sends them (its EventForwarder). In Chromium with fake media devices, Mike's and
Sarah's devices are each activated from their activation page ("Use this browser as a
phone") in a browser context of their own. Mike dials Sarah's extension; she sees his caller
ID and the route, answers; both phones count RTP bytes received; Mike hangs up; both
histories and the Calls page show the call; while it rings, an admin's canvas shows it
live and lights Sarah's contact method. Then Sarah's activation is reset in the portal
and her phone unregisters and says "Not activated".

Marked ``sip``: on CI (CI=true) a missing Kamailio fails it, elsewhere it is skipped.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    ConnectGate,
    chromium_path,
    shot,
    wait_for_js,
    wait_in_page,
)
from tests.servers import prepare_instance, running_server, server_env
from tests.sip.agents import Device, Kamailio, PortBlock, TurnServer
from tests.sip.test_webrtc import contacts, wait_until
from tests.support import ON_CI
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD
from workspace.sip.supervisor import EventForwarder, RtpEngine

pytestmark = [pytest.mark.e2e, pytest.mark.sip]

API = "/api/v1"
EVENTS_TOKEN = "web-phone-e2e-events-token"
MEDIA_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
WAIT = 30_000


def _require(*binaries: str) -> None:
    missing = [b for b in binaries if not shutil.which(b)]
    if not missing and chromium_path():
        return
    text = f"the web phone e2e test needs {', '.join(missing) or 'chromium'}"
    if ON_CI:
        pytest.fail(text + " (make system-packages installs it)")
    pytest.skip(text)


@pytest.fixture
def sip_and_app(tmp_path):
    """Kamailio and rtpengine on their own ports (as `workspace sip run` starts them), the demo
    app writing its plans, events forwarded."""
    with _sip_and_app(tmp_path) as (base, kamailio):
        yield base, kamailio


@pytest.fixture
def sip_app_and_turn(tmp_path):
    """As sip_and_app, with a TURN server (coturn) the app names to its browser phones."""
    _require("turnserver")
    folder = tmp_path / "turn"
    folder.mkdir()
    ports = PortBlock()
    turn = TurnServer(folder, ports).start()
    try:
        env = {
            "WORKSPACE_ICE_SERVERS": turn.url,
            "WORKSPACE_TURN_SECRET": TurnServer.SECRET,
            # Only the relay: its media must cross the TURN server (Chromium gathers no relay
            # candidate from a TURN server on loopback otherwise).
            "WORKSPACE_ICE_TRANSPORT_POLICY": "relay",
        }
        with _sip_and_app(tmp_path, **env) as (base, kamailio):
            yield base, kamailio, turn
    finally:
        turn.stop()


@contextmanager
def _sip_and_app(tmp_path, **extra_env: str) -> Iterator[tuple[str, Kamailio]]:
    _require("kamailio", "rtpengine", "baresip")
    sip_dir = tmp_path / "sip"
    sip_dir.mkdir()
    ports = PortBlock()
    rtp = ports.take(40)
    media = {"rtpengine": True, "rtpengine_ng_port": ports.take(), "rtp_ports": f"{rtp}-{rtp + 39}"}
    engine = RtpEngine({"host": "127.0.0.1", "dir": str(sip_dir), **media})
    kamailio = Kamailio(sip_dir, ports, **media)
    kamailio.ports = ports  # for the baresip devices of a test
    env = server_env(
        tmp_path,
        WORKSPACE_SIP_DIR=str(sip_dir),
        WORKSPACE_SIP_DOMAIN="127.0.0.1",
        WORKSPACE_SIP_HOST="127.0.0.1",
        WORKSPACE_SIP_PORT=str(kamailio.port),
        WORKSPACE_SIP_WS_PORT=str(kamailio.settings["ws_port"]),
        WORKSPACE_SIP_EVENTS_TOKEN=EVENTS_TOKEN,
        **extra_env,
    )
    prepare_instance(tmp_path, env)
    engine.start()
    kamailio.start()
    forwarder = None
    try:
        with running_server(tmp_path, env, demo=True) as base:
            forwarder = EventForwarder(
                kamailio.events_dir, f"{base}/sip/v1/events", EVENTS_TOKEN, poll=0.3
            )
            forwarder.start()
            yield base, kamailio
    finally:
        if forwarder:
            forwarder.stop()
        kamailio.stop()
        engine.stop()


@pytest.fixture
def media_browser(browser):
    """A second Chromium with fake media devices, from the session's Playwright (a second
    sync_playwright() inside the running one is refused)."""
    media = browser.browser_type.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS + MEDIA_ARGS
    )
    yield media
    media.close()


def _phone_page(browser, base: str) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    expect.set_options(timeout=WAIT)
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_role("textbox", name="Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/workspace"))
    return page


def _csrf(page: Page, base: str) -> dict:
    return {"X-CSRF-Token": page.request.get(f"{base}{API}/auth/me").json()["csrf_token"]}


def _device_of(page: Page, base: str, contact: str) -> dict:
    devices = page.request.get(f"{base}{API}/devices?per_page=100").json()["items"]
    return next(d for d in devices if d["contact"]["name"] == contact)


def _reset(page: Page, base: str, device: dict) -> None:
    """A fresh code, shown on the activation page (the demo's codes are used or sent)."""
    version = page.request.get(f"{base}{API}/devices/{device['id']}").json()["version"]
    answer = page.request.post(
        f"{base}{API}/devices/{device['id']}/activation/reset",
        headers={**_csrf(page, base), "If-Match": f'"{version}"'},
    )
    assert answer.ok, answer.text()


def _use_as_phone(page: Page, base: str, device: dict, line: str) -> None:
    page.goto(f"{base}/devices/{device['id']}/activation")
    page.get_by_role("button", name="Use this browser as a phone").click()
    panel = page.get_by_role("dialog", name="Web phone")
    expect(panel.get_by_role("listitem", name=f"Line {line}: Registered")).to_be_visible()


def _mike_on_a_browser_phone(browser, base: str) -> Page:
    """Mike's device (line 101), freshly reset and activated as this browser's phone."""
    mike = _phone_page(browser, base)
    device = _device_of(mike, base, "Mike Brown")
    _reset(mike, base, device)
    _use_as_phone(mike, base, device, "101")
    return mike


@contextmanager
def _sarah_calling(mike: Page, kamailio: Kamailio, tmp_path) -> Iterator[tuple[Device, Locator]]:
    """Sarah's desk phone (baresip, line 102) calls Mike's browser (101): yields the desk phone
    and the browser's ringing call, and stops the desk phone after."""
    sarah = Device(tmp_path, kamailio.ports, kamailio.port, "102", "demo-secret-2")
    try:
        sarah.wait_registered()
        sarah.send("dial", "101")
        panel = mike.get_by_role("dialog", name="Web phone")
        call = panel.get_by_role("region", name="Current call")
        expect(call.get_by_label("Caller")).to_have_text("Sarah Lee")
        yield sarah, call
    finally:
        sarah.stop()


def _wait_bytes_received(page: Page) -> int:
    stats = page.get_by_test_id("call-stats")
    wait_for_js(stats, "s => Number(s.dataset.bytesReceived || 0) > 0")
    return int(stats.get_attribute("data-bytes-received") or 0)


def test_when_mike_dials_sarahs_extension_then_both_browsers_talk_and_log_the_call(
    media_browser, sip_and_app
):
    base, _ = sip_and_app
    mike = _phone_page(media_browser, base)
    sarah = _phone_page(media_browser, base)
    watcher = _phone_page(media_browser, base)  # an admin on the canvas, not a phone
    mike_device = _device_of(mike, base, "Mike Brown")
    sarah_device = _device_of(mike, base, "Sarah Lee")
    _reset(mike, base, mike_device)
    _reset(mike, base, sarah_device)

    _use_as_phone(mike, base, mike_device, "101")
    _use_as_phone(sarah, base, sarah_device, "102")
    sarah.get_by_role("button", name="Close the web phone").click()
    shot(mike, "webphone-01-idle")

    mike_panel = mike.get_by_role("dialog", name="Web phone")
    mike_panel.get_by_label("Number or extension").fill("102")
    mike_panel.get_by_role("button", name="Call", exact=True).click()

    sarah_panel = sarah.get_by_role("dialog", name="Web phone")  # opens by itself when it rings
    call = sarah_panel.get_by_role("region", name="Current call")
    expect(call.get_by_label("Caller")).to_have_text("Mike Brown")
    expect(call.get_by_label("Route Extension 102")).to_be_visible()
    shot(sarah, "webphone-02-ringing")
    # Live on the canvas: the call is ringing, and Sarah's contact method lights up.
    live = watcher.get_by_role("status", name="Live call")
    expect(live).to_contain_text("Ringing")
    sarah_node = watcher.locator(".react-flow__node").filter(has_text="Sarah Lee")
    expect(sarah_node.locator(".object-card.lit").first).to_be_visible()
    shot(watcher, "webphone-02b-canvas-ringing")
    call.get_by_role("button", name="Answer").click()

    expect(mike_panel.get_by_label("Call time")).to_be_visible()
    sarah.wait_for_timeout(2000)  # two seconds of audio, as the check says
    assert _wait_bytes_received(mike) > 0
    assert _wait_bytes_received(sarah) > 0
    shot(mike, "webphone-03-in-call")

    mike_panel.get_by_role("button", name="Hang up").click()
    expect(call.get_by_text("The other side hung up")).to_be_visible()

    mike_panel.get_by_role("tab", name="History").click()
    expect(mike_panel.get_by_role("listitem", name="To 102, Answered")).to_be_visible()
    sarah_panel.get_by_role("tab", name="History").click()
    expect(sarah_panel.get_by_role("listitem", name="From Mike Brown, Answered")).to_be_visible()
    shot(sarah, "webphone-04-history")

    # The call log has the call from Kamailio's events: answered by Sarah, then ended.
    mike.goto(f"{base}/calls")
    row = mike.get_by_role("row", name=re.compile("Call from 101")).filter(has_text="Ext. 102")
    expect(row.first).to_contain_text("Sarah Lee")
    expect(row.first).to_contain_text("Answered")

    mike.goto(f"{base}/devices")
    expect(mike.get_by_role("row").filter(has_text="Web phone").first).to_be_visible()

    # Reset in the portal: Sarah's browser unregisters and says so.
    _reset(mike, base, sarah_device)
    expect(sarah_panel.get_by_text("Not activated")).to_be_visible()
    shot(sarah, "webphone-05-not-activated")


def test_when_a_baresip_calls_a_browser_then_media_crosses_rtpengine_and_a_closed_tab_is_skipped(
    media_browser, sip_and_app, tmp_path
):
    """Acceptance 2 and 3 of #14: a plain-RTP phone (baresip, Sarah's line 102) calls the
    browser phone (Mike, 101); the browser answers; audio flows both ways through rtpengine
    (the browser counts bytes, baresip logs RTP from an rtpengine port). Then Mike closes his
    tab: his registration goes with the WebSocket, and a call to 101 no longer rings him."""
    base, kamailio = sip_and_app
    mike = _mike_on_a_browser_phone(media_browser, base)
    with _sarah_calling(mike, kamailio, tmp_path) as (sarah, call):
        call.get_by_role("button", name="Answer").click()
        sarah.wait_for("CALL_ESTABLISHED", timeout=15)
        mike.wait_for_timeout(2000)  # two seconds of audio
        assert _wait_bytes_received(mike) > 0
        low, high = kamailio.settings["rtp_ports"].split("-")
        heard = re.search(
            r"incoming rtp for 'audio' established, receiving from [\d.]+:(\d+)",
            (sarah.home / "baresip.log").read_text(errors="replace"),
        )
        assert heard, "baresip received no RTP"
        assert int(low) <= int(heard[1]) <= int(high), "the browser's audio did not cross rtpengine"
        shot(mike, "webphone-06-baresip-in-call")
        call.get_by_role("button", name="Hang up").click()
        sarah.wait_for("CALL_CLOSED", timeout=15)

        # The tab closes: the WebSocket goes, and the registration with it.
        assert contacts(kamailio, "101")
        mike.context.close()
        wait_until(lambda: not contacts(kamailio, "101"), what="101 unregistered")
        before = time.time()
        sarah.send("dial", "101")
        sarah.wait_for("CALL_CLOSED", timeout=15, after=before)  # the ring cap is 30 s
        later = [e for e in kamailio.events() if e["at"] >= before]
        assert [e for e in later if e["type"] == "ringing"] == []
        assert [(e["cause"], e["sip_code"]) for e in later if e["type"] == "ended"] == [
            ("no_answer", 480)
        ]


def test_when_media_must_go_through_turn_then_the_browser_relays_it_as_its_own_device(
    media_browser, sip_app_and_turn, tmp_path
):
    """WORKSPACE_ICE_SERVERS, WORKSPACE_TURN_SECRET and WORKSPACE_ICE_TRANSPORT_POLICY=relay
    reach the browser phone: answering a call, its peer connection allocates at the real TURN
    server (coturn), which grants it to the device's own expiring username (``<expiry>:<device
    id>``, checked against the shared secret), and the call's audio, which may take no other
    path, flows."""
    base, kamailio, turn = sip_app_and_turn
    mike = _mike_on_a_browser_phone(media_browser, base)
    device = _device_of(mike, base, "Mike Brown")
    with _sarah_calling(mike, kamailio, tmp_path) as (sarah, call):
        started = time.time()
        call.get_by_role("button", name="Answer").click()
        sarah.wait_for("CALL_ESTABLISHED", timeout=15)
        assert _wait_bytes_received(mike) > 0
        wait_until(lambda: turn.allocations(), what="an allocation at the TURN server")
        expiry, _, user = turn.allocations()[0].partition(":")
        assert user == str(device["id"])
        assert started + 3000 < int(expiry) <= time.time() + 86400  # WORKSPACE_TURN_TTL's default
        call.get_by_role("button", name="Hang up").click()
        sarah.wait_for("CALL_CLOSED", timeout=15)


@pytest.fixture
def browser_without_microphone(browser):
    """A Chromium that has a (fake) microphone but no one to allow it: without the fake
    permission UI, headless Chromium refuses every request for the microphone."""
    refusing = browser.browser_type.launch(
        executable_path=chromium_path(), args=[*CHROMIUM_ARGS, "--use-fake-device-for-media-stream"]
    )
    yield refusing
    refusing.close()


def test_when_the_microphone_is_refused_then_the_phone_says_how_to_allow_it_and_rings_on(
    browser_without_microphone, sip_and_app, tmp_path
):
    base, kamailio = sip_and_app
    mike = _mike_on_a_browser_phone(browser_without_microphone, base)
    panel = mike.get_by_role("dialog", name="Web phone")
    blocked = panel.get_by_text("Microphone access is blocked")

    # Dialling out: the phone says what to do, and no call starts.
    panel.get_by_label("Number or extension").fill("102")
    panel.get_by_role("button", name="Call", exact=True).click()
    expect(blocked).to_be_visible()
    expect(panel.get_by_role("region", name="Current call")).to_have_count(0)
    expect(panel.get_by_label("Number or extension")).to_have_value("102")  # to try again
    shot(mike, "webphone-07-microphone-blocked")

    # A call coming in: answering fails the same way, and the call rings on until declined.
    with _sarah_calling(mike, kamailio, tmp_path) as (sarah, call):
        call.get_by_role("button", name="Answer").click()
        expect(blocked).to_be_visible()
        expect(call.get_by_role("button", name="Answer")).to_be_visible()  # still ringing
        assert sarah.times("CALL_ESTABLISHED") == []
        call.get_by_role("button", name="Decline").click()
        sarah.wait_for("CALL_CLOSED", timeout=15)


def test_when_the_browser_holds_a_call_then_the_far_end_stops_sending_until_it_resumes(
    media_browser, sip_and_app, tmp_path
):
    """Hold is a re-INVITE (sendonly) through Kamailio and rtpengine: a plain-RTP phone that
    honours it goes quiet, so the browser's received bytes stand still, and move again once
    it resumes."""
    base, kamailio = sip_and_app
    mike = _mike_on_a_browser_phone(media_browser, base)
    with _sarah_calling(mike, kamailio, tmp_path) as (sarah, call):
        call.get_by_role("button", name="Answer").click()
        sarah.wait_for("CALL_ESTABLISHED", timeout=15)
        assert _wait_bytes_received(mike) > 0

        call.get_by_role("button", name="Hold").click()
        expect(call.get_by_text("On hold")).to_be_visible()
        shot(mike, "webphone-08-on-hold")
        mike.wait_for_timeout(1500)  # what was in flight has arrived
        held, sent = _bytes(mike, "received"), _bytes(mike, "sent")
        mike.wait_for_timeout(2500)
        assert _bytes(mike, "received") == held, "the far end kept sending while on hold"
        assert _bytes(mike, "sent") > sent  # the counters still move: the browser sends on

        call.get_by_role("button", name="Resume").click()
        expect(call.get_by_text("On hold")).to_have_count(0)
        stats = mike.get_by_test_id("call-stats")
        wait_for_js(stats, f"s => Number(s.dataset.bytesReceived || 0) > {held}")
        call.get_by_role("button", name="Hang up").click()
        sarah.wait_for("CALL_CLOSED", timeout=15)


def _bytes(page: Page, way: str) -> int:
    """Bytes of RTP the browser has ``received`` or ``sent`` in the call, as its stats say."""
    return int(page.get_by_test_id("call-stats").get_attribute(f"data-bytes-{way}") or 0)


def test_when_the_device_changes_while_the_phone_connects_then_the_phone_follows(
    browser, sip_and_app
):
    """The phone fetches its config, then its /device socket joins the device's room: a change
    saved between the two was announced to nobody. Here the socket's join is held back until
    a rename has been announced; the phone asks for its config on connecting and follows."""
    base, _ = sip_and_app
    mike = _phone_page(browser, base)
    device = _device_of(mike, base, "Mike Brown")
    _reset(mike, base, device)
    gate = ConnectGate(mike, "/device")  # from the next page on
    _use_as_phone(mike, base, device, "101")
    panel = mike.get_by_role("dialog", name="Web phone")
    expect(panel).to_contain_text(device["name"])
    wait_in_page(mike, lambda: gate.held, "the phone's /device connect")

    _rename(mike, base, device, "Mike's browser")

    def pending() -> bool:  # the recompute ran and announced the change (to an empty room)
        answer = mike.request.get(f"{base}{API}/devices/{device['id']}").json()
        return "pending_update" in str(answer)

    wait_in_page(mike, pending, "the portal's pending update")
    gate.release()
    expect(panel).to_contain_text("Mike's browser")

    # Connected now: the next change arrives as config.changed, without a reload.
    _rename(mike, base, device, "Mike's laptop")
    expect(panel).to_contain_text("Mike's laptop")
    expect(panel.get_by_role("listitem", name="Line 101: Registered")).to_be_visible()


def _rename(page: Page, base: str, device: dict, name: str) -> None:
    version = page.request.get(f"{base}{API}/devices/{device['id']}").json()["version"]
    renamed = page.request.patch(
        f"{base}{API}/devices/{device['id']}",
        data={"name": name},
        headers={**_csrf(page, base), "If-Match": f'"{version}"'},
    )
    assert renamed.ok, renamed.text()
