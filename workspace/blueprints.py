"""Every blueprint and Socket.IO namespace, registered in one place."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def register_blueprints(app: Flask, api: Api) -> None:
    from workspace import health, spa
    from workspace.auth import api as auth_api
    from workspace.auth import sockets  # noqa: F401  (registers the /workspace namespace)

    for blp in (auth_api.blp,):
        api.register_blueprint(blp)
    app.register_blueprint(health.bp)
    app.register_blueprint(spa.bp)  # last: its catch-all route must not shadow the API
