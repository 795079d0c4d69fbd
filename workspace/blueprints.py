"""Every blueprint and Socket.IO namespace, registered in one place.

Socket.IO handler modules are imported here at module level, and create_app imports this
module before socketio.init_app: handlers declared after the first init_app would attach
to that first server only, and every later app (tests make many) would lack them.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from workspace import docs_assets, health, models, spa  # noqa: F401  (models: all tables known)
from workspace.auth import api as auth_api
from workspace.auth import sockets as auth_sockets  # noqa: F401  (the /workspace namespace)

API_BLUEPRINTS = (auth_api.blp,)


def register_blueprints(app: Flask, api: Api) -> None:
    for blp in API_BLUEPRINTS:
        api.register_blueprint(blp)
    app.register_blueprint(health.bp)
    app.register_blueprint(docs_assets.bp)
    app.register_blueprint(spa.bp)  # last: its catch-all route must not shadow the API
