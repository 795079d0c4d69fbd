"""The /workspace Socket.IO namespace admits only logged-in admins."""

from __future__ import annotations

from workspace.extensions import socketio


def test_when_not_logged_in_then_connect_is_refused(app):
    flask_client = app.test_client()
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=flask_client)
    assert not sock.is_connected("/workspace")


def test_when_logged_out_then_old_cookie_cannot_connect(app, admin_client):
    cookie = admin_client.client.get_cookie("cfw_session").value
    assert admin_client.post("/api/v1/auth/logout").status_code == 204
    replay = app.test_client()
    replay.set_cookie("cfw_session", cookie)
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=replay)
    assert not sock.is_connected("/workspace")


def test_when_logged_in_then_connect_is_accepted(app, admin_client):
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    assert sock.is_connected("/workspace")
    sock.disconnect(namespace="/workspace")


def test_when_admin_logs_out_then_open_socket_is_told_and_closed(app, admin_client):
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    assert sock.is_connected("/workspace")
    assert admin_client.post("/api/v1/auth/logout").status_code == 204
    assert not sock.is_connected("/workspace")
    # get_received() refuses a closed client; its queue still holds what arrived first.
    assert "session.ended" in [event["name"] for event in sock.queue]
