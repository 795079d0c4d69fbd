"""The account's contact-center data as the plain `facts` the graph engine takes.

This is the one bridge from the database to workspace.graph: everything the engine needs
to validate and compile, loaded with one query per table, scoped to one account
(`load_facts`), or the slice of it that a few devices' settings read (`load_device_facts`,
the same shapes, for the device API and the effective-config view).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.contacts.directory import directory_document
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import DEFAULT_SIP_PORT, Provider, SipAccount
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db
from workspace.tenancy import scoped


def _rows(model, account_id: int) -> list:
    return list(db.session.execute(scoped(model, account_id).order_by(model.id)).scalars())


# Read as columns, not ORM objects: a 10k-object account has some 40,000 contact-center rows,
# and building an ORM object per row was most of what loading the facts cost (and so most of
# a publish). The small tables (feature codes, delivery methods, audio files) stay ORM reads.
_SETTINGS = CallCenterSettings.__table__
_SIP = SipAccount.__table__


def load_facts(account_id: int, *, directory: bool = True) -> dict[str, Any]:
    """Everything the engine reads of the account's contact-center data (module docstring).

    ``directory=False`` leaves out ``directory_version`` (None), which only the devices'
    settings show: validating never reads it, and building the directory to hash it was a
    quarter of loading the facts for the problems pushed after each edit.
    """
    names = _contact_names(account_id, None)
    devices = _devices(account_id, None)
    return {
        "account": account_id,
        "phone_numbers": _numbers(PhoneNumber, account_id, None),
        "internal_numbers": _numbers(InternalNumber, account_id, None),
        "contact_methods": _methods(account_id, names, devices, None),
        "devices": devices,
        "sip_accounts": _sips(account_id, None),
        "feature_codes": _feature_codes(account_id),
        "delivery_methods": {d.id: {"type": d.type} for d in _rows(DeliveryMethod, account_id)},
        "audio_files": {a.id: {"name": a.name} for a in _rows(AudioFile, account_id)},
        "schedules": load_schedules(account_id),
        "directory_version": directory_document(account_id)["version"] if directory else None,
    }


def load_schedules(account_id: int) -> dict[int, dict[str, Any]]:
    """Schedules by id, copied whole into each Time Router's compiled node."""
    return {
        s.id: {
            "name": s.name,
            "time_zone": s.time_zone,
            "intervals": list(s.intervals or []),
            "holidays": list(s.holidays or []),
        }
        for s in _rows(Schedule, account_id)
    }


def load_device_facts(account_id: int, device_ids: Iterable[int]) -> dict[str, Any]:
    """The facts `workspace.graph.devices` reads for these devices, in `load_facts`' shapes.

    Only the devices' rows, their contacts' call.center methods, their SIP accounts and the
    numbers those methods show are loaded, so a device's config costs the same in an account
    of ten devices as in one of ten thousand objects. ``contacts`` (id -> {"name"}) is added
    for the device API, which names the contact even when it has no call.center method.
    """
    devices = _devices(account_id, sorted(set(device_ids)))
    contact_ids = {d["contact"] for d in devices.values()}
    names = _contact_names(account_id, contact_ids)
    methods = _methods(account_id, names, devices, contact_ids)
    shown = [m["settings"] for m in methods.values() if m["settings"] is not None]
    lines = {sid for d in devices.values() for sid in d["sip_accounts"]}
    return {
        "account": account_id,
        "phone_numbers": _numbers(
            PhoneNumber, account_id, {s["external_caller_id"] for s in shown} - {None}
        ),
        "internal_numbers": _numbers(
            InternalNumber, account_id, {s["internal_caller_id"] for s in shown} - {None}
        ),
        "contacts": {cid: {"name": name} for cid, name in names.items()},
        "contact_methods": methods,
        "devices": devices,
        "sip_accounts": _sips(account_id, lines),
        "feature_codes": _feature_codes(account_id),
        "directory_version": directory_document(account_id)["version"],
    }


def _contact_names(account_id: int, ids: set[int] | None) -> dict[int, str]:
    query = db.select(Contact.id, Contact.first_name, Contact.last_name).where(
        Contact.account_id == account_id
    )
    if ids is not None:
        query = query.where(Contact.id.in_(ids))
    return {i: f"{first} {last}".strip() for i, first, last in db.session.execute(query)}


def _devices(account_id: int, ids: list[int] | None) -> dict[int, dict[str, Any]]:
    query = (
        db.select(Device.id, Device.contact_id, Device.name)
        .where(Device.account_id == account_id)
        .order_by(Device.id)
    )
    if ids is not None:
        query = query.where(Device.id.in_(ids))
    lines = _device_lines(account_id, ids)
    return {
        i: {"contact": contact, "name": name, "sip_accounts": lines.get(i, [])}
        for i, contact, name in db.session.execute(query)
    }


