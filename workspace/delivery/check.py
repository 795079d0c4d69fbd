"""Test connection of a delivery method: write a tiny file and remove it again.

contact_center's delivery-method service owns the route and the ownership check; the
destinations are here, so this package registers the check there in its init_app.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from workspace.delivery.destinations import DeliveryError, destination_for
from workspace.delivery.destinations.base import Target
from workspace.delivery.targets import delivery_context
from workspace.extensions import db

# The step of the test that failed, as the admin knows them: resolve the name, connect,
# secure the channel, log in, reach the folder, write the file. Kinds that do not tell the
# step apart ("server", "protocol" other than TLS) name none rather than guess.
STEPS = {
    "dns": "DNS",
    "refused": "connect",
    "timeout": "connect",
    "host_not_allowed": "connect",
    "host_key": "TLS",
    "login": "login",
    "rate_limited": "login",
    "permission": "folder",
    "quota": "write",
    "size": "write",
}


def check_connection(
    kind: str, name: str, settings: dict[str, Any], secrets: dict[str, str]
) -> dict[str, Any]:
    """{"ok": True, "message"} or {"ok": False, "kind", "step", "message", "retry"}; never a
    secret. Works on values as typed, saved or not."""
    target = Target(type=kind, name=name, settings=dict(settings), secrets=dict(secrets))
    # No transaction stays open while the far end takes its time.
    db.session.rollback()
    try:
        message = destination_for(target.type).check(target, delivery_context(current_app.config))
    except DeliveryError as exc:
        return _failed(exc)
    return {"ok": True, "kind": None, "step": None, "message": message, "retry": None}


def step_of(kind: str, reason: str) -> str | None:
    """The admin's name of the failed step, or None when the kind does not tell.

    >>> step_of("protocol", "TLS with ftp.example.com failed: handshake error.")
    'TLS'
    >>> step_of("server", "550 something") is None
    True
    """
    if kind == "protocol" and "TLS" in reason:
        return "TLS"
    return STEPS.get(kind)


def _failed(exc: DeliveryError) -> dict[str, Any]:
    return {
        "ok": False,
        "kind": exc.kind,
        "step": step_of(exc.kind, exc.reason),
        "message": exc.reason,
        "retry": exc.retry,
    }
