"""Call-recording delivery: intake, the outbox of delivery jobs, the worker, destinations."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The recording intake and Recordings APIs, `workspace worker`, and contact_center's
    delivery methods lent this package's connection check."""
    from workspace.contact_center.delivery_methods.service import register_connection_check
    from workspace.delivery import api as recordings_api
    from workspace.delivery import intake_api
    from workspace.delivery.check import check_connection
    from workspace.delivery.commands import worker_command

    api.register_blueprint(intake_api.blp)
    api.register_blueprint(recordings_api.blp)
    app.cli.add_command(worker_command)
    register_connection_check(check_connection)