def _methods(
    account_id: int,
    names: dict[int, str],
    devices: dict[int, dict[str, Any]],
    contact_ids: set[int] | None,
) -> dict[int, dict[str, Any]]:
    """Contact methods by id (only the call.center ones of ``contact_ids`` when given)."""
    query = (
        db.select(
            ContactMethod.id,
            ContactMethod.kind,
            ContactMethod.contact_id,
            ContactMethod.sip_account_id,
            ContactMethod.number,
        )
        .where(ContactMethod.account_id == account_id)
        .order_by(ContactMethod.id)
    )
    settings_query = (
        db.select(_SETTINGS)
        .join(ContactMethod, ContactMethod.id == _SETTINGS.c.contact_method_id)
        .where(ContactMethod.account_id == account_id)
    )
    if contact_ids is not None:
        chosen = ContactMethod.contact_id.in_(contact_ids) & (ContactMethod.kind == "call_center")
        query, settings_query = query.where(chosen), settings_query.where(chosen)
    settings = {row.contact_method_id: row for row in db.session.execute(settings_query)}
    by_contact: dict[int, list[int]] = {}
    for device_id, device in devices.items():
        by_contact.setdefault(device["contact"], []).append(device_id)
    methods = {}
    for method_id, kind, contact, sip_account, number in db.session.execute(query):
        is_cc = kind == "call_center"
        row = settings.get(method_id)
        methods[method_id] = {
            "kind": kind,
            "contact": contact,
            "contact_name": names[contact],
            "devices": by_contact.get(contact, []) if is_cc else [],
            "sip_account": sip_account,
            "number": number,
            "settings": _settings(row, names[contact]) if is_cc and row is not None else None,
        }
    return methods


def _device_lines(account_id: int, device_ids: list[int] | None) -> dict[int, list[int]]:
    """device id -> its SIP account ids in line order (every device's when None)."""
    query = (
        db.select(DeviceSipAccount.device_id, DeviceSipAccount.sip_account_id)
        .join(Device, Device.id == DeviceSipAccount.device_id)
        .where(Device.account_id == account_id)
        .order_by(DeviceSipAccount.device_id, DeviceSipAccount.position)
    )
    if device_ids is not None:
        query = query.where(DeviceSipAccount.device_id.in_(device_ids))
    lines: dict[int, list[int]] = {}
    for device, sip in db.session.execute(query):
        lines.setdefault(device, []).append(sip)
    return lines


def _numbers(model, account_id: int, ids: set[int] | None) -> dict[int, dict[str, str]]:
    """Numbers by id: all of the account's, or those of ``ids``."""
    if ids is not None and not ids:
        return {}
    query = db.select(model.id, model.number).where(model.account_id == account_id)
    if ids is not None:
        query = query.where(model.id.in_(ids))
    return {i: {"number": number} for i, number in db.session.execute(query.order_by(model.id))}


def _feature_codes(account_id: int) -> dict[int, dict[str, Any]]:
    return {
        f.id: {"code": f.code, "purpose": f.purpose, "enabled": f.enabled}
        for f in _rows(FeatureCode, account_id)
    }


def _settings(s: Any, contact_name: str) -> dict[str, Any]:
    """A call_center_settings row (columns) as the facts say it."""
    return {
        "caller_id_name": s.caller_id_name or contact_name,
        "internal_caller_id": s.internal_caller_id,
        "outbound_calling": s.outbound_calling,
        "external_caller_id": s.external_caller_id,
        "recording": {
            "enabled": s.recording_enabled,
            "inbound": s.record_inbound,
            "outbound": s.record_outbound,
            "internal": s.record_internal,
            "external": s.record_external,
            "on_demand": s.record_on_demand,
            "delivery_method": s.delivery_method_id,
        },
        "announcements": {
            "internal": s.announcement_internal_id,
            "external": s.announcement_external_id,
        },
    }


def _sips(account_id: int, ids: set[int] | None) -> dict[int, dict[str, Any]]:
    """SIP accounts by id, with their provider's server (all of the account's, or ``ids``)."""
    if ids is not None and not ids:
        return {}
    query = (
        db.select(_SIP, Provider.server, Provider.port.label("provider_port"), Provider.proxy)
        .join(Provider, Provider.id == _SIP.c.provider_id)
        .where(_SIP.c.account_id == account_id)
        .order_by(_SIP.c.id)
    )
    if ids is not None:
        query = query.where(_SIP.c.id.in_(ids))
    return {
        s.id: {
            "server": s.server,
            "port": s.provider_port or DEFAULT_SIP_PORT,
            "transport": s.protocol,
            "proxy": s.proxy,
            "username": s.username,
            "auth_username": s.auth_username,
            "display_name": s.display_name,
            "push": s.push_proxy,
            "manual_password": s.manual_password,
            "dialing_rules": list(s.dialing_rules or []),
            "password_version": password_version(s),
        }
        for s in db.session.execute(query)
    }


def password_version(sip: Any) -> str | None:
    """A digest of the ciphertext: moves when the password is set, says nothing about it."""
    if sip.manual_password or sip.password_encrypted is None:
        return None
    return hashlib.sha256(sip.password_encrypted.encode()).hexdigest()[:16]
