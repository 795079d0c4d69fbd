"""/api/v1/devices/{id}/activation: show, QR, send (real SMTP) and reset a device's code,
and the public /activate page."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories_devices import create_device, make_contact, make_sip_accounts
from tests.mailbox import Mailbox, smtp_server
from tests.servers import free_port
from tests.support import etag
from workspace.contact_center.contacts.models import ContactEmail
from workspace.contact_center.devices.codes import code_hash
from workspace.contact_center.devices.models import Device
from workspace.database import utcnow
from workspace.device_api.auth import device_for_token, issue_token
from workspace.extensions import db, socketio

DEVICES = "/api/v1/devices"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def device(app, admin, admin_client) -> SimpleNamespace:
    """Mike Brown (mike@example.com) with one new device, as admin A."""
    account = admin["account_id"]
    contact = make_contact(app, account, "Mike", "Brown")
    body = create_device(admin_client, contact, make_sip_accounts(app, account, 1))
    return SimpleNamespace(id=body["id"], url=f"{DEVICES}/{body['id']}/activation")


@pytest.fixture
def mailbox(app):
    """A real SMTP server the app sends to."""
    with smtp_server() as (box, port):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        yield box


def _row(app, device_id: int) -> SimpleNamespace:
    with app.app_context():
        row = db.session.get(Device, device_id)
        return SimpleNamespace(
            **{
                name: getattr(row, name)
                for name in (
                    "version",
                    "status",
                    "sub_status",
                    "activation_code_hash",
                    "activation_code_encrypted",
                    "token_hash",
                    "activated_at",
                )
            }
        )


def _activate_in_db(app, device_id: int) -> str:
    """What the device API does on activation: a token, online, the shown code dropped."""
    with app.app_context():
        row = db.session.get(Device, device_id)
        token = issue_token(row)
        row.status, row.sub_status = "online", "pending_update"
        row.activated_at = row.last_seen_at = utcnow()
        row.app_version, row.platform = "3.2.1", "android"
        row.activation_code_encrypted = None
        db.session.commit()
        return token


def _send(api, device) -> dict:
    response = api.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _version(api, device) -> int:
    return api.get(device.url).get_json()["device"]["version"]


# --- refusals -------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client, device):
    assert client.get(device.url).status_code == 401
    assert client.get(f"{device.url}/qr.svg").status_code == 401


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("GET", ""), ("GET", "/qr.svg"), ("GET", "/qr.png"), ("POST", "/send"), ("POST", "/reset")],
)
def test_when_other_account_touches_activation_then_404_and_nothing_changed(
    app, other_client, device, mailbox, method, suffix
):
    before = _row(app, device.id)
    url = device.url + suffix
    if method == "GET":
        response = other_client.get(url)
    else:
        response = other_client.post(url, json={"email": "mike@example.com"}, headers=etag(1))
    assert response.status_code == 404
    assert response.get_json()["code"] == 404
    assert _row(app, device.id) == before
    assert mailbox.messages == []


def test_when_device_id_is_beyond_32_bits_then_404(admin_client):
    assert admin_client.get(f"{DEVICES}/{2**40}/activation").status_code == 404


def test_when_send_to_address_not_the_contacts_then_422_naming_email_and_nothing_changed(
    app, admin_client, device, mailbox
):
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/send", json={"email": "eve@evil.example"})
    assert response.status_code == 422
    assert "Mike Brown" in response.get_json()["errors"]["json"]["email"][0]
    assert _row(app, device.id) == before
    assert mailbox.messages == []


def test_when_contact_has_no_email_then_send_is_422_saying_add_one(
    app, admin_client, device, mailbox
):
    with app.app_context():
        contact = db.session.get(Device, device.id).contact_id
        db.session.execute(db.delete(ContactEmail).where(ContactEmail.contact_id == contact))
        db.session.commit()
    assert admin_client.get(device.url).get_json()["emails"] == []
    response = admin_client.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert response.status_code == 422
    assert "no email address" in response.get_json()["errors"]["json"]["email"][0]
    assert mailbox.messages == []


@pytest.mark.parametrize(
    "body", [{}, {"email": ""}, {"email": 5}, {"email": "mike@example.com", "cc": "x@y.z"}]
)
def test_when_send_body_is_invalid_then_422_and_nothing_changed(
    app, admin_client, device, mailbox, body
):
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/send", json=body)
    assert response.status_code == 422
    assert _row(app, device.id) == before
    assert mailbox.messages == []


def test_when_send_without_csrf_header_then_403_and_nothing_changed(
    app, admin_client, device, mailbox
):
    before = _row(app, device.id)
    body = {"email": "mike@example.com"}
    response = admin_client.post(f"{device.url}/send", json=body, csrf=False)
    assert response.status_code == 403
    assert _row(app, device.id) == before


def test_when_smtp_server_is_down_then_502_and_code_still_shown(app, admin_client, device):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nothing listens there
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert response.status_code == 502
    assert "could not be sent" in response.get_json()["message"]
    assert _row(app, device.id) == before
    assert admin_client.get(device.url).get_json()["code"] is not None


def test_when_no_mail_server_is_configured_then_502_says_so_and_nothing_changed(
    app, admin_client, device
):
    app.config["MAIL_SERVER"] = ""
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert response.status_code == 502
    assert "MAIL_SERVER" in response.get_json()["message"]
    assert _row(app, device.id) == before


def test_when_qr_requested_after_instructions_sent_then_409_says_reset(
    admin_client, device, mailbox
):
    _send(admin_client, device)
    for kind in ("svg", "png"):
        response = admin_client.get(f"{device.url}/qr.{kind}")
        assert response.status_code == 409
        assert "Reset the activation code" in response.get_json()["message"]


def test_when_instructions_sent_twice_then_409_and_one_mail(admin_client, device, mailbox):
    _send(admin_client, device)
    again = admin_client.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert again.status_code == 409
    assert len(mailbox.messages) == 1


def test_when_device_is_activated_then_code_hidden_and_send_refused(
    app, admin_client, device, mailbox
):
    _activate_in_db(app, device.id)
    body = admin_client.get(device.url).get_json()
    assert body["code"] is None and body["activation_link"] is None
    assert "activated" in body["code_hidden_reason"]
    response = admin_client.post(f"{device.url}/send", json={"email": "mike@example.com"})
    assert response.status_code == 409
    assert mailbox.messages == []


def test_when_reset_without_if_match_then_428_and_code_unchanged(app, admin_client, device):
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/reset")
    assert response.status_code == 428
    assert _row(app, device.id) == before


def test_when_reset_with_stale_if_match_then_412_and_code_unchanged(app, admin_client, device):
    before = _row(app, device.id)
    response = admin_client.post(f"{device.url}/reset", headers=etag(before.version + 5))
    assert response.status_code == 412
    assert _row(app, device.id) == before


# --- what works -----------------------------------------------------------------------------


def test_when_device_created_then_activation_shows_code_links_emails_and_instructions(
    app, admin_client, device
):
    response = admin_client.get(device.url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    code = body["code"]
    assert code_hash(code) == _row(app, device.id).activation_code_hash
    assert body["code_shown"] is True and body["code_hidden_reason"] is None
    assert body["activation_link"] == (
        f"callcenter://activate?server=http%3A%2F%2F127.0.0.1%3A5000&code={code}"
    )
    assert body["web_link"] == f"http://127.0.0.1:5000/activate?code={code}"
    assert body["emails"] == [{"address": "mike@example.com", "label": "work"}]
    assert [m["key"] for m in body["instructions"]["methods"]] == ["click", "qr", "code"]
    assert body["device"]["status"] == "not_activated"
    assert body["device"]["contact"]["name"] == "Mike Brown"
    assert response.headers["ETag"] == f'"{body["device"]["version"]}"'
    assert "hash" not in response.get_data(as_text=True)


def test_when_devices_listed_then_status_fields_present_and_no_code_or_hash(
    app, admin_client, device
):
    _activate_in_db(app, device.id)
    listed = admin_client.get(DEVICES).get_json()["items"][0]
    detail = admin_client.get(f"{DEVICES}/{device.id}").get_json()
    for view in (listed, detail):
        assert view["status"] == "online"
        assert view["sub_status"] == "pending_update"
        assert view["app_version"] == "3.2.1" and view["platform"] == "android"
        assert view["last_seen_at"] and view["activated_at"]
        assert not any("hash" in key or "code" in key or "token" in key for key in view)


def test_when_qr_requested_then_svg_and_png_of_the_activation_link(admin_client, device):
    svg = admin_client.get(f"{device.url}/qr.svg")
    assert svg.status_code == 200
    assert svg.mimetype == "image/svg+xml"
    assert svg.headers["Cache-Control"] == "no-store"
    assert b"<svg" in svg.data
    png = admin_client.get(f"{device.url}/qr.png")
    assert png.status_code == 200
    assert png.mimetype == "image/png"
    assert png.data.startswith(PNG_MAGIC)


def test_when_instructions_sent_then_mail_has_code_link_and_qr_and_code_is_hidden(
    app, admin_client, device, mailbox
):
    shown = admin_client.get(device.url).get_json()
    response = admin_client.post(f"{device.url}/send", json={"email": "MIKE@example.com"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["device"]["sub_status"] == "instructions_sent"
    assert body["code"] is None and body["activation_link"] is None
    assert "sent" in body["code_hidden_reason"]
    assert response.headers["ETag"] == f'"{body["device"]["version"]}"'

    message = mailbox.wait_for("mike@example.com")
    text = Mailbox.text_of(message)
    assert shown["code"] in text
    assert shown["activation_link"] in text
    assert "Scan the QR code" in text
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert shown["code"] in html.get_payload(decode=True).decode()
    qr = next(p for p in message.walk() if p.get_content_type() == "image/png")
    assert qr.get_filename() == "activation-qr.png"
    assert qr.get_payload(decode=True).startswith(PNG_MAGIC)

    row = _row(app, device.id)
    assert row.activation_code_encrypted is None
    assert row.activation_code_hash == code_hash(shown["code"])  # the mailed code still works
    assert admin_client.get(device.url).get_json()["code"] is None


def test_when_reset_then_new_code_and_the_old_token_stops_working(app, admin_client, device):
    old_code = admin_client.get(device.url).get_json()["code"]
    token = _activate_in_db(app, device.id)
    response = admin_client.post(
        f"{device.url}/reset", headers=etag(_version(admin_client, device))
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["code"] and body["code"] != old_code
    assert body["device"]["status"] == "not_activated"
    assert body["device"]["sub_status"] is None
    assert body["device"]["activated_at"] is None
    row = _row(app, device.id)
    assert row.token_hash is None and row.activated_at is None
    assert row.activation_code_hash == code_hash(body["code"]) != code_hash(old_code)
    with app.app_context():
        assert device_for_token(token) is None


def test_when_reset_after_instructions_sent_then_new_code_is_shown_and_can_be_sent(
    admin_client, device, mailbox
):
    _send(admin_client, device)
    response = admin_client.post(
        f"{device.url}/reset", headers=etag(_version(admin_client, device))
    )
    assert response.status_code == 200
    assert response.get_json()["device"]["sub_status"] is None
    new_code = response.get_json()["code"]
    assert admin_client.get(f"{device.url}/qr.svg").status_code == 200
    _send(admin_client, device)
    assert new_code in Mailbox.text_of(mailbox.messages[-1])


def test_when_status_changes_then_account_sockets_get_device_status(
    app, admin_client, device, mailbox
):
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    assert sock.is_connected("/workspace")
    _send(admin_client, device)
    admin_client.post(f"{device.url}/reset", headers=etag(_version(admin_client, device)))
    events = [e for e in sock.get_received("/workspace") if e["name"] == "device.status"]
    sock.disconnect(namespace="/workspace")
    sent, reset = (e["args"][0]["device"] for e in events)
    assert (sent["id"], sent["sub_status"]) == (device.id, "instructions_sent")
    assert sent["status"] == "not_activated"
    assert reset["sub_status"] is None and reset["version"] > sent["version"]
    assert set(sent) == {"id", "status", "sub_status", "app_version", "last_seen_at", "version"}


def test_when_other_account_is_connected_then_it_hears_no_device_status(
    app, other_client, admin_client, device, mailbox
):
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=other_client.client)
    _send(admin_client, device)
    names = [e["name"] for e in sock.get_received("/workspace")]
    sock.disconnect(namespace="/workspace")
    assert "device.status" not in names


# --- the public /activate page --------------------------------------------------------------


def test_when_activate_page_gets_script_in_query_then_it_is_not_reflected(client):
    response = client.get("/activate?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<script>" not in page and "alert(1)" not in page
    assert "not hold a valid activation code" in page
    assert "script-src" not in response.headers["Content-Security-Policy"]  # no scripts at all


def test_when_activate_page_opened_with_code_then_it_shows_it_and_the_app_link(client):
    response = client.get("/activate?code=k7qm 4tzp-9xwd")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "K7QM-4TZP-9XWD" in page
    link = "callcenter://activate?server=http%3A%2F%2F127.0.0.1%3A5000&amp;code=K7QM-4TZP-9XWD"
    assert f'href="{link}"' in page
    assert "Install the app" in page and "Scan the QR code" in page


def test_when_activate_page_opened_without_code_then_it_explains_entering_one(client):
    response = client.get("/activate")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Enter the activation code" in page
    assert "callcenter://" not in page
