"""Playwright against Debian's Chromium and a real `workspace run` process."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.mailbox import smtp_server
from tests.servers import prepare_instance, running_server, server_env
from tests.support import ON_CI

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "e2e"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        if ON_CI:
            pytest.fail("chromium is not installed (make test installs Debian's package)")
        pytest.skip("chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def mailbox():
    with smtp_server() as (box, port):
        box.port = port
        yield box


@pytest.fixture
def live_server(tmp_path, mailbox):
    """A fresh server with its own SQLite database and the test's SMTP server."""
    env = server_env(tmp_path, MAIL_SERVER="127.0.0.1", MAIL_PORT=str(mailbox.port))
    prepare_instance(tmp_path, env)
    with running_server(tmp_path, env) as base:
        yield base


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    # Assertions wait as long as actions do: on a loaded 2-core machine an undo that goes
    # through the server and back can take longer than expect()'s own 5 s default.
    expect.set_options(timeout=15000)
    yield page
    context.close()


def wait_for_js(locator, predicate: str, timeout: float = 30.0) -> None:
    """Poll ``predicate`` (a JS function of the element) until it is true. Not
    page.wait_for_function: with a string it may evaluate through eval, which the app's CSP
    (script-src 'self') refuses; locator.evaluate runs through the debugging protocol."""
    deadline = time.monotonic() + timeout
    while not locator.evaluate(predicate):
        assert time.monotonic() < deadline, f"not true within {timeout} s: {predicate}"
        time.sleep(0.1)


def shot(page, name: str) -> Path:
    """Save a full-page screenshot under test-output/e2e/."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_in_page(page, condition, what: str, timeout_ms: int = 15_000) -> None:
    """Poll a Python ``condition`` while Playwright runs its handlers (a route's handler runs
    only inside a Playwright call, never during time.sleep)."""
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no {what} within {timeout_ms} ms")


class ConnectGate:
    """Holds back a Socket.IO namespace's connect packet (``40/<namespace>``) on a page, so a
    test can commit a change before the server puts that socket in its rooms: the race
    between a page's first fetch and its live connection, on demand. Made before the page
    loads (Playwright routes the WebSockets a page opens after); ``holding`` can wait."""

    def __init__(self, page, namespace: str, holding: bool = True) -> None:
        self.packet = f"40{namespace}"
        self.holding = holding
        self.held: list[tuple[object, str]] = []  # (server side, message)
        page.route_web_socket(lambda url: "/socket.io/" in url, self._route)

    def _route(self, page_side) -> None:
        server = page_side.connect_to_server()

        def to_server(message) -> None:
            if self.holding and isinstance(message, str) and message.startswith(self.packet):
                self.held.append((server, message))
            else:
                server.send(message)

        page_side.on_message(to_server)

    def release(self) -> None:
        self.holding = False
        for server, message in self.held:
            server.send(message)
        self.held.clear()
