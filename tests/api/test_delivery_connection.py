"""POST /api/v1/delivery-methods/{id}/test: a real connection test with the saved settings.

The answer is 200 once the test ran: {"ok": true, "message"} or {"ok": false, "kind",
"message", "retry"}. Private and loopback hosts are refused unless the deployment allows
them, so the stand-in servers here need DELIVERY_ALLOW_PRIVATE_HOSTS.
"""

from __future__ import annotations

import pytest

from tests.factories_audio_delivery import DELIVERY, create_delivery
from tests.standins.ftp_server import PASSWORD, USER, ftp_server
from tests.standins.sftp_server import sftp_server
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.delivery.targets import delivery_context, load_target
from workspace.extensions import db


def ftp_method(api, server, **settings) -> dict:
    values = {
        "host": server.host,
        "port": server.port,
        "username": USER,
        "password": PASSWORD,
        "tls": False,
    }
    return create_delivery(api, "ftp", **(values | settings))


def run_test(api, method_id: int):
    return api.post(f"{DELIVERY}/{method_id}/test")


def test_when_not_logged_in_then_401(app, client, admin_client):
    method = create_delivery(admin_client, "ftp", host="127.0.0.1")
    assert client.post(f"{DELIVERY}/{method['id']}/test").status_code == 401


def test_when_csrf_header_is_missing_then_refused(app, admin_client):
    method = create_delivery(admin_client, "ftp", host="127.0.0.1")
    assert admin_client.post(f"{DELIVERY}/{method['id']}/test", csrf=False).status_code in (
        401,
        403,
    )


def test_when_method_belongs_to_another_account_then_404(app, admin_client, other_client):
    method = create_delivery(other_client, "ftp", host="127.0.0.1")
    response = run_test(admin_client, method["id"])
    assert response.status_code == 404


@pytest.mark.parametrize("host", ["127.0.0.1", "169.254.169.254", "10.0.0.1", "localhost"])
def test_when_host_is_private_by_default_then_ok_false_host_not_allowed(app, admin_client, host):
    method = create_delivery(admin_client, "ftp", host=host)
    response = run_test(admin_client, method["id"])
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is False
    assert body["kind"] == "host_not_allowed"
    assert body["retry"] is False
    assert "not allowed" in body["message"]


def test_when_sftp_host_is_metadata_address_then_refused(app, admin_client):
    method = create_delivery(admin_client, "sftp", host="169.254.169.254")
    body = run_test(admin_client, method["id"]).get_json()
    assert (body["ok"], body["kind"]) == (False, "host_not_allowed")


def test_when_cloud_api_points_at_loopback_then_refused(app, admin_client):
    app.config["DROPBOX_API_URL"] = app.config["DROPBOX_CONTENT_URL"] = "http://127.0.0.1:9"
    method = create_delivery(admin_client, "dropbox")
    body = run_test(admin_client, method["id"]).get_json()
    assert (body["ok"], body["kind"]) == (False, "host_not_allowed")
    assert "CANARY" not in str(body)


def test_when_password_is_wrong_then_ok_false_login_without_the_password(
    app, admin_client, tmp_path
):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    with ftp_server(tmp_path / "ftp") as server:
        method = ftp_method(admin_client, server, password="Wrong-Pass-4711")
        response = run_test(admin_client, method["id"])
    body = response.get_json()
    assert response.status_code == 200
    assert (body["ok"], body["kind"]) == (False, "login")
    assert "Wrong-Pass-4711" not in response.get_data(as_text=True)
    assert "user name and password" in body["message"]


def test_when_ftp_server_takes_the_test_file_then_ok_and_nothing_left(app, admin_client, tmp_path):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    with ftp_server(tmp_path / "ftp") as server:
        method = ftp_method(admin_client, server)
        response = run_test(admin_client, method["id"])
        assert server.files() == {}
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["ok"] is True and body["kind"] is None
    assert "removed" in body["message"]
    # The test changes nothing: same version, same settings.
    again = admin_client.get(f"{DELIVERY}/{method['id']}").get_json()
    assert again["version"] == method["version"]


