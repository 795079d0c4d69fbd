"""One device's slice of a routing plan, and the admin's view of it (effective config).

`device_slice` is what the device API builds its config on (adding live contact-center data
and, where provisioned, the SIP password for that one device); `effective_config` is the
admin's read of the published slice, with the reason when the device is not in the plan.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.devices.models import Device
from workspace.extensions import db
from workspace.objects.publishing_service import published_revision
from workspace.tenancy import get_owned, scoped

# What a line's "password" may say in a plan: how the device gets it, never the password.
PASSWORD_MODES = ("provisioned", "manual")
# Keys that must never leave the server in a config slice, whatever a future plan holds.
SECRET_KEYS = frozenset({"password_encrypted", "secret", "secrets", "token", "token_hash"})


def device_slice(plan: Mapping[str, Any], device_id: int) -> dict[str, Any] | None:
    """A deep copy of plan["devices"][str(device_id)] without secrets, or None when absent.

    Example
    -------
    >>> plan = {"devices": {"5": {"lines": [{"sip_account": 3, "password": "provisioned"}]}}}
    >>> device_slice(plan, 5)["lines"][0]["password"], device_slice(plan, 6)
    ('provisioned', None)
    """
    entry = (plan.get("devices") or {}).get(str(device_id))
    if entry is None:
        return None
    config = _strip(copy.deepcopy(entry))
    for line in config.get("lines") or []:
        if line.get("password") not in PASSWORD_MODES:  # a plan never stores one; be sure
            line["password"] = "provisioned"
    return config


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def effective_config(account_id: int, device_id: int) -> dict[str, Any]:
    """The device's slice of the published plan, with the revision and plan hash.

    A device outside the plan answers in_plan False and a message saying why.
    """
    device = get_owned(Device, device_id, account_id)
    answer: dict[str, Any] = {
        "device": device.id,
        "name": device.name,
        "in_plan": False,
        "revision": None,
        "hash": None,
        "config": None,
        "message": None,
    }
    revision = published_revision(account_id)
    if revision is None:
        answer["message"] = "Nothing is published yet: publish the workspace to configure devices."
        return answer
    answer.update(revision=revision.number, hash=revision.hash)
    config = device_slice(revision.plan, device.id)
    if config is not None:
        answer.update(in_plan=True, config=config)
        return answer
    answer["message"] = _why_not(device, revision)
    return answer


def _why_not(device: Device, revision) -> str:
    contact = device.contact_id
    method = db.session.execute(
        scoped(ContactMethod, device.account_id).where(
            ContactMethod.contact_id == contact, ContactMethod.kind == "call_center"
        )
    ).scalar_one_or_none()
    if method is None:
        return (
            f'Device "{device.name}" is not in the plan: its contact has no call.center contact '
            "method."
        )
    placed = any(
        o["type"] == "contact_method" and o["properties"].get("contact_method") == method.id
        for o in revision.snapshot["objects"]
    )
    if placed:
        return (
            f'Device "{device.name}" was added after revision {revision.number} was published: '
            "publish again to include it."
        )
    return (
        f'Device "{device.name}" is not in the plan: its contact\'s call.center contact method '
        f"is on no route in revision {revision.number}. Place it on the workspace (for example "
        "as a ring group member) and publish."
    )
