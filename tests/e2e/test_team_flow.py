"""The team and the audit log in a real Chromium: an owner invites a viewer by email (the
link read from the real SMTP mailbox), the viewer sets a password and cannot publish, and
the owner's Activity page shows this test's edits with before and after."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import shot
from tests.e2e.test_canvas_flow import PASSWORD, Api, log_in, register

pytestmark = pytest.mark.e2e

VIEWER = "vera@example.com"


def test_when_owner_invites_a_viewer_then_viewer_joins_cannot_publish_and_activity_shows_edits(
    browser: Browser, page, live_server, mailbox
):
    register(page, live_server, mailbox, "olga@example.com", "Olga", "Owner")
    log_in(page, live_server, "olga@example.com")
    api = Api(page, live_server)

    # The owner invites a viewer from the Team page.
    page.get_by_role("link", name="Team").click()
    expect(page.get_by_role("table", name="Team")).to_contain_text("olga@example.com")
    page.get_by_label("Email").fill(VIEWER)
    page.get_by_role("combobox", name="Role", exact=True).click()
    page.get_by_role("option", name=re.compile("^Viewer")).click()
    page.get_by_role("button", name="Send invitation").click()
    row = page.get_by_role("row", name=re.compile(VIEWER))
    expect(row).to_contain_text("Invited")
    shot(page, "team-01-invited")

    # Edits whose before/after the Activity page must show.
    tab = api.post("/tabs", {"name": "Support"})
    renamed = page.request.patch(
        f"{live_server}/api/v1/tabs/{tab['id']}",
        data={"name": "Sales"},
        headers={"X-CSRF-Token": api.csrf, "If-Match": f'"{tab["version"]}"'},
    )
    assert renamed.ok, renamed.text()

    # The viewer opens the mailed link in a browser of their own and sets a password.
    text = mailbox.text_of(mailbox.wait_for(VIEWER))
    link = re.search(r"https?://\S+/invitation\?token=\S+", text).group(0)
    assert link.startswith(live_server)
    viewer_context = browser.new_context(viewport={"width": 1400, "height": 900})
    viewer = viewer_context.new_page()
    viewer.set_default_timeout(15000)
    try:
        viewer.goto(link)
        viewer.get_by_label("First name").fill("Vera")
        viewer.get_by_label("Last name").fill("Viewer")
        viewer.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
        viewer.get_by_role("textbox", name="Confirm password").fill(PASSWORD)
        shot(viewer, "team-02-accept")
        viewer.get_by_role("button", name="Set password and log in").click()
        expect(viewer).to_have_url(re.compile(r"/workspace"))
        publish = viewer.get_by_role("button", name="Publish", exact=True)
        expect(publish).to_be_disabled()
        shot(viewer, "team-03-viewer-cannot-publish")
        # Nothing else offers a write either: the palette is off, pages say "View only".
        palette = viewer.get_by_role("navigation", name="Object palette")
        expect(palette.get_by_role("button").first).to_be_disabled()
        viewer.get_by_role("link", name="Contacts").click()
        expect(viewer.get_by_text("View only", exact=True)).to_be_visible()
        expect(viewer.get_by_text("No contacts yet")).to_be_visible()  # the list has loaded
        expect(viewer.get_by_role("button", name="Add contact")).to_have_count(0)
        expect(viewer.get_by_role("button", name="Import CSV")).to_have_count(0)
        shot(viewer, "team-04-viewer-contacts-view-only")
        # The API refuses too, whatever the UI shows.
        csrf = viewer.request.get(f"{live_server}/api/v1/auth/me").json()["csrf_token"]
        refused = viewer.request.post(
            f"{live_server}/api/v1/workspace/publish",
            data={"message": "sneaky"},
            headers={"X-CSRF-Token": csrf},
        )
        assert refused.status == 403, refused.text()
    finally:
        viewer_context.close()

    # The owner sees the viewer active, and this test's edits in Activity with before/after.
    page.reload()
    expect(page.get_by_role("row", name=re.compile(VIEWER))).to_contain_text("active")
    page.get_by_role("link", name="Activity").click()
    page.get_by_role("combobox", name="Who", exact=True).click()
    page.get_by_role("option", name="Olga Owner").click()
    page.get_by_role("combobox", name="What", exact=True).click()
    page.get_by_role("option", name="Tab", exact=True).click()
    entries = page.get_by_role("list", name="Activity entries")
    changed = entries.get_by_role("listitem", name="Olga Owner changed Tab Sales")
    expect(changed).to_contain_text("Support")
    expect(changed).to_contain_text("→")
    expect(changed).to_contain_text("Sales")
    expect(changed).to_contain_text("from 127.0.0.1")
    expect(entries.get_by_role("listitem", name="Olga Owner created Tab Support")).to_be_visible()
    shot(page, "team-04-activity")
    # Without the filters the invitation is there too.
    page.get_by_role("button", name="Clear filters").click()
    expect(
        page.get_by_role("listitem", name=re.compile("Olga Owner created Admin Vera|vera"))
    ).not_to_have_count(0)
