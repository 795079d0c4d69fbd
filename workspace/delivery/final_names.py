"""The name a recording gets at its destination, from the delivery method's template.

Decided once, at upload, and stored on the Recording: every retry (and every worker)
then writes the same final name, so a repeated upload replaces rather than duplicates.
"""

from __future__ import annotations

from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.delivery_methods.naming import recording_file_name
from workspace.delivery.models import Recording

TEMPLATE_SETTING = "file_name_template"


def final_file_name(
    row: Recording, method: DeliveryMethod | None, fmt: str, contact_name: str
) -> str:
    settings = (method.settings or {}) if method is not None else {}
    meta = {
        "started_at": row.started_at,
        "direction": row.direction,
        "scope": row.scope,
        "local": row.local_number or "",
        "remote": row.remote_number,
        "contact": contact_name,
        "ext": fmt,
    }
    return recording_file_name(settings.get(TEMPLATE_SETTING), meta)
