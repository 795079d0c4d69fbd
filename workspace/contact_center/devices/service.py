"""Devices: a contact's softphones, each on 1 to 4 of the account's SIP accounts.

Status fields (status, sub_status, app_version, platform, last_seen_at) are written by
activation and heartbeats, never here. A new device gets its activation code here, in the
same transaction (activation_service.issue_activation_code).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.liveness import device_status
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.errors import Conflict, FieldErrors, NotFound, PreconditionFailed
from workspace.extensions import db
from workspace.signals import announce_devices_may_change, device_token_revoked
from workspace.tenancy import get_owned, resolve_id, resolve_ids, scoped
from workspace.versioning import check_version


def list_devices(
    account_id: int,
    *,
    contact_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
    q: str | None = None,
) -> dict:
    query = scoped(Device, account_id)
    if contact_id is not None:
        get_owned(Contact, contact_id, account_id)  # an unknown contact is a 404, not []
        query = query.where(Device.contact_id == contact_id)
    if (match := contains(q, Device.name)) is not None:
        query = query.where(match)
    rows, total = paged(
        query.order_by(Device.name, Device.id),
        page=page,
        per_page=per_page,
        options=(selectinload(Device.sip_links),),
    )
    return {"items": describe_devices(account_id, rows), "total": total}


def get_device(account_id: int, device_id: int) -> Device:
    return _owned(account_id, device_id)


def create_device(account_id: int, data: dict) -> Device:
    device = add_device(account_id, data)
    # After the flush: the encrypted copy of the code is bound to the new row's id.
    _commit(after_flush=lambda: issue_activation_code(device))
    # Its lines register with the SIP server at once (the plan file's other_devices)
    announce_devices_may_change(account_id, "device")
    return device


def add_device(account_id: int, data: dict) -> Device:
    """Check and add a device, neither flushed nor committed (the setup wizard flushes it)."""
    contact = resolve_id(Contact, data["contact_id"], account_id, field="contact_id")
    sip_accounts = resolve_ids(
        SipAccount, data["sip_account_ids"], account_id, field="sip_account_ids"
    )
    device = Device(account_id=account_id, contact_id=contact.id, name=data["name"])
    device.status = "not_activated"
    device.sip_links = [
        DeviceSipAccount(sip_account_id=sip.id, position=position)
        for position, sip in enumerate(sip_accounts)
    ]
    db.session.add(device)
    return device


def update_device(
    account_id: int, device_id: int, data: dict, expected_version: int | None
) -> Device:
    device = _owned(account_id, device_id)
    check_version(device, expected_version)
    if "sip_account_ids" in data:
        wanted = resolve_ids(
            SipAccount, data["sip_account_ids"], account_id, field="sip_account_ids"
        )
        if [sip.id for sip in wanted] != device.sip_account_ids:
            _set_sip_accounts(device, [sip.id for sip in wanted])
            flag_modified(device, "name")  # the lines live in another table: bump the version
    if "name" in data:
        device.name = data["name"]
    _commit()
    # New lines or name: the device gets config.changed
    announce_devices_may_change(account_id, "device")
    return device


def move_device(
    account_id: int, device_id: int, contact_id: int, expected_version: int | None
) -> Device:
    """Give the device to another contact; its SIP accounts and activation go with it."""
    device = _owned(account_id, device_id)
    check_version(device, expected_version)
    contact = resolve_id(Contact, contact_id, account_id, field="contact_id")
    if contact.id == device.contact_id:
        raise FieldErrors(
            {"contact_id": f"The device already belongs to {contact.full_name}. Choose another."}
        )
    device.contact_id = contact.id
    _commit()
    # Another contact: other caller IDs and recording
    announce_devices_may_change(account_id, "device")
    return device


def delete_device(account_id: int, device_id: int, expected_version: int | None) -> None:
    device = _owned(account_id, device_id)
    check_version(device, expected_version)
    db.session.delete(device)
    _commit()
    device_token_revoked.send(device_id)  # its token died with the row: sockets close
    # Its lines leave the SIP server's plan file: they no longer register
    announce_devices_may_change(account_id, "device")


def _owned(account_id: int, device_id: int) -> Device:
    """get_owned, with an id beyond 32 bits answered 404 before PostgreSQL refuses it."""
    if not 0 < device_id < 2**31:
        raise NotFound(f"Device {device_id} not found.")
    return get_owned(Device, device_id, account_id)


def describe_devices(account_id: int, devices: list[Device]) -> list[dict]:
    """The response view: each device with its contact and its SIP accounts, in order.

    One query for the contacts and one for the SIP accounts, however many devices."""
    contact_ids = {d.contact_id for d in devices}
    sip_ids = {sid for d in devices for sid in d.sip_account_ids}
    contacts = {
        c.id: {"id": c.id, "name": c.full_name}
        for c in db.session.execute(
            scoped(Contact, account_id).where(Contact.id.in_(contact_ids))
        ).scalars()
    }
    sips = {
        sip.id: {
            "id": sip.id,
            "friendly_name": sip.friendly_name,
            "username": sip.username,
            "provider_name": provider_name,
        }
        for sip, provider_name in db.session.execute(
            scoped(SipAccount, account_id)
            .join(Provider, Provider.id == SipAccount.provider_id)
            .add_columns(Provider.name)
            .where(SipAccount.id.in_(sip_ids))
        )
    }
    return [_view(d, contacts[d.contact_id], [sips[s] for s in d.sip_account_ids]) for d in devices]


def describe_device(device: Device) -> dict:
    return describe_devices(device.account_id, [device])[0]


def _view(device: Device, contact: dict, sip_accounts: list[dict]) -> dict:
    fields = ("id", "version", "name", "status", "sub_status", "app_version", "platform")
    view = {name: getattr(device, name) for name in fields}
    view["status"] = device_status(device)  # "online" turns "offline" once heartbeats stop
    view.update(
        last_seen_at=device.last_seen_at,
        activated_at=device.activated_at,
        created_at=device.created_at,
    )
    return view | {"contact": contact, "sip_accounts": sip_accounts}


def _set_sip_accounts(device: Device, sip_ids: list[int]) -> None:
    """Keep the links that stay (and their registration state), drop the rest, add the new."""
    existing = {link.sip_account_id: link for link in device.sip_links}
    links = []
    for position, sip_id in enumerate(sip_ids):
        link = existing.get(sip_id) or DeviceSipAccount(sip_account_id=sip_id)
        link.position = position
        links.append(link)
    device.sip_links = links


def _commit(after_flush: Callable[[], object] | None = None) -> None:
    """All or nothing; a row changed or removed by a concurrent request is not a 500.

    `after_flush` runs once the rows have their ids, inside the same transaction."""
    try:
        if after_flush is not None:
            db.session.flush()
            after_flush()
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise PreconditionFailed(
            "Someone else changed this device. Reload and try again."
        ) from None
    except IntegrityError:
        db.session.rollback()
        raise Conflict(
            "A contact or SIP account of this device was changed meanwhile. Reload and try again."
        ) from None
