"""The configuration a call.center device downloads, and its content hash (the ETag).

Two sources meet here. The published routing plan says where the device is reachable
(``reachable_at``) and whether it is in the plan at all. The live contact-center data says
how it works: its SIP lines (credentials must reach a phone without waiting for a publish),
the caller IDs, recording and announcements of its contact's call.center method, the
account's feature codes and the company directory's version. A device outside the plan
still gets its lines, so it can register and call out; ``in_plan`` says it rings for nothing.

The password of a line is added only for the device itself (``with_secrets``) and only when
its SIP account provisions passwords; a manual-password line says so and carries none (the
user types it in the app's Account Info window).

The ETag (`config_etag`) hashes the config without the passwords, so the hash never depends
on a secret, yet changes when one does: each line carries ``password_version``, a digest of
the stored ciphertext (fresh nonce per write), which moves whenever a password is set.
It leaves out ``revision`` as well: a publish that leaves a device's config as it was must
not make the device download it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import selectinload

from workspace.contact_center.contacts.directory import directory_document
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.devices.models import Device
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import SipAccount
from workspace.extensions import db
from workspace.objects.device_config import device_slice
from workspace.objects.models import Revision, WorkspaceState
from workspace.secrets_key import decrypt
from workspace.tenancy import scoped

log = logging.getLogger(__name__)

__all__ = ["build_device_config", "build_device_configs", "config_etag"]

SIP_TABLE = "sip_accounts"
# Left out of the hash: the etag itself, and the revision (see the module docstring).
_UNHASHED = ("etag", "revision")
_RECORDING_FLAGS = ("inbound", "outbound", "internal", "external")
ON_DEMAND_PURPOSE = "record_on_demand"

# What a published plan says about devices (device id -> reachable_at), cached in this
# process by the plan's hash. A revision never changes and its hash covers every device
# entry, so an entry can never be stale; a config fetch then reads two short columns instead
# of parsing the whole plan, which grows with the account.
_PLAN_DEVICES: OrderedDict[str, dict[str, list[str]]] = OrderedDict()
_PLAN_CACHE_SIZE = 32
_plan_lock = threading.Lock()


def config_etag(config: dict[str, Any]) -> str:
    """sha256 hex of the canonical JSON of `config` without passwords, etag and revision.

    >>> line = {"sip_account": 3, "password_version": "ab", "password": "s3cret"}
    >>> a = config_etag({"lines": [line], "revision": 1})
    >>> a == config_etag({"lines": [{**line, "password": None}], "revision": 2})
    True
    >>> a == config_etag({"lines": [{**line, "password_version": "cd"}], "revision": 1})
    False
    """
    hashed = {k: v for k, v in config.items() if k not in _UNHASHED}
    hashed["lines"] = [
        {k: v for k, v in line.items() if k != "password"} for line in config.get("lines") or []
    ]
    canonical = json.dumps(hashed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def build_device_config(device: Device, *, with_secrets: bool) -> dict[str, Any]:
    """The config of one device, "etag" included; passwords only when `with_secrets`."""
    return build_device_configs(device.account_id, [device], with_secrets=with_secrets)[device.id]


def build_device_configs(
    account_id: int, devices: Iterable[Device], *, with_secrets: bool = False
) -> dict[int, dict[str, Any]]:
    """Configs of several devices of one account, by device id, with a query per table."""
    devices = list(devices)
    if not devices:
        return {}
    shared = _account_data(account_id)
    sips = _sip_accounts(account_id, {sid for d in devices for sid in d.sip_account_ids})
    contacts = _contacts(account_id, {d.contact_id for d in devices})
    numbers = _numbers(account_id, [c["settings"] for c in contacts.values()])
    configs = {}
    for device in devices:
        config = _config(device, shared, contacts.get(device.contact_id), numbers)
        config["lines"] = [
            _line(sips[sid], with_secrets=with_secrets)
            for sid in device.sip_account_ids
            if sid in sips
        ]
        config["etag"] = config_etag(config)
        configs[device.id] = config
    return configs


def _config(device: Device, shared: dict, contact: dict | None, numbers: dict) -> dict:
    reachable = (shared["plan_devices"] or {}).get(str(device.id))
    settings = contact["settings"] if contact else None
    return {
        "device": {"id": device.id, "name": device.name},
        "contact": {"id": device.contact_id, "name": contact["name"] if contact else None},
        "in_plan": reachable is not None,
        "revision": shared["revision"],
        "reachable_at": list(reachable or []),
        "lines": [],
        **_method_settings(settings, contact, numbers, shared["on_demand_code"]),
        "feature_codes": shared["feature_codes"],
        "directory": {"version": shared["directory_version"]},
    }


def _account_data(account_id: int) -> dict[str, Any]:
    number, plan_devices = _published_devices(account_id)
    codes = list(
        db.session.execute(
            scoped(FeatureCode, account_id)
            .where(FeatureCode.enabled.is_(True))
            .order_by(FeatureCode.id)
        ).scalars()
    )
    # The lowest id wins, as in the compiler and call_center_service.record_on_demand_code.
    on_demand = next((c.code for c in codes if c.purpose == ON_DEMAND_PURPOSE), None)
    return {
        "plan_devices": plan_devices,
        "revision": number,
        "feature_codes": [
            {"code": c.code, "purpose": c.purpose} for c in sorted(codes, key=lambda c: c.code)
        ],
        "on_demand_code": on_demand,
        "directory_version": directory_document(account_id)["version"],
    }


def _published_devices(account_id: int) -> tuple[int | None, dict[str, list[str]] | None]:
    """(published revision number, device id -> reachable_at), or (None, None)."""
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
        return None, None
    with _plan_lock:
        devices = _PLAN_DEVICES.get(row.hash)
        if devices is not None:
            _PLAN_DEVICES.move_to_end(row.hash)
            return row.number, devices
    plan = db.session.execute(db.select(Revision.plan).where(Revision.id == row.id)).scalar_one()
    devices = {
        key: device_slice(plan, int(key)).get("reachable_at", [])
        for key in plan.get("devices") or {}
    }
    with _plan_lock:
        _PLAN_DEVICES[row.hash] = devices
        while len(_PLAN_DEVICES) > _PLAN_CACHE_SIZE:
            _PLAN_DEVICES.popitem(last=False)
    return row.number, devices


def _sip_accounts(account_id: int, ids: set[int]) -> dict[int, SipAccount]:
    if not ids:
        return {}
    rows = db.session.execute(
        scoped(SipAccount, account_id)
        .where(SipAccount.id.in_(ids))
        .options(selectinload(SipAccount.provider))
    ).scalars()
    return {row.id: row for row in rows}


def _contacts(account_id: int, ids: set[int]) -> dict[int, dict[str, Any]]:
    """contact id -> {"name", "settings"}: settings of its call.center method, or None."""
    rows = db.session.execute(
        db.select(Contact, CallCenterSettings)
        .outerjoin(
            ContactMethod,
            (ContactMethod.contact_id == Contact.id) & (ContactMethod.kind == "call_center"),
        )
        .outerjoin(CallCenterSettings, CallCenterSettings.contact_method_id == ContactMethod.id)
        .where(Contact.account_id == account_id, Contact.id.in_(ids))
    ).all()
    return {contact.id: {"name": contact.full_name, "settings": s} for contact, s in rows}


def _numbers(account_id: int, settings: list[CallCenterSettings | None]) -> dict:
    internal_ids = {s.internal_caller_id for s in settings if s} - {None}
    phone_ids = {s.external_caller_id for s in settings if s} - {None}
    found: dict[tuple[str, int], str] = {}
    for kind, model, ids in (
        ("internal", InternalNumber, internal_ids),
        ("phone", PhoneNumber, phone_ids),
    ):
        if ids:
            rows = db.session.execute(scoped(model, account_id).where(model.id.in_(ids))).scalars()
            found.update({(kind, row.id): row.number for row in rows})
    return found


def _method_settings(
    s: CallCenterSettings | None, contact: dict | None, numbers: dict, on_demand: str | None
) -> dict[str, Any]:
    """caller_id, recording and announcements, shaped as the compiled plan shapes them."""
    if s is None:  # no call.center method: the device still gets its lines
        return {"caller_id": None, "recording": None, "announcements": None}
    enabled = bool(s.recording_enabled)
    flags = {
        "inbound": s.record_inbound,
        "outbound": s.record_outbound,
        "internal": s.record_internal,
        "external": s.record_external,
    }
    return {
        "caller_id": {
            "name": s.caller_id_name or (contact or {}).get("name"),
            "internal": numbers.get(("internal", s.internal_caller_id)),
            "external": numbers.get(("phone", s.external_caller_id)),
            "outbound": bool(s.outbound_calling),
        },
        # Recording options take effect only while recording is enabled.
        "recording": {
            "enabled": enabled,
            **{k: enabled and bool(flags[k]) for k in _RECORDING_FLAGS},
            "on_demand_code": on_demand if enabled and s.record_on_demand else None,
            "delivery_method": s.delivery_method_id if enabled else None,
        },
        "announcements": {
            "internal": s.announcement_internal_id,
            "external": s.announcement_external_id,
        },
    }


def _line(sip: SipAccount, *, with_secrets: bool) -> dict[str, Any]:
    provider = sip.provider
    line: dict[str, Any] = {
        "sip_account": sip.id,
        "server": provider.server,
        "port": provider.effective_port,
        "transport": sip.protocol,
        "proxy": provider.proxy,
        "username": sip.username,
        "auth_username": sip.auth_username,
        "display_name": sip.display_name,
        "push": sip.push_proxy,
        "dialing_rules": [
            {
                "start_with": rule.get("start_with"),
                "replace_with": rule.get("replace_with"),
                "min_length": rule.get("min_length"),
            }
            for rule in sip.dialing_rules or []
        ],
        "password_mode": "manual" if sip.manual_password else "provisioned",
        "password_version": _password_version(sip),
    }
    if with_secrets and not sip.manual_password:
        line["password"] = _password(sip)
    return line


def _password_version(sip: SipAccount) -> str | None:
    """A digest of the ciphertext: moves when the password is set, says nothing about it."""
    if sip.manual_password or sip.password_encrypted is None:
        return None
    return hashlib.sha256(sip.password_encrypted.encode()).hexdigest()[:16]


def _password(sip: SipAccount) -> str | None:
    if sip.password_encrypted is None:
        return None
    try:
        return decrypt(
            sip.password_encrypted,
            account_id=sip.account_id,
            table=SIP_TABLE,
            row_id=sip.id,
            field="password",
        )
    except ValueError:  # tampered with or keyed differently: no password rather than a 500
        log.warning("SIP account %s: stored password cannot be decrypted", sip.id)
        return None
