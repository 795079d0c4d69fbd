"""Where a browser device registers: the SIP server's WebSocket URL and the SIP domain.

A call.center app has its server and port in each line; a browser cannot speak SIP over
UDP, so it needs the SIP server's SIP-over-WebSocket address as well. It comes from the
deployment, not from the request (the config is hashed in background recomputes with no
request at hand): WORKSPACE_SIP_WS_URL when set (say ``wss://sip.example.com/ws`` behind a
TLS proxy), else ``ws://<SIP_HOST>:<SIP_WS_PORT>/ws``. A wildcard SIP_HOST names no address
a browser can reach, so the SIP domain stands in for it then.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["sip_connection"]

_WILDCARDS = {"", "0.0.0.0", "::", "[::]"}


def sip_connection(config: Mapping[str, Any]) -> dict[str, str]:
    """The config's ``sip`` block.

    >>> sip_connection({"SIP_HOST": "127.0.0.1", "SIP_WS_PORT": 8088, "SIP_DOMAIN": "pbx"})
    {'websocket_url': 'ws://127.0.0.1:8088/ws', 'domain': 'pbx'}
    >>> sip_connection({"SIP_WS_URL": "wss://sip.example.com/ws", "SIP_DOMAIN": "pbx"})
    {'websocket_url': 'wss://sip.example.com/ws', 'domain': 'pbx'}
    """
    domain = str(config.get("SIP_DOMAIN") or "")
    url = str(config.get("SIP_WS_URL") or "")
    if not url:
        host = str(config.get("SIP_HOST") or "")
        host = domain if host in _WILDCARDS else host
        url = f"ws://{host}:{config.get('SIP_WS_PORT', 8088)}/ws"
    return {"websocket_url": url, "domain": domain}
