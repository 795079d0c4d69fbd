"""The web phone as a device: it activates with platform "web", its config says where a
browser registers (the ``sip`` block), and the pages' CSP lets the browser reach it.

Reuses the device API tests' account (Mike Brown, his laptop on SIP account 1001).
"""

# ruff: noqa: F811 (acme is the device API tests' fixture, imported and used as a parameter)
from __future__ import annotations

from tests.api.test_device_api import (  # noqa: F401
    API,
    acme,
    activate,
    activated,
    bearer,
    new_code,
    portal_device,
)
from workspace.device_api.config import config_etag


def test_when_the_web_phone_token_is_reset_then_config_and_heartbeat_get_401(
    app, client, admin_client, acme
):
    token = activate(client, new_code(app, acme.laptop), platform="web", app_version="0.1.0")
    token = token.get_json()["token"]
    version = admin_client.get(f"/api/v1/devices/{acme.laptop}").get_json()["version"]

    reset = admin_client.post(
        f"/api/v1/devices/{acme.laptop}/activation/reset", headers={"If-Match": f'"{version}"'}
    )

    assert reset.status_code == 200, reset.get_json()
    assert client.get(f"{API}/config", headers=bearer(token)).status_code == 401
    beat = client.post(f"{API}/heartbeat", json={"lines": []}, headers=bearer(token))
    assert beat.status_code == 401
    assert portal_device(admin_client, acme.laptop)["status"] == "not_activated"


def test_when_platform_is_web_then_the_devices_page_shows_web_and_its_version(
    app, client, admin_client, acme
):
    answer = activate(client, new_code(app, acme.laptop), platform="web", app_version="0.1.0")

    assert answer.status_code == 200, answer.get_json()
    device = portal_device(admin_client, acme.laptop)
    assert (device["platform"], device["app_version"], device["status"]) == (
        "web",
        "0.1.0",
        "online",
    )


def test_when_activated_then_config_names_the_sip_websocket_and_domain(app, client, acme):
    app.config.update(SIP_HOST="127.0.0.1", SIP_WS_PORT=8123, SIP_DOMAIN="pbx.test")

    answer = activated(app, client, acme.laptop)

    assert answer["config"]["sip"] == {
        "websocket_url": "ws://127.0.0.1:8123/ws",
        "domain": "pbx.test",
        "ice_servers": [],  # none configured (tests/api/test_ice_servers.py configures some)
        "ice_transport_policy": "all",
        "ice_expires_at": None,
    }
    fetched = client.get(f"{API}/config", headers=bearer(answer["token"])).get_json()
    assert fetched["sip"] == answer["config"]["sip"]
    assert fetched["etag"] == config_etag(fetched)


def test_when_sip_ws_url_is_set_then_config_says_wss_and_the_etag_moves(app, client, acme):
    token = activated(app, client, acme.laptop)["token"]
    before = client.get(f"{API}/config", headers=bearer(token)).get_json()

    app.config["SIP_WS_URL"] = "wss://sip.example.com/ws"
    after = client.get(f"{API}/config", headers=bearer(token)).get_json()

    assert after["sip"]["websocket_url"] == "wss://sip.example.com/ws"
    assert after["etag"] != before["etag"]


def test_when_a_page_is_served_then_its_csp_lets_the_browser_reach_the_sip_websocket(app, client):
    app.config["SIP_WS_URL"] = "wss://sip.example.com:8443/ws"

    policy = client.get("/api/v1/docs").headers["Content-Security-Policy"]

    connect = next(p for p in policy.split(";") if p.strip().startswith("connect-src"))
    assert "wss://sip.example.com:8443" in connect.split()


def test_when_sip_ws_url_is_not_a_websocket_url_then_the_csp_adds_nothing(app, client):
    app.config["SIP_WS_URL"] = "ws://x; script-src *"

    policy = client.get("/api/v1/docs").headers["Content-Security-Policy"]

    assert "script-src 'self';" in policy and "script-src *" not in policy
