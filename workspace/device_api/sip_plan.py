"""The plan the SIP server reads for one account: the published program, today's devices.

Decision: canvas edits take effect on publish, contact-center settings on save. So the SIP
server's plan is the published revision's call program (``routes`` and ``nodes``, plan
format 2, docs/routing-plan.md) with a ``devices`` section built now from the current
settings (``workspace.objects.device_config.current_devices``, the same entries the device
API and the portal's effective-config view give). Write it out again on publish and
rollback and after every ``devices_may_change`` (workspace.signals).
"""

from __future__ import annotations

from typing import Any

from workspace.extensions import db
from workspace.graph.plan_format import upgrade_plan
from workspace.objects.device_config import current_devices, other_devices, published_devices
from workspace.objects.models import Revision

__all__ = ["sip_plan"]


def sip_plan(account_id: int) -> dict[str, Any] | None:
    """The account's plan for the SIP server, or None while nothing is published.

    Returns
    -------
    plan : dict or None
        ``{"format": 2, "account", "revision", "hash", "compiled_at", "routes", "nodes",
        "devices", "other_devices"}``. ``revision``, ``hash``, ``compiled_at``, ``routes`` and
        ``nodes`` are the published revision's (``hash`` names that program; it does not
        cover the devices); ``devices[str(device id)]`` is each device of the published plan
        with its current settings and the published ``reachable_at``, as
        ``workspace.graph.devices`` documents; ``other_devices`` the account's other devices
        (added since the publish, or of a contact on no route), same entries with
        ``reachable_at`` []: they register and call out, and ring for nothing. No password is
        ever in it. Needs an app context; reads, never writes.
    """
    published = published_devices(account_id)
    if published.revision is None:
        return None
    row = db.session.execute(
        db.select(Revision.plan).where(
            Revision.account_id == account_id, Revision.number == published.revision
        )
    ).scalar_one()
    plan = upgrade_plan(row)
    return {
        "format": plan["format"],
        "account": account_id,
        "revision": published.revision,
        "hash": published.hash,
        "compiled_at": plan.get("compiled_at"),
        "routes": plan["routes"],
        "nodes": plan["nodes"],
        "devices": current_devices(account_id, published),
        "other_devices": other_devices(account_id, published),
    }
