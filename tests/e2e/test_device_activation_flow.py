"""Device activation in the browser: the instructions page, sending them, resetting the code.

An admin adds a device to Mike Brown and lands on its Activation Instructions page (as the
guide says): the code in groups, its QR code, Click to Activate. Sending the instructions
mails the code to Mike's address and hides it; the Devices page shows the sub-status, live,
when another admin sends; a reset (confirmed) shows a new code. Screenshots go to
test-output/e2e/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_contact_center_flow import (
    API,
    _api_post,
    _choose,
    _log_in,
    _notification,
    _register_and_confirm,
)

pytestmark = pytest.mark.e2e

CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


def _shown_code(page: Page) -> str:
    group = page.get_by_role("group", name=re.compile("Activation code"))
    expect(group).to_be_visible()
    label = group.get_attribute("aria-label") or ""
    match = CODE.search(label)
    assert match, label
    return match.group(0)


def test_when_admin_adds_a_device_then_activation_page_sends_and_resets_its_code(
    page, live_server, mailbox
):
    base = live_server
    _register_and_confirm(page, base, mailbox)
    _log_in(page, base)
    provider = _api_post(page, base, "/providers", {"name": "Acme", "server": "sip.acme.example"})
    _api_post(
        page,
        base,
        "/sip-accounts",
        {"provider_id": provider["id"], "friendly_name": "Reception line", "username": "1001"},
    )
    contact = _api_post(
        page,
        base,
        "/contacts",
        {
            "first_name": "Mike",
            "last_name": "Brown",
            "emails": [{"address": "mike@work.example", "label": "work"}],
        },
    )

    # Adding the device opens its activation instructions.
    page.goto(f"{base}/contacts/{contact['id']}")
    page.get_by_role("region", name="Devices").get_by_role("button", name="Add device").click()
    dialog = page.get_by_role("dialog", name="Add device")
    dialog.get_by_label("Device name").fill("Android phone")
    _choose(page, "SIP account 1", "Reception line (1001)")
    dialog.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/devices/\d+/activation$"))
    expect(page.get_by_role("heading", name="Activation instructions", exact=True)).to_be_visible()
    code = _shown_code(page)
    qr = page.get_by_role("img", name="QR code that activates Android phone")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    click = page.get_by_role("link", name="Click to Activate")
    assert (click.get_attribute("href") or "").startswith("callcenter://activate?server=")
    assert code in (click.get_attribute("href") or "")
    expect(page.get_by_role("heading", name="3. Enter the activation code")).to_be_visible()
    shot(page, "activation-1-code-shown")

    # Send the instructions to Mike: the mail has the code, the page hides it.
    expect(page.get_by_role("combobox", name="Send email to")).to_have_value(
        "mike@work.example (work)"
    )
    page.get_by_role("button", name="Send instructions").click()
    expect(_notification(page, "Instructions sent")).to_be_visible()
    assert code in mailbox.text_of(mailbox.wait_for("mike@work.example"))
    expect(page.get_by_text("The code is hidden", exact=True)).to_be_visible()
    expect(page.get_by_text("Instructions sent").first).to_be_visible()
    expect(page.get_by_role("link", name="Click to Activate")).to_have_count(0)
    shot(page, "activation-2-instructions-sent")

    # Reset (confirmed): a new code is shown.
    page.get_by_role("button", name="Reset activation code").click()
    confirm = page.get_by_role("dialog", name="Reset the activation code?")
    expect(confirm).to_contain_text("including the one already emailed")
    confirm.get_by_role("button", name="Reset code").click()
    expect(_notification(page, "Activation code reset")).to_be_visible()
    new_code = _shown_code(page)
    assert new_code != code
    shot(page, "activation-3-reset")

    # The Devices page follows a send made elsewhere, live.
    device_id = int(re.search(r"/devices/(\d+)/activation", page.url).group(1))
    page.goto(f"{base}/devices")
    row = page.get_by_role("row", name=re.compile("Android phone"))
    expect(row).to_contain_text("Not activated")
    expect(row).not_to_contain_text("Instructions sent")
    page.wait_for_timeout(500)  # the socket connects after the page renders
    me = page.request.get(f"{base}{API}/auth/me").json()
    sent = page.request.post(
        f"{base}{API}/devices/{device_id}/activation/send",
        data={"email": "mike@work.example"},
        headers={"X-CSRF-Token": me["csrf_token"]},
    )
    assert sent.ok, sent.text()
    expect(row).to_contain_text("Instructions sent")
    row.get_by_role("button", name="Effective config of Android phone").click()
    config = page.get_by_role("dialog", name="Effective config of Android phone")
    expect(config).to_contain_text("Nothing published yet")
    page.wait_for_timeout(400)  # let the modal finish fading in for the screenshot
    shot(page, "activation-4-devices-live")
