"""Who may post call events: the SIP server's supervisor, with one shared bearer token.

The token is ``SIP_EVENTS_TOKEN`` (env WORKSPACE_SIP_EVENTS_TOKEN). When it is not set it
is derived from the instance secrets key (HMAC-SHA256 over b"sip-events"), so the embedded
SIP server and the app agree on it without a second secret to keep. Every failure (no
header, another scheme, a wrong token) is the same 401.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app

from workspace.device_api.auth import bearer_token
from workspace.errors import Unauthorized

INVALID = "Call events need the SIP server's bearer token."


def events_token(app: Flask) -> str:
    """The token the supervisor sends; configured, or derived from the secrets key."""
    return token_from_config(app.config)


def token_from_config(config: Mapping[str, Any]) -> str:
    """The token from settings alone, for the SIP supervisor, which runs beside the app."""
    configured = config.get("SIP_EVENTS_TOKEN") or os.environ.get("WORKSPACE_SIP_EVENTS_TOKEN")
    if configured:
        return configured
    return hmac.new(config["SECRETS_KEY_BYTES"], b"sip-events", hashlib.sha256).hexdigest()


def require_events_token() -> None:
    """Raise the one 401 unless the request carries the events token (constant-time compare)."""
    given = (bearer_token() or "").encode()
    expected = events_token(current_app).encode()
    if not given or not hmac.compare_digest(given, expected):
        raise Unauthorized(INVALID)
