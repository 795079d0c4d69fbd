"""The call log: call events the SIP server reports, each call's summary, the Calls page API."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Fix the events token once, so the supervisor and this app read the same value."""
    from workspace.calls.ingest_auth import events_token

    app.config["SIP_EVENTS_TOKEN"] = events_token(app)
