"""Test connection of a delivery method: write a tiny file and remove it again.

contact_center's delivery-method service owns the route and the ownership check; the
destinations are here, so this package registers the check there in its init_app.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.delivery.destinations import DeliveryError, destination_for
from workspace.delivery.targets import delivery_context, load_target
from workspace.extensions import db


def check_connection(row: DeliveryMethod) -> dict[str, Any]:
    """{"ok": True, "message"} or {"ok": False, "kind", "message", "retry"}; never a secret."""
    try:
        target = load_target(row)
    except DeliveryError as exc:
        return _failed(exc)
    # No transaction stays open while the far end takes its time.
    db.session.rollback()
    try:
        message = destination_for(target.type).check(target, delivery_context(current_app.config))
    except DeliveryError as exc:
        return _failed(exc)
    return {"ok": True, "kind": None, "message": message, "retry": None}


def _failed(exc: DeliveryError) -> dict[str, Any]:
    return {"ok": False, "kind": exc.kind, "message": exc.reason, "retry": exc.retry}
