"""Routing by time in a real Chromium: set office hours on the Schedules page, put a Time
Router from the palette in front of a ring group with a Forward for closed hours, publish,
and see the simulator's week view follow the schedule hour by hour."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_canvas_flow import (
    PHONE,
    admin_with_inventory,
    build_flow,
    card,
    connect,
    drop,
    edges,
    node_id,
    open_workspace,
    place,
    problems_panel,
)

pytestmark = pytest.mark.e2e

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def draw(page: Page, source, port: str, target, count: int) -> None:
    """Draw a cable; on a loaded machine a drop can miss the port, so try it again then."""
    for _ in range(3):
        connect(page, source, port, target)
        try:
            expect(edges(page)).to_have_count(count, timeout=5000)
            return
        except AssertionError:
            page.mouse.up()
    expect(edges(page)).to_have_count(count)


def set_office_hours(page: Page, base: str) -> None:
    """Mon-Thu 09:00-17:00 (the form's default), Friday 09:00-13:00, in UTC."""
    page.goto(f"{base}/schedules")
    page.get_by_role("button", name="Add schedule").first.click()
    dialog = page.get_by_role("dialog", name="Add schedule")
    dialog.get_by_role("textbox", name="Name").fill("Office hours")
    zone = dialog.get_by_role("combobox", name="Time zone")
    zone.click()
    zone.fill("UTC")
    page.get_by_role("option", name="UTC", exact=True).click()
    expect(zone).to_have_value("UTC")
    grid = dialog.get_by_role("table", name="Opening hours")
    grid.get_by_role("textbox", name="Friday to").fill("13:00")
    shot(page, "routers-01-schedule")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    table = page.get_by_role("table", name="Schedules")
    expect(table).to_contain_text("Office hours")
    expect(table).to_contain_text("UTC")


def test_a_time_router_sends_office_hours_to_the_team_and_the_rest_to_a_forward(
    page, live_server, mailbox
):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    set_office_hours(page, live_server)
    ids = build_flow(api, inv)
    tab = api.get("/tabs")["items"][0]["id"]
    after_hours = place(api, tab, "forward", "After hours", 800, 300, number="+14155550199")
    # The main line goes to the router instead of straight to the group.
    cables = api.get(f"/workspace/draft?tab_id={tab}")["cables"]
    [main] = [c for c in cables if c["source"] == ids["phone"]]
    response = page.request.delete(
        f"{live_server}/api/v1/cables/{main['id']}",
        headers={"X-CSRF-Token": api.csrf, "If-Match": f'"{main["version"]}"'},
    )
    assert response.status == 204, response.text()
    open_workspace(page, live_server)

    dialog = drop(page, "Time Router", 250, 380)
    dialog.get_by_role("textbox", name="Name").fill("Hours")
    dialog.get_by_role("combobox", name="Schedule").click()
    page.get_by_role("option", name="Office hours (UTC)").click()
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    router = node_id(page, "Hours")
    expect(card(page, router)).to_contain_text(re.compile(r"(Open|Closed) until"))
    expect(card(page, router)).to_contain_text("Office hours · UTC")

    # Closed before Open: the Open cable loops back past the Closed port once drawn.
    for count, (source, port, target) in enumerate(
        (
            (ids["phone"], "calls", router),
            (router, "closed", after_hours),
            (router, "open", ids["group"]),
        ),
        start=3,
    ):
        draw(page, source, port, target, count)
    expect(problems_panel(page)).to_contain_text("No problems")
    shot(page, "routers-02-canvas")

    page.get_by_role("button", name="Publish", exact=True).click()
    publish = page.get_by_role("dialog", name="Publish the workspace")
    publish.get_by_role("textbox", name="Message").fill("Office hours")
    publish.get_by_role("button", name="Publish revision").click()
    expect(publish).to_be_hidden()
    expect(page.get_by_role("status", name="Published: revision 1")).to_be_visible()

    page.get_by_role("button", name="Simulate").click()
    panel = page.get_by_role("region", name="Simulator panel")
    panel.get_by_role("combobox", name="Number to call").fill(PHONE)
    page.keyboard.press("Escape")
    panel.get_by_text("Published", exact=True).click()
    panel.get_by_role("textbox", name="Time").fill("2026-12-09T10:00")
    zone = panel.get_by_role("combobox", name="Time zone")
    zone.click()
    zone.fill("UTC")
    page.get_by_role("option", name="UTC", exact=True).click()
    panel.get_by_role("button", name="Week view").click()

    grid = panel.get_by_role("table", name="Week view")
    expect(panel).to_contain_text("Week of 2026-12-07 in UTC · revision 1")
    for day_index, day in enumerate(DAYS):
        closing = 13 if day == "Friday" else 17
        for hour in (8, 9, 12, 13, 16, 17):
            inside = day_index < 5 and 9 <= hour < closing
            where = "Sales (hangs up)" if inside else "After hours (forwarded)"
            cell = grid.get_by_role("cell", name=f"{day} {hour:02d}:00: {where}", exact=True)
            expect(cell).to_have_count(1)
    legend = panel.get_by_label("Week view legend")
    expect(legend).to_contain_text("Sales (hangs up): 36 h")
    expect(legend).to_contain_text("After hours (forwarded): 132 h")
    shot(page, "routers-03-week-view")


def test_caller_rules_are_added_reordered_and_shown_as_labelled_exits(page, live_server, mailbox):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    ids = build_flow(api, inv)
    tab = api.get("/tabs")["items"][0]["id"]
    router = place(api, tab, "caller_router", "By caller", 420, 420)
    open_workspace(page, live_server)
    expect(card(page, router)).to_contain_text("No rules: all to Default")

    page.locator(f'.react-flow__node[data-id="{router}"]').click()
    drawer = page.get_by_role("complementary", name="Properties")
    drawer.get_by_role("button", name="Add rule").click()
    drawer.get_by_role("textbox", name="Rule 1 number").fill("+49")
    drawer.get_by_role("textbox", name="Rule 1 exit label").fill("Germany")
    drawer.get_by_role("button", name="Add rule").click()
    drawer.get_by_role("combobox", name="Rule 2 matches").click()
    page.get_by_role("option", name="Exact number").click()
    drawer.get_by_role("textbox", name="Rule 2 number").fill("+4930555")
    drawer.get_by_role("textbox", name="Rule 2 exit label").fill("VIP")
    # The exact number under its own prefix can never match: move it up.
    drawer.get_by_role("button", name="Move rule 2 up").click()
    expect(drawer.get_by_role("textbox", name="Rule 1 exit label")).to_have_value("VIP")
    drawer.get_by_role("button", name="Save").click()

    expect(card(page, router)).to_contain_text("2 rules")
    expect(card(page, router)).to_contain_text("+4930555, +49…")
    saved = api.get(f"/objects/{router}")["properties"]["rules"]
    assert [(r["label"], r["exit"]) for r in saved] == [("VIP", "rule_2"), ("Germany", "rule_1")]
    # Each rule is an exit labelled by the admin; unused rule exits stay hidden.
    outputs = page.locator(f'.react-flow__node[data-id="{router}"] .object-port-label.out')
    expect(outputs).to_have_text(["VIP", "Germany", "Default"])
    shot(page, "routers-04-caller-router")
    assert ids["group"]
