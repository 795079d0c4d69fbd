"""The device-config recompute runs on its own thread, after commit, debounced per account.

The other tests use the settling test client (it waits for each request's recompute); these
use Flask's plain one, so the admin's answer does not wait, and check what the worker does
on its own: coalescing, announcing only committed changes, config.changed once moved.
"""

from __future__ import annotations

import threading

import pytest
from flask.testing import FlaskClient

from tests.factories_publishing import mike_brown
from tests.realtime.test_device_push import _activate, _device_socket, _events
from tests.support import ApiClient, sqlite_begins
from workspace.contact_center.devices.models import Device
from workspace.device_api import recompute
from workspace.device_api.recompute import config_recompute
from workspace.extensions import db
from workspace.signals import announce_devices_may_change, devices_may_change

NS = "/device"


@pytest.fixture
def debounced(app):
    """The app's recompute with a production-like debounce."""
    app.config["DEVICE_CONFIG_DEBOUNCE"] = 0.2
    recompute.init_app(app)
    return config_recompute(app)


@pytest.fixture
def plain_admin(app, admin_client) -> ApiClient:
    """The logged-in admin through Flask's own test client, which does not wait."""
    plain = FlaskClient(app, app.response_class, use_cookies=True)
    for cookie in admin_client.client._cookies.values():
        plain.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    api = ApiClient(plain)
    api.csrf = admin_client.csrf
    return api


def test_when_an_edit_is_refused_then_nothing_is_announced(app, admin, plain_admin):
    with app.app_context():
        ids = mike_brown(admin["account_id"])
    heard: list[int] = []

    def receiver(sender, **_):
        heard.append(sender)

    devices_may_change.connect(receiver)
    try:
        sip = f"/api/v1/sip-accounts/{ids['sip_1']}"
        stale = plain_admin.patch(sip, json={"password": "x-1"}, headers={"If-Match": '"99"'})
        assert stale.status_code == 412
        bad = plain_admin.patch(sip, json={"password": ""}, headers={"If-Match": '"1"'})
        assert bad.status_code == 422
    finally:
        devices_may_change.disconnect(receiver)
    assert heard == []


def test_when_many_changes_of_one_account_arrive_then_one_recompute_runs(app, admin, debounced):
    with app.app_context():
        for _ in range(20):
            announce_devices_may_change(admin["account_id"], "test")
    assert debounced.wait_idle()
    assert debounced.runs == 1


def test_when_two_accounts_change_then_each_is_recomputed_once(app, admin, other_admin, debounced):
    with app.app_context():
        for account in (admin["account_id"], other_admin["account_id"]) * 5:
            announce_devices_may_change(account, "test")
    assert debounced.wait_idle()
    assert debounced.runs == 2


def test_when_changes_come_from_many_threads_then_the_queue_settles(app, admin, debounced):
    def announce():
        with app.app_context():
            announce_devices_may_change(admin["account_id"], "test")

    threads = [threading.Thread(target=announce) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert debounced.wait_idle()
    assert 1 <= debounced.runs <= 8


def test_when_a_sip_account_changes_then_the_answer_does_not_wait_and_the_device_hears_later(
    app, client, admin, plain_admin, debounced
):
    account = admin["account_id"]
    with app.app_context():
        ids = mike_brown(account)
    laptop = ids["laptop"]
    token = _activate(app, client, laptop)
    sock = _device_socket(app, token)
    with app.app_context():
        before = db.session.get(Device, laptop).config_hash

    sip = plain_admin.get(f"/api/v1/sip-accounts/{ids['sip_1']}").get_json()
    changed = plain_admin.patch(
        f"/api/v1/sip-accounts/{ids['sip_1']}",
        json={"password": "later-secret-1"},
        headers={"If-Match": f'"{sip["version"]}"'},
    )
    assert changed.status_code == 200
    assert debounced.wait_idle()

    with app.app_context():
        device = db.session.get(Device, laptop)
        assert device.config_hash != before
        assert device.sub_status == "pending_update"
    assert _events(sock, "config.changed") == [{"etag": device.config_hash}]
    assert debounced.runs == 1


def test_when_hashes_are_recomputed_then_sqlite_write_lock_is_held_only_for_the_writes(
    app, client, admin, plain_admin, debounced
):
    """Building thousands of configs takes seconds: under BEGIN IMMEDIATE every login and
    edit would queue behind it, and fail with a 500 past the busy timeout."""
    with app.app_context():
        ids = mike_brown(admin["account_id"])
    _activate(app, client, ids["laptop"])
    assert debounced.wait_idle()
    sip = plain_admin.get(f"/api/v1/sip-accounts/{ids['sip_1']}").get_json()
    with sqlite_begins(app) as begun:
        changed = plain_admin.patch(
            f"/api/v1/sip-accounts/{ids['sip_1']}",
            json={"password": "later-secret-2"},
            headers={"If-Match": f'"{sip["version"]}"'},
        )
        assert changed.status_code == 200
        during_request = len(begun)
        assert debounced.wait_idle()
    # The recompute: a deferred read (the configs), a short write (the moved hashes), a
    # deferred read (the status notices).
    assert begun[during_request:] == ["BEGIN", "BEGIN IMMEDIATE", "BEGIN"]
