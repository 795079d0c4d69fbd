"""The contact Setup Wizard in the browser: Mike Brown from the Contacts page to activation.

The admin walks the five steps; the first try adds an extension the inventory already has,
so the server's 422 sends the wizard back to the internal-number step with the message on
the field. With another extension it creates everything, publishes, and lands on the
device's activation page. A screenshot of every step goes to test-output/e2e/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot as full_shot
from tests.e2e.test_contact_center_flow import (
    _api_post,
    _log_in,
    _register_and_confirm,
)

pytestmark = pytest.mark.e2e

API = "/api/v1"


def shot(page: Page, name: str) -> None:
    """A screenshot once the stepper's transition has settled."""
    page.wait_for_timeout(400)
    full_shot(page, name)


def _prepare(page: Page, base: str) -> None:
    """A provider with two SIP accounts, and extension 101 already in the inventory."""
    provider = _api_post(
        page, base, "/providers", {"name": "Acme Telecom", "server": "sip.acme.example"}
    )
    for name, username in (("Reception line", "1001"), ("Sales line", "1002")):
        _api_post(
            page,
            base,
            "/sip-accounts",
            {"provider_id": provider["id"], "friendly_name": name, "username": username},
        )
    _api_post(page, base, "/numbers/internal", {"number": "101", "label": "Reception"})
    # "Setup using Wizard" is off for a new account; turn it on as an admin would.
    me = page.request.get(f"{base}{API}/auth/me").json()
    settings = page.request.get(f"{base}{API}/account/settings")
    turned_on = page.request.patch(
        f"{base}{API}/account/settings",
        data={"setup_wizard": True},
        headers={"If-Match": settings.headers["etag"], "X-CSRF-Token": me["csrf_token"]},
    )
    assert turned_on.ok, turned_on.text()


def test_when_admin_runs_the_wizard_for_mike_brown_then_he_is_published_and_activation_opens(
    page, live_server, mailbox
):
    base = live_server
    _register_and_confirm(page, base, mailbox)
    _log_in(page, base)
    _prepare(page, base)

    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page.get_by_text("No contacts yet")).to_be_visible()
    shot(page, "wizard-0-contacts")
    page.get_by_role("link", name="Set up with wizard").first.click()
    expect(page).to_have_url(re.compile(r"/contacts/new/wizard$"))
    expect(page.get_by_role("heading", name="Set up a contact")).to_be_visible()

    # 1. Contact details.
    page.get_by_label("First name").fill("Mike")
    page.get_by_label("Last name").fill("Brown")
    page.get_by_label("Job title").fill("Sales")
    page.get_by_role("textbox", name=re.compile("Email address")).first.fill(
        "mike.brown@example.com"
    )
    shot(page, "wizard-1-contact")
    page.get_by_role("button", name="Next").click()

    # 2. Internal number: 101 is in use as a label only, so "add new 101" will be refused.
    page.get_by_text("Add new", exact=True).click()
    page.get_by_label("New internal number").fill("101")
    shot(page, "wizard-2-internal-number")
    page.get_by_role("button", name="Next").click()

    # 3. Phone number: a new DID, outbound calling on.
    expect(page.get_by_label("New phone number")).to_be_visible()
    page.get_by_label("New phone number").fill("+1 415 555 0100")
    shot(page, "wizard-3-phone-number")
    page.get_by_role("button", name="Next").click()

    # 4. A new tab, the device on the reception line.
    page.get_by_label("New tab name").fill("Sales")
    page.get_by_label("Device name").fill("Android Phone")
    sip_accounts = page.get_by_role("textbox", name="SIP accounts")
    sip_accounts.or_(page.get_by_role("combobox", name="SIP accounts")).first.click()
    page.get_by_role("option", name=re.compile("Reception line")).click()
    page.keyboard.press("Escape")
    shot(page, "wizard-4-tab-and-device")
    page.get_by_role("button", name="Next").click()

    # 5. Review, create: refused, back on step 2 with the server's message on the field.
    expect(page.get_by_text("Android Phone on Reception line")).to_be_visible()
    shot(page, "wizard-5-review")
    page.get_by_role("button", name="Create and publish").click()
    field = page.get_by_label("New internal number")
    expect(field).to_be_visible()
    expect(page.get_by_text("101 is already in your inventory")).to_be_visible()
    expect(page.get_by_text("Nothing was created")).to_be_visible()
    shot(page, "wizard-6-refused-back-on-step-2")

    # Another extension; straight back to the review and create.
    field.fill("102")
    page.get_by_role("button", name=re.compile("Review")).click()
    expect(page.get_by_text("Nothing was created")).to_be_hidden()
    page.get_by_role("button", name="Create and publish").click()
    expect(page).to_have_url(re.compile(r"/devices/\d+/activation$"))
    shot(page, "wizard-7-activation")

    # Everything exists: Mike with his caller IDs, and revision 1 published.
    contacts = page.request.get(f"{base}{API}/contacts").json()["items"]
    mike = next(c for c in contacts if c["full_name"] == "Mike Brown")
    assert (mike["internal_caller_id"], mike["external_caller_id"]) == ("102", "+14155550100")
    revisions = page.request.get(f"{base}{API}/revisions").json()
    assert revisions["total"] == 1

    # The call flow on the new tab of the canvas.
    page.get_by_role("link", name="Workspace", exact=True).click()
    page.get_by_text("Sales", exact=True).first.click()
    expect(page.get_by_text("Mike Brown group").first).to_be_visible()
    shot(page, "wizard-8-canvas")
