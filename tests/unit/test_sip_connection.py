"""Where browser phones register: the device config's ``sip`` block, from the deployment."""

from __future__ import annotations

import pytest

from workspace.device_api.sip_connection import sip_connection


@pytest.mark.parametrize("host", ["0.0.0.0", "::", ""])
def test_when_sip_host_is_a_wildcard_then_the_domain_names_the_websocket(host):
    config = {"SIP_HOST": host, "SIP_WS_PORT": 8088, "SIP_DOMAIN": "pbx.example.com"}

    assert sip_connection(config)["websocket_url"] == "ws://pbx.example.com:8088/ws"


def test_when_sip_ws_url_is_set_then_it_wins_over_host_and_port():
    config = {
        "SIP_HOST": "10.0.0.5",
        "SIP_WS_PORT": 8088,
        "SIP_DOMAIN": "pbx.example.com",
        "SIP_WS_URL": "wss://sip.example.com/ws",
    }

    assert sip_connection(config) == {
        "websocket_url": "wss://sip.example.com/ws",
        "domain": "pbx.example.com",
    }


def test_when_nothing_is_overridden_then_host_and_ws_port_make_the_url():
    config = {"SIP_HOST": "127.0.0.1", "SIP_WS_PORT": 8123, "SIP_DOMAIN": "127.0.0.1"}

    assert sip_connection(config)["websocket_url"] == "ws://127.0.0.1:8123/ws"
