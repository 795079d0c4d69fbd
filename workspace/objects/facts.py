"""The account's contact-center data as the plain `facts` the graph engine takes.

This is the one bridge from the database to workspace.graph: everything the engine needs
to validate and compile, loaded with one query per table, scoped to one account.
"""

from __future__ import annotations

from typing import Any

from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db
from workspace.tenancy import scoped


def _rows(model, account_id: int) -> list:
    return list(db.session.execute(scoped(model, account_id).order_by(model.id)).scalars())


def load_facts(account_id: int) -> dict[str, Any]:
    contacts = {c.id: c for c in _rows(Contact, account_id)}
    devices = _rows(Device, account_id)
    links = db.session.execute(
        db.select(DeviceSipAccount)
        .join(Device, Device.id == DeviceSipAccount.device_id)
        .where(Device.account_id == account_id)
        .order_by(DeviceSipAccount.device_id, DeviceSipAccount.position)
    ).scalars()
    device_lines: dict[int, list[int]] = {}
    for link in links:
        device_lines.setdefault(link.device_id, []).append(link.sip_account_id)
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
        "schedules": {
            s.id: {
                "name": s.name,
                "time_zone": s.time_zone,
                "intervals": list(s.intervals or []),
                "holidays": list(s.holidays or []),
            }
            for s in _rows(Schedule, account_id)
        },
    }


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
    }
