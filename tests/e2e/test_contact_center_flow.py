"""The contact center set-up an admin does in the browser, end to end.

A service provider with SIP accounts (one with the guide's dialing rule), a contact with a
work and a home email, a device on two of the SIP accounts, the four-account limit shown in
the device form, and the device moved to another contact.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot

pytestmark = pytest.mark.e2e

API = "/api/v1"
EMAIL = "anna.admin@example.com"
PASSWORD = "s3cret-password"
PROVIDER = "Acme Telecom"
# (friendly name, SIP username); the first two are added in the browser.
ACCOUNTS = [
    ("Reception line", "1001"),
    ("Sales line", "1002"),
    ("Support line", "1003"),
    ("Night line", "1004"),
    ("Backup line", "1005"),
]


def _register_and_confirm(page: Page, base: str, mailbox) -> None:
    """A confirmed admin: registered through the API, confirmed with the mailed token."""
    response = page.request.post(
        f"{base}{API}/auth/register",
        data={
            "first_name": "Anna",
            "last_name": "Admin",
            "email": EMAIL,
            "phone_number": "+1 415 555 0100",
            "country": "US",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
            "accept_terms": True,
            "accept_privacy": True,
            "newsletter": False,
        },
    )
    assert response.status == 201, response.text()
    link = re.search(r"https?://\S+/confirm\?token=(\S+)", mailbox.text_of(mailbox.wait_for(EMAIL)))
    assert link, "the activation mail has no confirmation link"
    confirmed = page.request.post(f"{base}{API}/auth/confirm", data={"token": link.group(1)})
    assert confirmed.status == 200, confirmed.text()


def _log_in(page: Page, base: str) -> None:
    """Log the registered admin in through the login page."""
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/workspace$"))


def _api_post(page: Page, base: str, path: str, body: dict) -> dict:
    """A write as the logged-in admin: the session cookie plus the CSRF header."""
    me = page.request.get(f"{base}{API}/auth/me")
    assert me.ok, me.text()
    response = page.request.post(
        f"{base}{API}{path}", data=body, headers={"X-CSRF-Token": me.json()["csrf_token"]}
    )
    assert response.status == 201, response.text()
    return response.json()


def _choose(page: Page, field: str, option: str) -> None:
    """Pick an option of a Mantine Select named `field`."""
    select = page.get_by_role("combobox", name=field)
    select.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(select).to_have_value(option)


def _notification(page: Page, title: str):
    return page.locator(".mantine-Notification-root").filter(has_text=title)


def test_when_an_admin_sets_up_the_contact_center_then_devices_follow_the_rules(
    page, live_server, mailbox
):
    base = live_server
    _register_and_confirm(page, base, mailbox)

    _log_in(page, base)  # through the UI
    shot(page, "cc-01-logged-in")

    # --- A service provider -------------------------------------------------------------
    page.get_by_role("link", name="Service Providers", exact=True).click()
    expect(page.get_by_role("heading", name="Service Providers")).to_be_visible()
    page.get_by_role("button", name="Add provider").first.click()
    dialog = page.get_by_role("dialog", name="Add service provider")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Service provider name").fill(PROVIDER)
    dialog.get_by_label("SIP server").fill("sip.acme.example")
    dialog.get_by_label("SIP port").fill("5070")
    shot(page, "cc-02-provider-form")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(_notification(page, "Service provider added")).to_be_visible()
    provider = page.get_by_role("region", name=PROVIDER)
    expect(provider).to_contain_text("sip.acme.example:5070")
    expect(provider).to_contain_text("No SIP accounts yet")
    shot(page, "cc-03-provider-added")

    # --- A SIP account with the guide's dialing rule ------------------------------------
    provider.get_by_role("button", name=f"Add SIP account to {PROVIDER}").click()
    dialog = page.get_by_role("dialog", name=f"Add SIP account to {PROVIDER}")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Friendly name").fill(ACCOUNTS[0][0])
    dialog.get_by_label("SIP username").fill(ACCOUNTS[0][1])
    dialog.get_by_label("Password", exact=True).fill("sip-secret-1")
    dialog.get_by_role("button", name="Add dialing rule").click()
    dialog.get_by_label("Start with, rule 1").fill("017")
    dialog.get_by_label("Replace with, rule 1").fill("1")
    dialog.get_by_label("Min length, rule 1").fill("10")
    preview = dialog.get_by_role("status", name="Dialing rule preview")
    expect(preview).to_contain_text("0174448746 → 14448746")
    expect(preview).to_contain_text("Rule 1 applies.")
    # A number shorter than the minimum length is dialled as it is.
    dialog.get_by_label("Try a number").fill("01744487")
    expect(preview).to_contain_text("No rule applies")
    shot(page, "cc-04-sip-account-dialing-rule")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(_notification(page, "SIP account added")).to_be_visible()
    table = page.get_by_role("table", name=f"SIP accounts of {PROVIDER}")
    expect(table).to_contain_text(ACCOUNTS[0][0])
    expect(table).to_contain_text("No devices")

    # The rule was stored: the edit form shows it back.
    table.get_by_role("button", name=f"Edit {ACCOUNTS[0][0]}").click()
    dialog = page.get_by_role("dialog", name=f"Edit SIP account {ACCOUNTS[0][0]}")
    expect(dialog.get_by_label("Start with, rule 1")).to_have_value("017")
    expect(dialog.get_by_label("Replace with, rule 1")).to_have_value("1")
    expect(dialog.get_by_label("Min length, rule 1")).to_have_value("10")
    shot(page, "cc-05-sip-account-rule-stored")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()

    # --- A second SIP account in the browser, three more through the API ----------------
    provider.get_by_role("button", name=f"Add SIP account to {PROVIDER}").click()
    dialog = page.get_by_role("dialog", name=f"Add SIP account to {PROVIDER}")
    dialog.get_by_label("Friendly name").fill(ACCOUNTS[1][0])
    dialog.get_by_label("SIP username").fill(ACCOUNTS[1][1])
    dialog.get_by_label("Password", exact=True).fill("sip-secret-2")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(table).to_contain_text(ACCOUNTS[1][0])

    providers = page.request.get(f"{base}{API}/providers").json()["items"]
    provider_id = next(item["id"] for item in providers if item["name"] == PROVIDER)
    for friendly_name, username in ACCOUNTS[2:]:
        _api_post(
            page,
            base,
            "/sip-accounts",
            {"provider_id": provider_id, "friendly_name": friendly_name, "username": username},
        )
    page.reload()
    expect(table.locator("tbody tr")).to_have_count(5)
    for friendly_name, username in ACCOUNTS:
        expect(table.get_by_role("row", name=re.compile(friendly_name))).to_contain_text(username)
    shot(page, "cc-06-five-sip-accounts")

    # --- A contact with a work and a home email -----------------------------------------
    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page.get_by_role("heading", name="Contacts", exact=True)).to_be_visible()
    page.get_by_role("button", name="Add contact").first.click()
    dialog = page.get_by_role("dialog", name="Add contact")
    expect(dialog).to_be_visible()
    dialog.get_by_role("textbox", name="First name").fill("Mike")
    dialog.get_by_role("textbox", name="Last name").fill("Brown")
    dialog.get_by_role("textbox", name="Company").fill("Acme Corp")
    dialog.get_by_label("Email address, row 1").fill("mike@work.example")
    expect(dialog.get_by_role("combobox", name="Email label, row 1")).to_have_value("Work")
    dialog.get_by_role("button", name="Add email").click()
    dialog.get_by_label("Email address, row 2").fill("mike@home.example")
    _choose(page, "Email label, row 2", "Home")
    shot(page, "cc-07-contact-form")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()

    # Saving opens the new contact's page.
    expect(page).to_have_url(re.compile(r"/contacts/\d+$"))
    expect(page.get_by_role("heading", name="Mike Brown")).to_be_visible()
    details = page.get_by_role("region", name="Contact details")
    # Each address with its own label badge (not just the words in the addresses).
    for address, label in [("mike@work.example", "work"), ("mike@home.example", "home")]:
        row = details.get_by_text(address, exact=True).locator("xpath=..")
        expect(row.locator(".mantine-Badge-root")).to_have_text(re.compile(f"^{label}$", re.I))
    shot(page, "cc-08-contact-page")

    # --- A device on two SIP accounts ---------------------------------------------------
    devices = page.get_by_role("region", name="Devices")
    expect(devices).to_contain_text("No devices yet")
    devices.get_by_role("button", name="Add device").click()
    dialog = page.get_by_role("dialog", name="Add device")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Device name").fill("Android phone")
    _choose(page, "SIP account 1", "Reception line (1001)")
    dialog.get_by_role("button", name="Add account").click()
    _choose(page, "SIP account 2", "Sales line (1002)")
    expect(dialog).to_contain_text("2 of 4")
    shot(page, "cc-09-device-form")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(_notification(page, "Device added")).to_be_visible()
    # As the guide has it, a new device opens its activation instructions; back to the contact.
    expect(page).to_have_url(re.compile(r"/devices/\d+/activation$"))
    expect(page.get_by_text("Activation code").first).to_be_visible()
    page.go_back()
    device_row = devices.get_by_role("row", name=re.compile("Android phone"))
    expect(device_row).to_contain_text("Reception line")
    expect(device_row).to_contain_text("Sales line")
    shot(page, "cc-10-device-added")

    # --- Five SIP accounts on a device are refused: "at most four" ----------------------
    devices.get_by_role("button", name="Edit Android phone").click()
    dialog = page.get_by_role("dialog", name="Edit device Android phone")
    expect(dialog).to_be_visible()
    for index, (friendly_name, username) in enumerate(ACCOUNTS[2:], start=3):
        dialog.get_by_role("button", name="Add account").click()
        _choose(page, f"SIP account {index}", f"{friendly_name} ({username})")
    expect(dialog).to_contain_text("5 of 4")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_role("alert")).to_contain_text("at most four")
    expect(dialog).to_be_visible()
    shot(page, "cc-11-device-five-accounts-refused")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    # Nothing changed: still the two accounts.
    page.reload()
    device_row = devices.get_by_role("row", name=re.compile("Android phone"))
    expect(device_row).to_contain_text("Sales line")
    expect(device_row).not_to_contain_text("Support line")

    # --- Move the device to a second contact --------------------------------------------
    second = _api_post(
        page,
        base,
        "/contacts",
        {
            "first_name": "Ben",
            "last_name": "Jones",
            "emails": [{"address": "ben@work.example", "label": "work"}],
        },
    )
    devices.get_by_role("button", name="Move Android phone").click()
    dialog = page.get_by_role("dialog", name="Move device")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("from Mike Brown")
    _choose(page, "New contact", "Ben Jones")
    shot(page, "cc-12-move-device")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(_notification(page, "Device moved")).to_contain_text("now belongs to Ben Jones")
    expect(devices).to_contain_text("No devices yet")
    shot(page, "cc-13-device-moved-away")

    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_role("link", name="Ben Jones").click()
    expect(page).to_have_url(re.compile(rf"/contacts/{second['id']}$"))
    expect(page.get_by_role("heading", name="Ben Jones")).to_be_visible()
    device_row = page.get_by_role("region", name="Devices").get_by_role(
        "row", name=re.compile("Android phone")
    )
    expect(device_row).to_contain_text("Reception line")
    expect(device_row).to_contain_text("Sales line")
    shot(page, "cc-14-device-under-second-contact")

    # The providers page names the new owner of the device's SIP accounts.
    page.get_by_role("link", name="Service Providers", exact=True).click()
    reception = page.get_by_role("table", name=f"SIP accounts of {PROVIDER}").get_by_role(
        "row", name=re.compile(ACCOUNTS[0][0])
    )
    expect(reception).to_contain_text("Android phone (Ben Jones)")
    shot(page, "cc-15-providers-assigned")
