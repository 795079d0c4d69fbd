"""Test connection in the delivery-method form, against a real FTP server, in the browser.

The server runs with WORKSPACE_DELIVERY_ALLOW_PRIVATE_HOSTS so it may reach the FTP stand-in on
loopback. A working method answers green; one with a wrong password answers red with
"Login refused" and a message that does not repeat the password.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.test_contact_center_flow import (
    _api_post,
    _log_in,
    _register_and_confirm,
)
from tests.servers import prepare_instance, running_server, server_env
from tests.standins.ftp_server import PASSWORD as FTP_PASSWORD
from tests.standins.ftp_server import USER, ftp_server

pytestmark = pytest.mark.e2e


@pytest.fixture
def ftp_and_server(tmp_path, mailbox):
    with ftp_server(tmp_path / "ftp-root") as ftp:
        env = server_env(
            tmp_path / "instance",
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=str(mailbox.port),
            WORKSPACE_DELIVERY_ALLOW_PRIVATE_HOSTS="1",
        )
        prepare_instance(tmp_path / "instance", env)
        with running_server(tmp_path / "instance", env) as base:
            yield ftp, base


def _ftp_method(page: Page, base: str, ftp, name: str, password: str) -> None:
    settings = {
        "host": ftp.host,
        "port": ftp.port,
        "username": USER,
        "password": password,
        "tls": False,
    }
    _api_post(page, base, "/delivery-methods", {"name": name, "type": "ftp", "settings": settings})


def test_when_admin_tests_a_delivery_method_then_the_answer_shows_green_or_red(
    page: Page, ftp_and_server, mailbox
):
    ftp, base = ftp_and_server
    _register_and_confirm(page, base, mailbox)
    _log_in(page, base)
    _ftp_method(page, base, ftp, "Archive FTP", FTP_PASSWORD)
    _ftp_method(page, base, ftp, "Broken FTP", "Wrong-Pass-4711")

    page.goto(f"{base}/settings")
    page.get_by_role("button", name="Edit Archive FTP").click()
    dialog = page.get_by_role("dialog", name="Edit Archive FTP")
    dialog.get_by_role("button", name="Test connection").click()
    result = dialog.get_by_test_id("connection-test-result")
    expect(result).to_contain_text("Connection works")
    expect(result).to_contain_text("removed")
    assert ftp.files() == {}
    shot(page, "delivery-test-ok")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()

    page.get_by_role("button", name="Edit Broken FTP").click()
    dialog = page.get_by_role("dialog", name="Edit Broken FTP")
    dialog.get_by_role("button", name="Test connection").click()
    result = dialog.get_by_test_id("connection-test-result")
    expect(result).to_contain_text("Login refused")
    expect(result).to_contain_text("check the user name and password")
    expect(result).not_to_contain_text("Wrong-Pass-4711")
    shot(page, "delivery-test-login-refused")
