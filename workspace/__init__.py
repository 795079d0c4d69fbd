"""Callflow Workspace: a visual call-flow workspace for cloud-PBX administrators."""

from __future__ import annotations

import importlib
import logging
import os

from flask import Flask

from workspace.config import Config

#: The packages that make up the app, each set up by its ``init_app(app, api)``: its API
#: blueprints (in this order: the OpenAPI document and route matching follow it), Socket.IO
#: handlers, signal subscribers, background queues and CLI commands. Adding a package is one
#: line here. device_api comes before sip, whose plan files ride on its recompute queue.
PACKAGES = (
    "workspace.auth",
    "workspace.account",
    "workspace.team",
    "workspace.audit",
    "workspace.contact_center",
    "workspace.objects",
    "workspace.device_api",
    "workspace.delivery",
    "workspace.wizard",
    "workspace.calls",
    "workspace.sip",
)

MIGRATIONS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "migrations")


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error handlers, the SPA."""
    app = Flask(__name__, instance_path=Config.INSTANCE_DIR, static_folder=None)
    app.config.from_object(Config)
    app.config.update(config or {})
    if not app.config.get("SIP_DIR"):
        app.config["SIP_DIR"] = os.path.join(app.config["INSTANCE_DIR"], "sip")
    os.makedirs(app.instance_path, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    from workspace import input_guard, secrets_key, security_headers
    from workspace.auth import roles
    from workspace.blueprints import register_shell_blueprints
    from workspace.errors import register_error_handlers
    from workspace.extensions import api, db, limiter, migrate, socketio

    secrets_key.configure(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True, compare_type=True)
    limiter.init_app(app)
    api.init_app(app)
    input_guard.init_app(app)  # before the blueprints: their routes use its converter
    for package in PACKAGES:
        importlib.import_module(package).init_app(app, api)
    register_shell_blueprints(app)
    roles.init_app(app)  # one write policy for every /api/v1 view, before it runs
    register_error_handlers(app)
    security_headers.init_app(app)
    # Last: the packages declared their Socket.IO handlers on import, and only handlers known
    # before init_app reach this app's server (tests build many apps in one process).
    socketio.init_app(
        app,
        message_queue=app.config["REDIS_URL"] or None,
        channel=app.config["SOCKETIO_CHANNEL"],
        async_mode="threading",
        # Same origin only unless more are configured: the SPA is served by this app.
        cors_allowed_origins=app.config["SOCKETIO_ORIGINS"] or None,
        logger=False,
        engineio_logger=False,
    )
    return app
