"""Sign up, confirm through the mailed link, log in, see the canvas, log out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import shot

pytestmark = pytest.mark.e2e


def test_when_a_newcomer_signs_up_then_confirms_logs_in_and_out(page, live_server, mailbox):
    page.goto(f"{live_server}/signup")
    page.get_by_label("First Name").fill("Mike")
    page.get_by_label("Last Name").fill("Brown")
    page.get_by_label("Email").fill("mike@example.com")
    page.get_by_label("Phone Number").fill("+1 415 555 0100")
    shot(page, "01-signup-details")
    page.get_by_role("button", name="Next").click()
    # Next only moves on: step 2 shows untouched, nothing submitted, no error on its fields.
    password = page.get_by_role("textbox", name="Password", exact=True)
    expect(password).to_be_visible()
    expect(password).not_to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("button", name="Create Account")).to_be_visible()
    password.fill("s3cret-password")
    page.get_by_role("textbox", name="Confirm Password").fill("s3cret-password")
    page.get_by_label(re.compile("Terms and Agreements")).check()
    page.get_by_label(re.compile("Privacy Notice")).check()
    shot(page, "02-signup-password")
    page.get_by_role("button", name="Create Account").click()
    expect(page.get_by_text(re.compile("activation link was sent"))).to_be_visible()
    shot(page, "03-signup-sent")

    # Logging in before confirming is refused with a clear message.
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("mike@example.com")
    page.get_by_role("textbox", name="Password", exact=True).fill("s3cret-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("confirm")

    message = mailbox.wait_for("mike@example.com")
    link = re.search(r"https?://\S+/confirm\?token=\S+", mailbox.text_of(message)).group(0)
    assert link.startswith(live_server)
    page.goto(link)
    expect(page.get_by_text(re.compile("email has been confirmed"))).to_be_visible()
    shot(page, "04-confirmed")

    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("mike@example.com")
    page.get_by_role("textbox", name="Password", exact=True).fill("s3cret-password")
    shot(page, "05-login")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/workspace$"))
    # A new account has no tabs yet: the workspace says so and offers the first one. (The
    # canvas is only drawn while the tabs load, so waiting for it raced with that request.)
    expect(page.get_by_text("This workspace has no tabs yet")).to_be_visible()
    expect(page.get_by_role("button", name="Create the first tab")).to_be_visible()
    expect(page.get_by_role("link", name="Contacts")).to_be_visible()
    shot(page, "06-workspace")

    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login"))
    shot(page, "07-logged-out")
    # The session is gone on the server too: the app shell is not reachable.
    page.goto(f"{live_server}/workspace")
    expect(page).to_have_url(re.compile(r"/login"))


def test_when_an_unknown_app_path_is_opened_then_the_spa_answers(page, live_server):
    page.goto(f"{live_server}/some/deep/link")
    expect(page.get_by_role("heading")).to_be_visible()
    response = page.request.get(f"{live_server}/api/v1/openapi.json")
    assert response.ok
    assert response.json()["info"]["title"] == "Callflow Workspace API"
