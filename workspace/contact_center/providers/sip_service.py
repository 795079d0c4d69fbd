"""SIP accounts at the providers: write-only passwords, dialing rules, derived status."""

from __future__ import annotations

from sqlalchemy.orm import selectinload

from workspace.contact_center.contacts.models import Contact, ContactMethod
from workspace.contact_center.devices.liveness import line_online
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.contact_center.providers.sip_schemas import PASSWORD_WITH_MANUAL
from workspace.errors import Conflict, FieldErrors
from workspace.extensions import db
from workspace.secrets_key import encrypt
from workspace.signals import announce_devices_may_change
from workspace.tenancy import get_owned, resolve_id, scoped
from workspace.versioning import check_version

TABLE = "sip_accounts"


def list_sip_accounts(
    account_id: int,
    *,
    provider_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
    q: str | None = None,
) -> tuple[list[SipAccount], int]:
    stmt = scoped(SipAccount, account_id).order_by(SipAccount.id)
    if provider_id is not None:
        get_owned(Provider, provider_id, account_id)  # another account's provider: 404
        stmt = stmt.where(SipAccount.provider_id == provider_id)
    search = contains(q, SipAccount.friendly_name, SipAccount.username)
    if search is not None:
        stmt = stmt.where(search)
    rows, total = paged(
        stmt, page=page, per_page=per_page, options=[selectinload(SipAccount.provider)]
    )
    return _annotate(account_id, rows), total


def get_sip_account(account_id: int, sip_account_id: int) -> SipAccount:
    return _annotate(account_id, [get_owned(SipAccount, sip_account_id, account_id)])[0]


def create_sip_account(account_id: int, data: dict) -> SipAccount:
    data = dict(data)
    password = data.pop("password", None)
    resolve_id(Provider, data["provider_id"], account_id, field="provider_id")
    row = SipAccount(account_id=account_id, **data)
    db.session.add(row)
    db.session.flush()  # the id is part of the password's associated data
    if password is not None:
        # A bulk UPDATE, not an attribute change: the new row stays at version 1.
        db.session.execute(
            db.update(SipAccount)
            .where(SipAccount.id == row.id)
            .values(password_encrypted=_seal(row, password))
        )
    db.session.commit()
    return get_sip_account(account_id, row.id)


def update_sip_account(
    account_id: int, sip_account_id: int, data: dict, expected_version: int | None
) -> SipAccount:
    """manual_password on clears the stored password; a password then is refused (422)."""
    row = get_owned(SipAccount, sip_account_id, account_id)
    check_version(row, expected_version)
    data = dict(data)
    if "provider_id" in data:
        resolve_id(Provider, data["provider_id"], account_id, field="provider_id")
    manual = data.get("manual_password", row.manual_password)
    if manual and "password" in data:
        raise FieldErrors({"password": PASSWORD_WITH_MANUAL})
    password = data.pop("password", None)
    for key, value in data.items():
        setattr(row, key, value)
    if manual:
        row.password_encrypted = None
    elif password is not None:
        row.password_encrypted = _seal(row, password)
    db.session.commit()
    # The devices on this line get the change
    announce_devices_may_change(account_id, "sip_account")
    return get_sip_account(account_id, row.id)


def delete_sip_account(account_id: int, sip_account_id: int, expected_version: int | None) -> None:
    row = get_owned(SipAccount, sip_account_id, account_id)
    check_version(row, expected_version)
    users = sip_account_users(account_id, row.id)
    if users:
        names = ", ".join(f"{u['type'].replace('_', ' ')} {u['name']}" for u in users)
        raise Conflict(
            f"SIP account {row.friendly_name or row.username} is used by {names}. "
            "Remove it there first.",
            {"used_by": users},
        )
    db.session.delete(row)
    db.session.commit()


def sip_account_users(account_id: int, sip_account_id: int) -> list[dict]:
    """The devices and contact methods that use the SIP account."""
    users = [
        {
            "type": "device",
            "id": a["device_id"],
            "name": f"{a['device_name']} of {a['contact_name']}",
        }
        for a in _assignments(account_id, [sip_account_id]).get(sip_account_id, [])
    ]
    methods = db.session.execute(
        db.select(ContactMethod.id, Contact.id, Contact.first_name, Contact.last_name)
        .join(Contact, Contact.id == ContactMethod.contact_id)
        .where(ContactMethod.account_id == account_id)
        .where(ContactMethod.sip_account_id == sip_account_id)
        .order_by(ContactMethod.id)
    ).all()
    users += [
        {
            "type": "contact_method",
            "id": method_id,
            "name": f"{first} {last}".strip(),
            "contact_id": contact_id,
        }
        for method_id, contact_id, first, last in methods
    ]
    return users


def _seal(row: SipAccount, password: str) -> str:
    return encrypt(
        password, account_id=row.account_id, table=TABLE, row_id=row.id, field="password"
    )


def _assignments(account_id: int, ids: list[int]) -> dict[int, list[dict]]:
    """sip account id -> [{device_id, device_name, contact_id, contact_name, registered}]."""
    if not ids:
        return {}
    rows = db.session.execute(
        db.select(
            DeviceSipAccount.sip_account_id,
            DeviceSipAccount.registered,
            Device.status,
            Device.last_seen_at,
            Device.id,
            Device.name,
            Contact.id,
            Contact.first_name,
            Contact.last_name,
        )
        .join(Device, Device.id == DeviceSipAccount.device_id)
        .join(Contact, Contact.id == Device.contact_id)
        .where(Device.account_id == account_id, DeviceSipAccount.sip_account_id.in_(ids))
        .order_by(Device.id)
    ).all()
    found: dict[int, list[dict]] = {}
    for sip_id, registered, status, seen, device_id, device_name, contact_id, first, last in rows:
        found.setdefault(sip_id, []).append(
            {
                "device_id": device_id,
                "device_name": device_name,
                "contact_id": contact_id,
                "contact_name": f"{first} {last}".strip(),
                # A registration counts only while its device keeps sending heartbeats.
                "registered": line_online(registered, status, seen),
            }
        )
    return found


def _annotate(account_id: int, rows: list[SipAccount]) -> list[SipAccount]:
    """Attach the derived `assigned_to` and `status` (the guide's SIP Status) to each row."""
    found = _assignments(account_id, [row.id for row in rows])
    for row in rows:
        links = found.get(row.id, [])
        row.assigned_to = links
        if not links:
            row.status = "not_in_use"
        elif any(link["registered"] is True for link in links):
            row.status = "online"
        else:
            row.status = "offline"
    return rows
