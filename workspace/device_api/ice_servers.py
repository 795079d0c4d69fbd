"""The STUN and TURN servers a browser phone gives its RTCPeerConnection (``iceServers``).

Media between a browser and rtpengine, or between two browsers, needs an address each side
can reach. Behind NAT a browser learns its public address from a STUN server, and where no
direct path exists it relays through a TURN server. Both come from the deployment
(WORKSPACE_ICE_SERVERS). TURN needs credentials; rather than one password shared by every
browser, each device gets its own for a while, made from the TURN server's shared secret the
way coturn's ``use-auth-secret`` checks them (the "TURN REST API"): username
``<expiry unix time>:<device id>``, password base64(HMAC-SHA1(secret, username)). The TURN
server needs no call to us to check them, and a leaked one stops working at its expiry.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

__all__ = ["IceConfigError", "check_ice_config", "ice_block", "ice_urls", "turn_credentials"]

SCHEMES = ("stun:", "stuns:", "turn:", "turns:")
TURN_SCHEMES = ("turn:", "turns:")
POLICIES = ("all", "relay")


class IceConfigError(ValueError):
    """WORKSPACE_ICE_SERVERS (or its TURN settings) cannot be used; the message says why."""


def ice_urls(text: str) -> list[str]:
    """The URLs of a comma-separated WORKSPACE_ICE_SERVERS, checked.

    >>> ice_urls(" stun:stun.example.net:3478, turns:turn.example.net:5349?transport=tcp ")
    ['stun:stun.example.net:3478', 'turns:turn.example.net:5349?transport=tcp']
    >>> ice_urls("http://example.net")
    Traceback (most recent call last):
    ...
    workspace.device_api.ice_servers.IceConfigError: WORKSPACE_ICE_SERVERS: 'http://example.net' is not a stun:, stuns:, turn: or turns: URL
    """  # noqa: E501
    urls = [part.strip() for part in (text or "").split(",") if part.strip()]
    for url in urls:
        scheme = url.split(":", 1)[0].lower() + ":"
        host = url.split(":", 1)[1] if ":" in url else ""
        if scheme not in SCHEMES or not host.strip("/") or any(c.isspace() for c in url):
            raise IceConfigError(
                f"WORKSPACE_ICE_SERVERS: {url!r} is not a stun:, stuns:, turn: or turns: URL"
            )
    return urls


@lru_cache(maxsize=8)
def _split(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The STUN and the TURN URLs of a WORKSPACE_ICE_SERVERS, checked; parsed once per text
    (a background recompute builds the config of every activated device)."""
    urls = ice_urls(text)
    turn = tuple(url for url in urls if url.lower().startswith(TURN_SCHEMES))
    return tuple(url for url in urls if url not in turn), turn


def check_ice_config(config: Mapping[str, Any]) -> None:
    """Refuse, at start-up, settings a browser phone could not use."""
    _, turn = _split(str(config.get("ICE_SERVERS") or ""))
    if turn and not config.get("TURN_SECRET"):
        raise IceConfigError(
            "WORKSPACE_ICE_SERVERS names a TURN server but WORKSPACE_TURN_SECRET is not set: "
            "browser phones would have no credentials for it"
        )
    if int(config.get("TURN_TTL") or 0) < 600:
        raise IceConfigError("WORKSPACE_TURN_TTL must be at least 600 seconds")
    policy = config.get("ICE_TRANSPORT_POLICY") or "all"
    if policy not in POLICIES:
        raise IceConfigError(f"WORKSPACE_ICE_TRANSPORT_POLICY must be all or relay, not {policy!r}")
    if policy == "relay" and not turn:
        raise IceConfigError(
            "WORKSPACE_ICE_TRANSPORT_POLICY=relay needs a TURN server in WORKSPACE_ICE_SERVERS: "
            "browser phones would have no path for their media"
        )


def turn_credentials(secret: str, user: str, expires_at: int) -> dict[str, str]:
    """A TURN username and password valid until ``expires_at`` (unix time) for ``user``.

    >>> turn_credentials("s3cret", "17", 1800000000)
    {'username': '1800000000:17', 'credential': 'tGD4/WTLSr1F3rKnebqWZRB64Ig='}
    """
    username = f"{expires_at}:{user}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return {"username": username, "credential": base64.b64encode(digest).decode()}


def ice_block(
    config: Mapping[str, Any], *, user: str, now: float, with_secrets: bool
) -> dict[str, Any]:
    """The device config's ``ice_servers``, ``ice_transport_policy`` and ``ice_expires_at``
    (in its ``sip`` block).

    STUN URLs are one entry. TURN URLs are one entry with the device's credentials, only in
    the config the device itself fetches (``with_secrets``); without them the entry names the
    URLs alone, so the config's hash is the same either way. ``ice_expires_at`` is when the
    credentials stop working (None without TURN): the phone fetches its config again before.
    """
    stun, turn = _split(str(config.get("ICE_SERVERS") or ""))
    servers: list[dict[str, Any]] = [{"urls": list(stun)}] if stun else []
    expires_at = None
    if turn:
        entry: dict[str, Any] = {"urls": list(turn)}
        if with_secrets and config.get("TURN_SECRET"):
            expires_at = int(now) + int(config.get("TURN_TTL") or 86400)
            entry.update(turn_credentials(str(config["TURN_SECRET"]), user, expires_at))
        servers.append(entry)
    return {
        "ice_servers": servers,
        "ice_transport_policy": config.get("ICE_TRANSPORT_POLICY") or "all",
        "ice_expires_at": expires_at,
    }