def test_when_sftp_host_key_matches_then_ok(app, admin_client, tmp_path):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    with sftp_server(tmp_path / "sftp") as server:
        method = create_delivery(
            admin_client,
            "sftp",
            host=server.host,
            port=server.port,
            username="rec",
            password="sftp-secret-pw",
            private_key=None,
            host_key=server.host_key_line,
        )
        body = run_test(admin_client, method["id"]).get_json()
    assert body["ok"] is True, body


def test_when_target_is_loaded_then_secrets_are_decrypted_and_context_follows_config(
    app, admin_client
):
    method = create_delivery(admin_client, "dropbox")
    app.config["DELIVERY_TIMEOUT"] = 12.5
    with app.app_context():
        row = db.session.get(DeliveryMethod, method["id"])
        target = load_target(row)
        ctx = delivery_context(app.config)
    assert target.secrets == {
        "access_token": "CANARY-dropbox-access",
        "refresh_token": "CANARY-dropbox-refresh",
        "app_secret": "CANARY-dropbox-app-secret",
    }
    assert "CANARY" not in repr(target)
    assert ctx.timeout == 12.5
    assert ctx.allow_private_hosts is False
    assert ctx.api_base_urls["dropbox"] == app.config["DROPBOX_API_URL"]
    assert ctx.mail["MAIL_MAX_BYTES"] == 10 * 1024 * 1024


# ---- the values as typed, before saving ------------------------------------------------------


def test_when_unsaved_values_are_tested_then_the_failing_step_is_named_and_nothing_saved(
    app, admin_client, tmp_path
):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    with ftp_server(tmp_path / "ftp") as server:
        body = {
            "name": "Recordings FTP",
            "type": "ftp",
            "settings": {
                "host": server.host,
                "port": server.port,
                "username": USER,
                "password": "Wrong-Pass-4711",
                "tls": False,
            },
        }
        refused = admin_client.post(f"{DELIVERY}/test", json=body)
        body["settings"]["password"] = PASSWORD
        accepted = admin_client.post(f"{DELIVERY}/test", json=body)
    assert refused.status_code == 200
    result = refused.get_json()
    assert (result["ok"], result["kind"], result["step"]) == (False, "login", "login")
    assert "Wrong-Pass-4711" not in refused.get_data(as_text=True)
    assert accepted.get_json()["ok"] is True, accepted.get_json()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(DeliveryMethod)) == 0


def test_when_unsaved_values_are_invalid_then_422_on_the_field(admin_client):
    response = admin_client.post(
        f"{DELIVERY}/test", json={"name": "x", "type": "ftp", "settings": {"port": "nope"}}
    )
    assert response.status_code == 422
    assert "settings" in response.get_json()["errors"]["json"]


def test_when_nothing_listens_then_the_step_is_connect(app, admin_client):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    body = {
        "name": "Nowhere",
        "type": "ftp",
        "settings": {"host": "127.0.0.1", "port": 9, "username": USER, "password": "x"},
    }
    result = admin_client.post(f"{DELIVERY}/test", json=body).get_json()
    assert (result["ok"], result["step"]) == (False, "connect")


def test_when_a_saved_method_is_tested_with_typed_values_then_they_win_and_are_not_saved(
    app, admin_client, tmp_path
):
    app.config["DELIVERY_ALLOW_PRIVATE_HOSTS"] = True
    with ftp_server(tmp_path / "ftp") as server:
        method = ftp_method(admin_client, server, password="Wrong-Pass-4711")
        # The form now says another port: the test uses it, the saved password is kept
        typed = {"settings": {"port": 9}}
        moved = admin_client.post(f"{DELIVERY}/{method['id']}/test", json=typed).get_json()
        # and the right password as typed makes it pass, still unsaved
        fixed = admin_client.post(
            f"{DELIVERY}/{method['id']}/test", json={"settings": {"password": PASSWORD}}
        ).get_json()
        saved = run_test(admin_client, method["id"]).get_json()
    assert (moved["ok"], moved["step"]) == (False, "connect")
    assert fixed["ok"] is True, fixed
    assert (saved["ok"], saved["step"]) == (False, "login")
    again = admin_client.get(f"{DELIVERY}/{method['id']}").get_json()
    assert again["version"] == method["version"]
