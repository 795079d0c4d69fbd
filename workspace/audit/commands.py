"""`workspace audit-prune`."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("audit-prune")
@with_appcontext
def audit_prune_command() -> None:
    """Delete audit entries older than WORKSPACE_AUDIT_RETENTION_DAYS (also done hourly)."""
    from workspace.audit.store import prune

    days = current_app.config["AUDIT_RETENTION_DAYS"]
    click.echo(f"Deleted {prune()} audit entries older than {days} days.")
