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
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.extensions import db
from workspace.tenancy import scoped


def _rows(model, account_id: int) -> list:
    return list(db.session.execute(scoped(model, account_id).order_by(model.id)).scalars())


def load_facts(account_id: int) -> dict[str, Any]:
    contacts = {c.id: c for c in _rows(Contact, account_id)}
    devices = _rows(Device, account_id)
    device_lines = _device_lines(account_id, None)
    devices_by_contact: dict[int, list[int]] = {}
    for device in devices:
        devices_by_contact.setdefault(device.contact_id, []).append(device.id)
    providers = {p.id: p for p in _rows(Provider, account_id)}
    settings = {
        s.contact_method_id: s
        for s in db.session.execute(
            db.select(CallCenterSettings)
            .join(ContactMethod, ContactMethod.id == CallCenterSettings.contact_method_id)
            .where(ContactMethod.account_id == account_id)
        ).scalars()
    }
    return {
        "account": account_id,
        "phone_numbers": {n.id: {"number": n.number} for n in _rows(PhoneNumber, account_id)},
        "internal_numbers": {n.id: {"number": n.number} for n in _rows(InternalNumber, account_id)},
        "contact_methods": {
            m.id: _method(m, contacts[m.contact_id], devices_by_contact, settings.get(m.id))
            for m in _rows(ContactMethod, account_id)
        },
        "devices": {
            d.id: {
                "contact": d.contact_id,
                "name": d.name,
                "sip_accounts": device_lines.get(d.id, []),
            }
            for d in devices
        },
        "sip_accounts": {
            s.id: _sip(s, providers[s.provider_id]) for s in _rows(SipAccount, account_id)
        },
        "feature_codes": {
            f.id: {"code": f.code, "purpose": f.purpose, "enabled": f.enabled}
            for f in _rows(FeatureCode, account_id)
        },
        "delivery_methods": {d.id: {"type": d.type} for d in _rows(DeliveryMethod, account_id)},
        "audio_files": {a.id: {"name": a.name} for a in _rows(AudioFile, account_id)},
        "directory_version": directory_document(account_id)["version"],
    }


def load_device_facts(account_id: int, device_ids: Iterable[int]) -> dict[str, Any]:
    """The facts `workspace.graph.devices` reads for these devices, in `load_facts`' shapes.

    Only the devices' rows, their contacts' call.center methods, their SIP accounts and the
    numbers those methods show are loaded, so a device's config costs the same in an account
    of ten devices as in one of ten thousand objects. ``contacts`` (id -> {"name"}) is added
    for the device API, which names the contact even when it has no call.center method.
    """
    ids = sorted(set(device_ids))
    devices = list(
        db.session.execute(
            scoped(Device, account_id).where(Device.id.in_(ids)).order_by(Device.id)
        ).scalars()
    )
    device_lines = _device_lines(account_id, [d.id for d in devices])
    contact_ids = {d.contact_id for d in devices}
    contacts = {
        c.id: c
        for c in db.session.execute(
            scoped(Contact, account_id).where(Contact.id.in_(contact_ids))
        ).scalars()
    }
    methods = list(
        db.session.execute(
            scoped(ContactMethod, account_id)
            .where(ContactMethod.contact_id.in_(contact_ids), ContactMethod.kind == "call_center")
            .order_by(ContactMethod.id)
        ).scalars()
    )
    settings = {
        s.contact_method_id: s
        for s in db.session.execute(
            db.select(CallCenterSettings).where(
                CallCenterSettings.contact_method_id.in_([m.id for m in methods])
            )
        ).scalars()
    }
    devices_by_contact: dict[int, list[int]] = {}
    for device in devices:
        devices_by_contact.setdefault(device.contact_id, []).append(device.id)
    line_ids = {sid for lines in device_lines.values() for sid in lines}
    sips = list(
        db.session.execute(
            scoped(SipAccount, account_id).where(SipAccount.id.in_(line_ids))
        ).scalars()
    )
    providers = {
        p.id: p
        for p in db.session.execute(
            scoped(Provider, account_id).where(Provider.id.in_({s.provider_id for s in sips}))
        ).scalars()
    }
    shown = [settings[m.id] for m in methods if m.id in settings]
    return {
        "account": account_id,
        "phone_numbers": _numbers(PhoneNumber, account_id, {s.external_caller_id for s in shown}),
        "internal_numbers": _numbers(
            InternalNumber, account_id, {s.internal_caller_id for s in shown}
        ),
        "contacts": {c.id: {"name": c.full_name} for c in contacts.values()},
        "contact_methods": {
            m.id: _method(m, contacts[m.contact_id], devices_by_contact, settings.get(m.id))
            for m in methods
        },
        "devices": {
            d.id: {
                "contact": d.contact_id,
                "name": d.name,
                "sip_accounts": device_lines.get(d.id, []),
            }
            for d in devices
        },
        "sip_accounts": {s.id: _sip(s, providers[s.provider_id]) for s in sips},
        "feature_codes": {
            f.id: {"code": f.code, "purpose": f.purpose, "enabled": f.enabled}
            for f in _rows(FeatureCode, account_id)
        },
        "directory_version": directory_document(account_id)["version"],
    }


def _device_lines(account_id: int, device_ids: list[int] | None) -> dict[int, list[int]]:
    """device id -> its SIP account ids in line order (every device's when None)."""
    query = (
        db.select(DeviceSipAccount)
        .join(Device, Device.id == DeviceSipAccount.device_id)
        .where(Device.account_id == account_id)
        .order_by(DeviceSipAccount.device_id, DeviceSipAccount.position)
    )
    if device_ids is not None:
        query = query.where(DeviceSipAccount.device_id.in_(device_ids))
    lines: dict[int, list[int]] = {}
    for link in db.session.execute(query).scalars():
        lines.setdefault(link.device_id, []).append(link.sip_account_id)
    return lines


def _numbers(model, account_id: int, ids: set[int | None]) -> dict[int, dict[str, str]]:
    wanted = ids - {None}
    if not wanted:
        return {}
    rows = db.session.execute(scoped(model, account_id).where(model.id.in_(wanted))).scalars()
    return {row.id: {"number": row.number} for row in rows}


def _method(method: ContactMethod, contact: Contact, devices_by_contact, settings) -> dict:
    is_cc = method.kind == "call_center"
    return {
        "kind": method.kind,
        "contact": contact.id,
        "contact_name": contact.full_name,
        "devices": devices_by_contact.get(contact.id, []) if is_cc else [],
        "sip_account": method.sip_account_id,
        "number": method.number,
        "settings": _settings(settings, contact) if is_cc and settings is not None else None,
    }


def _settings(s: CallCenterSettings, contact: Contact) -> dict:
    return {
        "caller_id_name": s.caller_id_name or contact.full_name,
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


def _sip(s: SipAccount, provider: Provider) -> dict:
    return {
        "server": provider.server,
        "port": provider.effective_port,
        "transport": s.protocol,
        "proxy": provider.proxy,
        "username": s.username,
        "auth_username": s.auth_username,
        "display_name": s.display_name,
        "push": s.push_proxy,
        "manual_password": s.manual_password,
        "dialing_rules": list(s.dialing_rules or []),
        "password_version": password_version(s),
    }


def password_version(sip: SipAccount) -> str | None:
    """A digest of the ciphertext: moves when the password is set, says nothing about it."""
    if sip.manual_password or sip.password_encrypted is None:
        return None
    return hashlib.sha256(sip.password_encrypted.encode()).hexdigest()[:16]
