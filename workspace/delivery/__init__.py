"""Call-recording delivery: intake, the outbox of delivery jobs, the worker, destinations."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Lend contact_center's delivery methods this package's connection check."""
    from workspace.contact_center.delivery_methods.service import register_connection_check
    from workspace.delivery.check import check_connection

    register_connection_check(check_connection)
