"""The audit log: who changed what, when, from where; captured from the ORM, read-only."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The Activity API, the ORM listeners that capture every write, the entry for a draft
    written in bulk, `workspace audit-prune`."""
    from workspace.audit import api as activity_api
    from workspace.audit import capture, draft_writes  # noqa: F401  (listeners, on import)
    from workspace.audit.commands import audit_prune_command

    api.register_blueprint(activity_api.blp)
    app.cli.add_command(audit_prune_command)
