"""A device's settings as they are now, and the admin's view of them (effective config).

Decision: contact-center settings take effect on save; the canvas takes effect on publish.
So a device's entry joins two sources. The published plan says which devices are in it and
where each rings (``reachable_at``); the current facts say everything else, built by the one
function ``workspace.graph.devices.device_settings``. `current_devices` is that join for the
SIP server's plan and the effective-config view; the device API
(``workspace.device_api.config``) builds on the same `published_devices` and
``device_settings``, so the three always agree.

`device_slice` reads one device's entry out of a stored plan (a revision's history).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.devices.models import Device
from workspace.extensions import db
from workspace.graph.devices import device_settings
from workspace.objects.facts import load_device_facts
from workspace.objects.models import Revision, WorkspaceState
from workspace.objects.publishing_service import published_revision
from workspace.tenancy import get_owned, scoped

__all__ = [
    "PublishedDevices",
    "current_devices",
    "device_slice",
    "effective_config",
    "other_devices",
    "published_devices",
]

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


class PublishedDevices(NamedTuple):
    """What the published revision says about devices: which are in it, where each rings."""

    revision: int | None
    hash: str | None
    reachable: dict[str, list[str]] | None  # str(device id) -> reachable_at; None: unpublished


# device id -> reachable_at of a published plan, cached in this process by the plan's hash.
# A revision never changes and its hash covers every device entry, so an entry is never
# stale; a config fetch then reads three short columns instead of parsing the whole plan.
_PLAN_DEVICES: OrderedDict[str, dict[str, list[str]]] = OrderedDict()
_PLAN_CACHE_SIZE = 32
_plan_lock = threading.Lock()


def published_devices(account_id: int) -> PublishedDevices:
    """The published revision's number, hash and device id -> reachable_at."""
    row = db.session.execute(
        db.select(Revision.id, Revision.number, Revision.hash)
        .join(
            WorkspaceState,
            (WorkspaceState.account_id == Revision.account_id)
            & (WorkspaceState.published_revision == Revision.number),
        )
        .where(Revision.account_id == account_id)
    ).first()
    if row is None:
        return PublishedDevices(None, None, None)
    with _plan_lock:
        devices = _PLAN_DEVICES.get(row.hash)
        if devices is not None:
            _PLAN_DEVICES.move_to_end(row.hash)
            return PublishedDevices(row.number, row.hash, devices)
    plan = db.session.execute(db.select(Revision.plan).where(Revision.id == row.id)).scalar_one()
    devices = {
        key: list(entry.get("reachable_at") or [])
        for key, entry in (plan.get("devices") or {}).items()
    }
    with _plan_lock:
        _PLAN_DEVICES[row.hash] = devices
        while len(_PLAN_DEVICES) > _PLAN_CACHE_SIZE:
            _PLAN_DEVICES.popitem(last=False)
    return PublishedDevices(row.number, row.hash, devices)


def current_devices(
    account_id: int, published: PublishedDevices, device_ids: Iterable[int] | None = None
) -> dict[str, dict[str, Any]]:
    """The ``devices`` section as it is now: the published plan's devices (or those of them
    in ``device_ids``), each with ``reachable_at`` from the plan and every other setting from
    the current facts. Keyed by ``str(device id)``, in id order, like a plan's.
    """
    reachable = published.reachable or {}
    wanted = sorted(int(key) for key in reachable)
    if device_ids is not None:
        chosen = set(device_ids)
        wanted = [device for device in wanted if device in chosen]
    if not wanted:
        return {}
    facts = load_device_facts(account_id, wanted)
    return {
        str(device): device_settings(facts, device, reachable[str(device)])
        for device in wanted
        if device in facts["devices"]  # a device deleted since the publish is gone
    }


def other_devices(account_id: int, published: PublishedDevices) -> dict[str, dict[str, Any]]:
    """Every device of the account that the published plan does not hold (added since, or of
    a contact on no route), with its current settings and ``reachable_at`` []: its lines work
    at once (they take effect on save) although it rings for nothing until a publish."""
    members = {int(key) for key in published.reachable or {}}
    ids = [
        device
        for device in db.session.execute(
            db.select(Device.id).where(Device.account_id == account_id).order_by(Device.id)
        ).scalars()
        if device not in members
    ]
    if not ids:
        return {}
    facts = load_device_facts(account_id, ids)
    return {str(device): device_settings(facts, device, []) for device in ids}


def effective_config(account_id: int, device_id: int) -> dict[str, Any]:
    """The device's entry in the plan the SIP server reads, with the revision and plan hash.

    Its settings are the current ones (they take effect on save); where it rings is the
    published revision's. A device outside the plan answers in_plan False and a message
    saying why.
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
    config = current_devices(account_id, published_devices(account_id), [device.id])
    if str(device.id) in config:
        answer.update(in_plan=True, config=config[str(device.id)])
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
