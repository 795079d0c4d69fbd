"""The call log: call events the SIP server reports, each call's summary, the Calls page API."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The Calls API and the SIP server's event intake. The events token is fixed once, so
    the supervisor and this app read the same value."""
    from workspace.calls import api as calls_api
    from workspace.calls.ingest_auth import events_token

    api.register_blueprint(calls_api.blp)
    api.register_blueprint(calls_api.events_blp)
    app.config["SIP_EVENTS_TOKEN"] = events_token(app)
