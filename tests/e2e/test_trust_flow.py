"""What an admin sees is what runs: the pending-changes header across two admins, the publish
preview with the devices a publish moves, a 409 that offers "Show on canvas", a refused cable
that says why, and a canvas fully drawn after leaving and returning."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_canvas_flow import (
    PASSWORD,
    Api,
    admin_with_inventory,
    build_flow,
    card,
    edges,
    handle,
    log_in,
    nodes,
    open_workspace,
    place,
)
from tests.e2e.test_contact_center_flow import _api_post, _log_in, _register_and_confirm
from tests.e2e.test_device_comes_alive import _turn_on_the_wizard
from tests.servers import create_admin, server_env

pytestmark = pytest.mark.e2e


def badge(page: Page, text: str):
    return page.get_by_role("status", name=text)


def rename(api: Api, object_id: int, name: str) -> None:
    version = api.get(f"/objects/{object_id}")["version"]
    response = api.page.request.patch(
        f"{api.base}/objects/{object_id}",
        data={"name": name},
        headers={"X-CSRF-Token": api.csrf, "If-Match": f'"{version}"'},
    )
    assert response.ok, response.text()


def test_pending_changes_reach_every_admin_and_the_preview_lists_what_changes(
    browser: Browser, page, live_server, mailbox, tmp_path
):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    create_admin(
        server_env(tmp_path),
        "grace@example.com",
        PASSWORD,
        *("--first-name", "Grace", "--same-account-as", "ada@example.com"),
    )
    ids = build_flow(api, inv)
    api.post("/workspace/publish", {"message": "First flow"})
    open_workspace(page, live_server)
    expect(badge(page, "Published: revision 1")).to_be_visible()

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        grace = context.new_page()
        grace.set_default_timeout(15000)
        log_in(grace, live_server, "grace@example.com")
        # Grace is on another page: the header tells her too.
        grace.goto(f"{live_server}/contacts")
        expect(badge(grace, "Published: revision 1")).to_be_visible()

        # Ada renames the ring group: both headers turn amber at once, without a reload.
        rename(api, ids["group"], "Sales team")
        expect(badge(page, "Draft: 1 unpublished change")).to_be_visible()
        expect(badge(grace, "Draft: 1 unpublished change")).to_be_visible()
        shot(grace, "trust-01-pending-on-another-page")

        # Grace opens the preview from her header: the change, field by field.
        grace.get_by_role("button", name=re.compile(r"^Draft: 1 unpublished change")).click()
        dialog = grace.get_by_role("dialog", name="Publish the workspace")
        change = dialog.get_by_role("listitem", name="object changed: Sales team")
        expect(change).to_contain_text("Name: Sales → Sales team")
        expect(dialog.get_by_role("region", name="Affected devices")).to_contain_text(
            "No device config changes."
        )
        dialog.get_by_role("textbox", name="Message").fill("Rename Sales")
        dialog.get_by_role("button", name="Publish revision").click()
        expect(dialog).to_be_hidden()
        expect(badge(grace, "Published: revision 2")).to_be_visible()
        expect(badge(page, "Published: revision 2")).to_be_visible()
    finally:
        context.close()

    # History compares the two at property level.
    page.get_by_role("button", name="History").click()
    fields = page.get_by_role("list", name="Field changes of revision 2")
    expect(fields).to_contain_text("Sales team: Name: Sales → Sales team")


def test_the_publish_preview_lists_the_affected_device_and_blocks_on_errors(
    page, live_server, mailbox
):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    ids = build_flow(api, inv)
    api.post("/workspace/publish", {"message": "First flow"})
    # A second number rings the same group: Mike's phone becomes reachable at it.
    second = api.post("/numbers/phone", {"number": "+14155550111", "label": "Sales line"})
    tab = api.get("/tabs")["items"][0]["id"]
    sales_line = place(api, tab, "phone_number", "Sales line", 40, 480, number=second["id"])
    api.post(
        "/cables",
        {
            "source": sales_line,
            "source_port": "calls",
            "target": ids["group"],
            "target_port": "calls",
        },
    )
    open_workspace(page, live_server)
    expect(badge(page, "Draft: 2 unpublished changes")).to_be_visible()
    page.get_by_role("button", name="Publish", exact=True).click()
    dialog = page.get_by_role("dialog", name="Publish the workspace")
    devices = dialog.get_by_role("region", name="Affected devices")
    device = devices.get_by_role("listitem", name="Device Mike's desk phone")
    expect(device).to_contain_text("+14155550111")
    expect(dialog.get_by_role("listitem", name="object added: Sales line")).to_be_visible()
    expect(dialog.get_by_role("button", name="Publish revision")).to_be_enabled()
    shot(page, "trust-02-publish-preview")
    page.keyboard.press("Escape")

    # A ring group with no members is an error: Publish is disabled, the problem listed.
    place(api, tab, "ring_group", "Empty group", 420, 480)
    page.get_by_role("button", name="Publish", exact=True).click()
    dialog = page.get_by_role("dialog", name="Publish the workspace")
    expect(dialog.get_by_role("region", name="Problems to fix")).to_contain_text("no members")
    expect(dialog.get_by_role("button", name="Publish revision")).to_be_disabled()


def test_deleting_a_number_on_the_canvas_is_refused_with_show_on_canvas(page, live_server, mailbox):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    ids = build_flow(api, inv)
    page.goto(f"{live_server}/numbers")
    page.get_by_role("button", name="Delete +14155550100").click()
    dialog = page.get_by_role("dialog", name="Delete phone number")
    dialog.get_by_role("button", name="Delete").click()
    alert = dialog.get_by_role("alert")
    expect(alert).to_contain_text("It is still in use")
    expect(alert).to_contain_text('"Main line" on the workspace tab "Main"')
    shot(page, "trust-03-number-in-use")
    alert.get_by_role("button", name="Show Main line on canvas").click()
    expect(page).to_have_url(re.compile(r"/workspace"))
    expect(card(page, ids["phone"])).to_have_class(re.compile(r"\bselected\b"))
    expect(card(page, ids["phone"])).to_be_in_viewport()
    assert api.get(f"/numbers/phone/{inv.phone}")["number"] == "+14155550100"


def test_a_refused_cable_says_why_next_to_the_port(page, live_server, mailbox):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    tab = api.post("/tabs", {"name": "Main"})["id"]
    sales = place(api, tab, "ring_group", "Sales", 380, 40)
    support = place(api, tab, "ring_group", "Support", 380, 300)
    open_workspace(page, live_server)
    expect(nodes(page)).to_have_count(2)

    handle(page, sales, "members", "source").hover()
    page.mouse.down()
    target = handle(page, support, "calls", "target").bounding_box()
    x, y = target["x"] + target["width"] / 2, target["y"] + target["height"] / 2
    page.mouse.move(x, y, steps=12)
    page.mouse.up()
    hint = page.get_by_role("alert", name="Cable refused")
    expect(hint).to_contain_text("Members cannot connect to Calls.")
    box = hint.bounding_box()
    assert abs(box["x"] - x) < 60 and abs(box["y"] - y) < 60  # next to the port
    expect(edges(page)).to_have_count(0)
    shot(page, "trust-04-refused-cable")


def all_in_view(page: Page) -> None:
    pane = page.locator(".react-flow").bounding_box()
    count = nodes(page).count()
    assert count > 0
    for index in range(count):
        expect(nodes(page).nth(index)).to_be_in_viewport()
        box = nodes(page).nth(index).bounding_box()
        assert (
            box["x"] >= pane["x"] - 1 and box["x"] + box["width"] <= pane["x"] + pane["width"] + 1
        )
        assert (
            box["y"] >= pane["y"] - 1 and box["y"] + box["height"] <= pane["y"] + pane["height"] + 1
        )


def test_the_canvas_is_fully_drawn_after_leaving_and_returning(page, live_server, mailbox):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    ids = build_flow(api, inv)
    tab = api.get("/tabs")["items"][0]["id"]
    # Far apart: scale 1 cannot show them all.
    place(api, tab, "ring_group", "Far away", 2400, 1400)
    open_workspace(page, live_server)
    expect(nodes(page)).to_have_count(5)
    all_in_view(page)

    page.get_by_role("link", name="Contacts").click()
    expect(page).to_have_url(re.compile(r"/contacts"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/workspace"))
    expect(nodes(page)).to_have_count(5)
    expect(card(page, ids["mike"])).to_be_visible()
    all_in_view(page)
    shot(page, "trust-05-back-fully-drawn")


def run_wizard(page: Page) -> None:
    """Mike Brown with extension 101, +1 415 555 0100 and one device, on a new tab "Sales"."""
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_role("link", name="Set up with wizard").first.click()
    page.get_by_label("First name").fill("Mike")
    page.get_by_label("Last name").fill("Brown")
    page.get_by_role("textbox", name=re.compile("Email address")).first.fill("mike@example.com")
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Add new", exact=True).click()
    page.get_by_label("New internal number").fill("101")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("New phone number").fill("+1 415 555 0100")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("New tab name").fill("Sales")
    page.get_by_label("Device name").fill("Mike's phone")
    # The only SIP account is chosen already.
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Mike's phone on Reception line")).to_be_visible()
    page.get_by_role("button", name="Create and publish").click()
    expect(page).to_have_url(re.compile(r"/devices/\d+/activation$"))


def test_the_canvas_is_fully_drawn_after_the_wizard(page, live_server, mailbox):
    _register_and_confirm(page, live_server, mailbox)
    _log_in(page, live_server)
    provider = _api_post(
        page, live_server, "/providers", {"name": "Acme", "server": "sip.acme.example"}
    )
    _api_post(
        page,
        live_server,
        "/sip-accounts",
        {"provider_id": provider["id"], "friendly_name": "Reception line", "username": "1001"},
    )
    _turn_on_the_wizard(page)
    run_wizard(page)
    page.get_by_role("link", name="Workspace", exact=True).click()
    expect(page).to_have_url(re.compile(r"/workspace"))
    expect(nodes(page)).not_to_have_count(0)
    all_in_view(page)
    shot(page, "trust-06-after-wizard")
