"""The Recordings page against a real server and its embedded delivery worker.

The mail server is down at first, so the upload's only attempt fails and the recording is
dead with the reason shown; the admin plays it, starts the mail server, presses Retry, and
watches it turn Delivered without reloading. A second upload appears on its own.
"""

from __future__ import annotations

import io
import re

import pytest
import requests
from aiosmtpd.controller import Controller
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot, wait_for_js
from tests.factories import DEFAULT_PASSWORD
from tests.factories_audio_delivery import wav_bytes
from tests.factories_recordings import meta, seed_recording_account
from tests.mailbox import Mailbox
from tests.servers import free_port, prepare_instance, running_server, server_env

pytestmark = pytest.mark.e2e
EMAIL = "rita.recorder@example.com"


def _upload(base: str, token: str, **fields) -> int:
    response = requests.post(
        f"{base}/device/v1/recordings",
        data=meta(**fields),
        files={"file": ("call.wav", io.BytesIO(wav_bytes(seconds=1.0)), "audio/wav")},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _row(page: Page, recording_id: int):
    return page.locator(f"tr[data-recording-id='{recording_id}']")


def test_when_delivery_fails_then_admin_plays_retries_and_sees_it_delivered(
    browser, page: Page, tmp_path
):
    mail_port = free_port()  # nothing listens yet: the first attempt is refused
    env = server_env(
        tmp_path,
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=str(mail_port),
        WORKSPACE_DELIVERY_MAX_ATTEMPTS="1",
        WORKSPACE_DELIVERY_POLL_SECONDS="0.2",
    )
    prepare_instance(tmp_path, env)
    token = seed_recording_account(tmp_path, EMAIL)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mail_port)

    with running_server(tmp_path, env) as base:
        first = _upload(base, token)
        page.goto(f"{base}/login")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_role("textbox", name="Password", exact=True).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).not_to_have_url(re.compile(r"/login"))
        page.goto(f"{base}/recordings")

        row = _row(page, first)
        expect(row.locator("[data-status]")).to_have_text("Dead")
        expect(row).to_contain_text("refused the connection")
        expect(row).to_contain_text("+14155550123")
        expect(row).to_contain_text("Recordings by mail")
        expect(row).to_contain_text("Mike Brown")

        row.get_by_role("button", name=re.compile("^Play the recording")).click()
        audio = page.locator("audio")
        expect(audio).to_have_attribute("src", f"/api/v1/recordings/{first}/audio")
        wait_for_js(audio, "a => a.duration > 0.9")
        shot(page, "recordings-dead")

        controller.start()
        try:
            row.get_by_role("button", name="Retry").click()
            expect(page.locator(".mantine-Notification-root")).to_contain_text(
                "Delivery queued again"
            )
            expect(row.locator("[data-status]")).to_have_text("Delivered", timeout=20000)
            expect(row.get_by_role("button", name="Retry")).to_have_count(0)
            mailbox.wait_for("rec@example.com")

            second = _upload(base, token, remote_number="+4930123456", direction="outbound")
            expect(_row(page, second).locator("[data-status]")).to_have_text(
                "Delivered", timeout=20000
            )
            expect(_row(page, second)).to_contain_text("Outbound, external")
            shot(page, "recordings-delivered")

            page.get_by_role("combobox", name="Filter by status").click()
            page.get_by_role("option", name="Dead", exact=True).click()
            expect(page.get_by_text("No recording matches")).to_be_visible()
        finally:
            controller.stop()
    assert len(mailbox.messages) == 2
