"""Admins, sessions, roles and API tokens; the /workspace Socket.IO namespace."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The auth API and the /workspace namespace, whose handlers are declared on import
    (create_app starts Socket.IO after every package is set up, so its server has them)."""
    from workspace.auth import api as auth_api
    from workspace.auth import sockets  # noqa: F401  (the /workspace namespace)

    api.register_blueprint(auth_api.blp)
