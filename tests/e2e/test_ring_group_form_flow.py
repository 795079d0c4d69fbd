"""The ring group's own form in a real Chromium: every contact method on its tab, named by
its contact, with "in this group" and start and duration fields next to the drag timeline;
numbers and bars move together, bad numbers are named inline, Enter saves, and the saved
schedule is what the page shows after a reload and what the simulator rings."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_canvas_flow import (
    PHONE,
    Api,
    admin_with_inventory,
    cable,
    edges,
    node,
    open_workspace,
    place,
)

pytestmark = pytest.mark.e2e


def ann_lee(api: Api) -> int:
    """A second contact with a call.center method and a device; returns the method's id."""
    contact = api.post(
        "/contacts",
        {"first_name": "Ann", "last_name": "Lee", "emails": [{"address": "ann@example.com"}]},
    )
    provider = api.post("/providers", {"name": "Carrier 2", "server": "sip2.example.com"})
    sip = api.post(
        "/sip-accounts",
        {"provider_id": provider["id"], "username": "ann", "password": "sip-secret-2"},
    )
    api.post(
        "/devices",
        {"contact_id": contact["id"], "name": "Ann's desk phone", "sip_account_ids": [sip["id"]]},
    )
    return next(m["id"] for m in contact["methods"] if m["kind"] == "call_center")


def method_object(api: Api, tab: int, method: int, x: int, y: int) -> int:
    """A contact method placed without a name: it takes its contact's."""
    body = {"tab_id": tab, "type": "contact_method", "position": {"x": x, "y": y}}
    return api.post("/objects", {**body, "properties": {"contact_method": method}})["id"]


def open_form(page: Page) -> Locator:
    node(page, "Sales").click()
    form = page.get_by_role("complementary", name="Properties")
    expect(form.get_by_role("table", name="Contact methods on this tab")).to_be_visible()
    return form


def test_when_start_and_duration_are_typed_then_bar_follows_and_enter_saves_the_schedule(
    page, live_server, mailbox
):
    api, inv = admin_with_inventory(page, live_server, mailbox)
    tab = api.post("/tabs", {"name": "Main"})["id"]
    phone = place(api, tab, "phone_number", "Main line", 40, 140, number=inv.phone)
    group = place(api, tab, "ring_group", "Sales", 380, 140)
    mike = method_object(api, tab, inv.method, 760, 60)
    ann = method_object(api, tab, ann_lee(api), 760, 260)
    cable(api, phone, "calls", group)
    cable(api, group, "members", mike)
    open_workspace(page, live_server)
    expect(edges(page)).to_have_count(2)
    form = open_form(page)

    # Every contact method of the tab, by its contact; only Mike is in the group.
    mike_in = form.get_by_role("checkbox", name="Mike Brown in this group")
    ann_in = form.get_by_role("checkbox", name="Ann Lee in this group")
    expect(mike_in).to_be_checked()
    expect(ann_in).not_to_be_checked()
    ann_start = form.get_by_role("textbox", name="Ann Lee start (s)")
    ann_duration = form.get_by_role("textbox", name="Ann Lee duration (s)")
    expect(ann_start).to_be_disabled()

    # In the group: a Members cable at once, and a bar from 0 s for 30 s.
    ann_in.check()
    expect(edges(page)).to_have_count(3)
    expect(ann_start).to_be_enabled()
    ann_bar = form.get_by_role("slider", name="Ann Lee starts at")
    ann_length = form.get_by_role("slider", name="Ann Lee rings for")
    expect(ann_bar).to_have_attribute("aria-valuenow", "0")
    expect(ann_duration).to_have_value("30")

    # Bad numbers are named where they are typed and keep Save off.
    save = form.get_by_role("button", name="Save")
    ann_start.fill("-5")
    expect(form.get_by_text("At least 0 s")).to_be_visible()
    expect(save).to_be_disabled()
    ann_duration.fill("0")
    expect(form.get_by_text("At least 1 s")).to_be_visible()
    ann_duration.fill("301")
    expect(form.get_by_text("At most 300 s")).to_be_visible()

    # Typed numbers move the bar.
    ann_start.fill("20")
    ann_duration.fill("15")
    expect(form.get_by_text("At least 0 s")).to_have_count(0)
    expect(ann_bar).to_have_attribute("aria-valuenow", "20")
    expect(ann_length).to_have_attribute("aria-valuenow", "15")
    expect(save).to_be_enabled()

    # And the bar moves the numbers: with the keyboard, then with the mouse.
    mike_bar = form.get_by_role("slider", name="Mike Brown starts at")
    mike_start = form.get_by_role("textbox", name="Mike Brown start (s)")
    mike_bar.focus()
    page.keyboard.press("ArrowRight")
    expect(mike_start).to_have_value("1")
    page.keyboard.press("ArrowLeft")
    expect(mike_start).to_have_value("0")
    mike_length = form.get_by_role("slider", name="Mike Brown rings for")
    box = mike_length.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 30, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    dragged = mike_length.get_attribute("aria-valuenow")
    assert dragged != "30"
    expect(form.get_by_role("textbox", name="Mike Brown duration (s)")).to_have_value(dragged)
    shot(page, "ring-group-form-01-typed")

    # Enter saves, through the form's versioned update.
    ann_duration.press("Enter")
    expect(save).to_be_disabled()
    # Save turns off when the request leaves; under load the answer may come later, so the
    # saved properties are read until they hold the schedule (or the wait runs out).
    schedule = {ann: (20, 15), mike: (0, int(dragged))}
    saved = _member_schedule(page, api, group, until=schedule)
    assert saved == schedule

    # After a reload the numbers and the bars are the saved ones.
    page.reload()
    form = open_form(page)
    expect(form.get_by_role("textbox", name="Ann Lee start (s)")).to_have_value("20")
    expect(form.get_by_role("textbox", name="Ann Lee duration (s)")).to_have_value("15")
    expect(form.get_by_role("slider", name="Ann Lee starts at")).to_have_attribute(
        "aria-valuenow", "20"
    )
    expect(form.get_by_role("slider", name="Ann Lee rings for")).to_have_attribute(
        "aria-valuenow", "15"
    )
    shot(page, "ring-group-form-02-reloaded")

    # The simulator rings the draft as saved.
    rings = api.post("/simulate", {"number": PHONE, "source": "draft"})["rings"]
    assert {(r["contact_name"], r["at"], r["until"]) for r in rings} == {
        ("Mike Brown", 0, int(dragged)),
        ("Ann Lee", 20, 35),
    }

    # Out of the group: the cable goes at once, the entry with the next save.
    # A click, then wait: the box follows the cable, which goes with the server's answer.
    ann_out = form.get_by_role("checkbox", name="Ann Lee in this group")
    ann_out.click()
    expect(ann_out).not_to_be_checked()
    expect(edges(page)).to_have_count(2)
    expect(form.get_by_role("textbox", name="Ann Lee start (s)")).to_be_disabled()
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("button", name="Save")).to_be_disabled()
    members = api.get(f"/objects/{group}")["properties"]["members"]
    assert [m["target"] for m in members] == [mike]


def _member_schedule(page, api, group: int, until: dict, timeout: float = 10.0) -> dict:
    """{target: (start, duration)} of the group's saved members, read again until it equals
    `until` or `timeout` seconds pass (the caller asserts on what is returned)."""
    deadline = time.monotonic() + timeout
    while True:
        members = api.get(f"/objects/{group}")["properties"]["members"]
        schedule = {m["target"]: (m["start"], m["duration"]) for m in members}
        if schedule == until or time.monotonic() > deadline:
            return schedule
        page.wait_for_timeout(100)
