"""The Calls page and the canvas follow real call events, without a reload.

A server process runs; the test posts call events to it as the SIP server's supervisor does
(POST /sip/v1/events with the token derived from the instance key). The admin watches the
Calls page fill in (ringing, then answered with its talk time), opens a call's events, and
on the workspace sees a call in progress light its object and the live-call indicator.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ConnectGate, shot
from tests.factories import DEFAULT_PASSWORD, make_admin
from tests.factories_calls import EVENTS, call_event
from tests.factories_publishing import make_object, make_tab
from tests.servers import prepare_instance, running_server, server_env

pytestmark = pytest.mark.e2e
EMAIL = "carl.calls@example.com"


def _seed(instance: Path) -> tuple[int, int, int, str]:
    """An admin, a tab with one phone-number object; (account, tab, object, events token)."""
    from workspace import create_app
    from workspace.calls.ingest_auth import events_token
    from workspace.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'workspace.db'}",
            "INSTANCE_DIR": str(instance),
            "SECRETS_KEY_FILE": str(instance / "secrets.key"),
            "REDIS_URL": "",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        account_id = make_admin(email=EMAIL, account_name="Calls Co")["account_id"]
        tab_id = make_tab(account_id)
        object_id = make_object(account_id, tab_id, "phone_number", "Main line", x=100, y=100)
        token = events_token(app)
        db.engine.dispose()
    return account_id, tab_id, object_id, token


def _post(base: str, token: str, *events: dict) -> None:
    response = requests.post(
        f"{base}{EVENTS}",
        json={"events": list(events)},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text


def test_when_call_events_arrive_then_calls_page_and_canvas_update_live(
    browser, page: Page, tmp_path
):
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    account, tab, obj, token = _seed(tmp_path)
    member = {"contact": None, "device": None, "username": "mike-laptop", "number": None}

    def event(type_: str, at: float, call_id: str = "e2e-1", **fields):
        return call_event(account, type_, at, call_id=call_id, **fields)

    with running_server(tmp_path, env) as base:
        page.goto(f"{base}/login")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_role("textbox", name="Password", exact=True).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).not_to_have_url(re.compile(r"/login"))
        page.get_by_role("link", name="Calls").click()
        expect(page.get_by_text("No calls yet")).to_be_visible()
        expect(page.get_by_text("once the SIP server routes them")).to_be_visible()

        _post(
            base,
            token,
            event("start", 0),
            event("node", 0.01, node="n1", object=obj),
            event("ringing", 0.1, member=member),
        )
        row = page.locator("tr[data-call-id='e2e-1']")
        expect(row.locator("[data-state]")).to_have_text("Ringing")
        expect(row).to_contain_text("+12125550111")
        expect(row).to_contain_text("Ann Caller")
        expect(row).to_contain_text("+14155550100")

        # The end before the answer: out of order, the row still settles right.
        _post(base, token, event("ended", 64.0, cause="answered", sip_code=200))
        _post(base, token, event("answered", 4.0, member=member))
        expect(row.locator("[data-state]")).to_have_text("Answered")
        expect(row).to_contain_text("mike-laptop")
        expect(row).to_contain_text("1:00")  # talk time
        expect(row).to_contain_text("0:04")  # ring time
        row.get_by_role("button", name=re.compile("^Show the events")).click()
        events = page.get_by_role("list", name="Call events")
        expect(events).to_contain_text("Entered Main line")
        expect(events).to_contain_text("Ringing mike-laptop")
        expect(events).to_contain_text("Ended: Answered (SIP 200)")
        shot(page, "calls-page")

        # On the canvas, a call in progress lights its object; its end puts the light out.
        page.goto(f"{base}/workspace?tab={tab}")
        card = page.locator(f".react-flow__node[data-id='{obj}'] .object-card")
        expect(card).to_be_visible()
        expect(card).not_to_have_class(re.compile(r"\blit\b"))
        _post(
            base,
            token,
            event("start", 100, call_id="e2e-2", caller="+4930123456"),
            event("node", 100.01, call_id="e2e-2", node="n1", object=obj),
        )
        live = page.get_by_role("status", name="Live call")
        expect(live).to_contain_text("+4930123456")
        expect(card).to_have_class(re.compile(r"\blit\b"))
        shot(page, "calls-live-canvas")
        _post(base, token, event("ended", 108, call_id="e2e-2", cause="caller_cancel"))
        expect(live).to_be_hidden()
        expect(card).not_to_have_class(re.compile(r"\blit\b"))


def test_when_a_call_ends_while_the_page_connects_then_its_row_still_settles(
    browser, page: Page, tmp_path
):
    """The list's first fetch and the live socket's handshake race: an event ingested after
    the fetch read the calls but before the socket joined the account's room is pushed to
    nobody. The page fetches again once the socket is in, so the row cannot stay stale."""
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    account, _, _, token = _seed(tmp_path)
    member = {"contact": None, "device": None, "username": "mike-laptop", "number": None}
    with running_server(tmp_path, env) as base:
        _post(base, token, call_event(account, "start", 0, call_id="race-1"))
        _post(base, token, call_event(account, "answered", 2, call_id="race-1", member=member))
        gate = ConnectGate(page, "/workspace", holding=False)  # before the page loads
        page.goto(f"{base}/login")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_role("textbox", name="Password", exact=True).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).not_to_have_url(re.compile(r"/login"))
        gate.holding = True
        page.goto(f"{base}/calls")  # a fresh page: its fetch and its socket's join race
        row = page.locator("tr[data-call-id='race-1']")
        expect(row.locator("[data-state]")).to_have_text("In call")
        assert gate.held, "the page opened its live socket"

        _post(base, token, call_event(account, "ended", 32, call_id="race-1", cause="answered"))
        gate.release()  # the socket joins only now: the end was pushed before
        expect(row.locator("[data-state]")).to_have_text("Answered")
        expect(row).to_contain_text("0:30")  # talk time


def test_when_an_admin_moves_between_live_pages_then_the_tab_keeps_one_connection(
    browser, page: Page, tmp_path
):
    """Every live hook (header count, canvas, calls, recordings, devices) listens on one
    /workspace connection per browser tab: on `workspace serve` each WebSocket holds a thread."""
    env = server_env(tmp_path)
    prepare_instance(tmp_path, env)
    account, _, _, token = _seed(tmp_path)
    opened: list[str] = []
    page.on("websocket", lambda ws: "/socket.io/" in ws.url and opened.append(ws.url))
    with running_server(tmp_path, env) as base:
        page.goto(f"{base}/login")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_role("textbox", name="Password", exact=True).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("navigation", name="Object palette")).to_be_visible()
        for link in ("Calls", "Recordings", "Devices", "Workspace", "Calls"):
            page.get_by_role("link", name=link, exact=True).click()
            expect(page).to_have_url(re.compile(f"/{link.lower()}"))
            page.wait_for_timeout(300)  # the page's hooks subscribe (and would connect)
        # Still live after all that: a call posted now appears without a reload.
        _post(base, token, call_event(account, "start", 0, call_id="one-socket"))
        expect(page.locator("tr[data-call-id='one-socket']")).to_be_visible()
        assert len(opened) == 1, opened
