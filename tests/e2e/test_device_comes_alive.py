"""Issue "Devices come alive", end to end: the wizard, the mailed code, a real device client.

In Chromium the admin sets up Mike Brown with the wizard and sends his activation
instructions to a real SMTP server; the code is taken from the received mail and
`workspace device-sim` (the real client, a separate process) activates with it. The Devices
page shows him online without a reload. His external caller ID changes: the portal shows
"Pending update" while the simulator is paused, and once it runs again it hears
config.changed, refetches, and the sub-status clears, live.
"""

from __future__ import annotations

import re
import signal

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_contact_center_flow import (
    API,
    _api_post,
    _log_in,
    _notification,
    _register_and_confirm,
)
from tests.sim_process import Sim

pytestmark = pytest.mark.e2e

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def _turn_on_the_wizard(page: Page) -> None:
    """Off by default (as the guide says): the Contacts page points to the setting."""
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_role("link", name="Enable the setup wizard").first.click()
    account = page.get_by_role("region", name="Account")
    account.get_by_label("Setup using Wizard").check()
    account.get_by_role("button", name="Save").click()
    expect(_notification(page, "Account settings saved")).to_be_visible()


def _run_wizard(page: Page) -> None:
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_role("link", name="Set up with wizard").first.click()
    page.get_by_label("First name").fill("Mike")
    page.get_by_label("Last name").fill("Brown")
    page.get_by_role("textbox", name=re.compile("Email address")).first.fill(
        "mike.brown@example.com"
    )
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Add new", exact=True).click()
    page.get_by_label("New internal number").fill("101")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("New phone number").fill("+1 415 555 0100")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("New tab name").fill("Sales")
    page.get_by_label("Device name").fill("Mike's phone")
    sip_accounts = page.get_by_role("textbox", name="SIP accounts")
    sip_accounts.or_(page.get_by_role("combobox", name="SIP accounts")).first.click()
    option = page.get_by_role("option", name=re.compile("Reception line"))
    expect(option).to_be_visible()
    option.click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Mike's phone on Reception line")).to_be_visible()
    page.get_by_role("button", name="Create and publish").click()
    expect(page).to_have_url(re.compile(r"/devices/\d+/activation$"))


def test_when_mike_is_set_up_and_activated_then_his_device_follows_changes_live(
    page, live_server, mailbox
):
    base = live_server
    _register_and_confirm(page, base, mailbox)
    _log_in(page, base)
    provider = _api_post(page, base, "/providers", {"name": "Acme", "server": "sip.acme.example"})
    for name, username in (("Reception line", "1001"), ("Sales line", "1002")):
        _api_post(
            page,
            base,
            "/sip-accounts",
            {"provider_id": provider["id"], "friendly_name": name, "username": username},
        )

    _turn_on_the_wizard(page)
    _run_wizard(page)
    support = _api_post(page, base, "/numbers/phone", {"number": "+14155550199"})
    device_id = int(re.search(r"/devices/(\d+)/activation", page.url).group(1))
    page.get_by_role("button", name="Send instructions").click()
    expect(_notification(page, "Instructions sent")).to_be_visible()
    mail = mailbox.text_of(mailbox.wait_for("mike.brown@example.com"))
    code = CODE.search(mail).group(0)
    shot(page, "alive-1-instructions-sent")

    page.goto(f"{base}/devices")
    row = page.get_by_role("row", name=re.compile("Mike's phone"))
    expect(row).to_contain_text("Not activated")
    expect(row).to_contain_text("Instructions sent")
    page.wait_for_timeout(500)  # the page's socket connects after it renders

    sim = Sim("--server", base, "--code", code, "--heartbeat", "1")
    try:
        sim.wait_for(f"[device-sim] activated device {device_id}")
        sim.wait_for("[device-sim] connected to /device")
        expect(row).to_contain_text("Online")  # no reload: device.status over the socket
        expect(row).not_to_contain_text("Instructions sent")
        shot(page, "alive-2-online")

        # Paused, the device cannot fetch: the portal shows the pending update.
        sim.proc.send_signal(signal.SIGSTOP)
        path = f"{API}/contacts/{_contact_id(page, base)}/call-center"
        etag = page.request.get(f"{base}{path}").headers["etag"]
        me = page.request.get(f"{base}{API}/auth/me").json()
        changed = page.request.patch(
            f"{base}{path}",
            data={"external_caller_id": support["id"]},
            headers={"If-Match": etag, "X-CSRF-Token": me["csrf_token"]},
        )
        assert changed.ok, changed.text()
        expect(row).to_contain_text("Pending update")
        shot(page, "alive-3-pending-update")

        sim.proc.send_signal(signal.SIGCONT)
        sim.wait_for("[device-sim] config.changed received")
        fetched = sim.wait_for("[device-sim] fetched config etag=")
        assert "caller_id.external +14155550100 -> +14155550199" in fetched
        expect(row).not_to_contain_text("Pending update")
        expect(row).to_contain_text("Online")
        shot(page, "alive-4-updated")
        assert not any("Traceback" in line for line in sim.lines)
    finally:
        sim.proc.send_signal(signal.SIGCONT)
        sim.stop()


def _contact_id(page: Page, base: str) -> int:
    contacts = page.request.get(f"{base}{API}/contacts").json()["items"]
    return next(c["id"] for c in contacts if c["full_name"] == "Mike Brown")
