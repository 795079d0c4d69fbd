"""Activation on the portal side: issue, show, send and reset a device's activation code.

The code is stored twice: as a hash (what the device API checks) and AES-GCM encrypted (only
so the portal can show it). The encrypted copy is dropped once instructions are mailed or
the device activates, and from then on the portal shows no code: a reset makes a new one.
A reset also clears the device token, so an activated app stops working on its next request,
and closes the app's open /device socket.
"""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from flask import current_app
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from workspace import secrets_key
from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices import activation_links as links
from workspace.contact_center.devices.activation_instructions import instructions
from workspace.contact_center.devices.activation_mail import instructions_mail
from workspace.contact_center.devices.codes import code_hash, new_activation_code
from workspace.contact_center.devices.liveness import device_status
from workspace.contact_center.devices.models import Device
from workspace.contact_center.devices.status_events import emit_device_status
from workspace.database import utcnow
from workspace.errors import Conflict, FieldErrors, NotFound, PreconditionFailed, ServiceError
from workspace.extensions import db
from workspace.mail import send_mail
from workspace.signals import device_token_revoked
from workspace.tenancy import get_owned
from workspace.versioning import check_version

log = logging.getLogger(__name__)

__all__ = [
    "MailNotSent",
    "activation_view",
    "issue_activation_code",
    "qr_image",
    "reset_activation",
    "send_instructions",
]

_TABLE, _FIELD = "devices", "activation_code"
# What the page says about the device itself: status fields, never hashes or the token.
_DEVICE_FIELDS = (
    "id",
    "version",
    "name",
    "status",
    "sub_status",
    "app_version",
    "platform",
    "last_seen_at",
    "activated_at",
)


class MailNotSent(ServiceError):
    """The mail server refused or could not be reached; nothing was changed."""

    status_code = 502


def issue_activation_code(device: Device) -> str:
    """Give `device` a new code (replacing any earlier one) and return it. The caller commits.

    The device needs its id (flush first): the encrypted copy is bound to its row. A
    device's first code belongs to its creation and leaves its version alone (a new device
    is at version 1, like every new item); a later code is a change and moves the version.
    """
    if device.id is None:
        raise ValueError("flush the device before issuing its activation code")
    code = new_activation_code()
    values = {
        "activation_code_hash": code_hash(code),
        "activation_code_encrypted": secrets_key.encrypt(
            code, account_id=device.account_id, table=_TABLE, row_id=device.id, field=_FIELD
        ),
        "activation_code_issued_at": utcnow(),
    }
    if device.activation_code_issued_at is None:
        # A plain UPDATE, which the ORM's version counter does not see.
        db.session.execute(update(Device).where(Device.id == device.id).values(**values))
        for name, value in values.items():
            set_committed_value(device, name, value)
    else:
        for name, value in values.items():
            setattr(device, name, value)
    return code


def _device(account_id: int, device_id: int) -> Device:
    """The account's device; an id beyond 32 bits is a 404 before PostgreSQL refuses it."""
    if not 0 < device_id < 2**31:
        raise NotFound(f"Device {device_id} not found.")
    return get_owned(Device, device_id, account_id)


def _shown_code(device: Device) -> str | None:
    """The code while the portal may still show it; None once sent, used or never issued."""
    if device.status != "not_activated" or device.sub_status == "instructions_sent":
        return None
    if not device.activation_code_encrypted:
        return None
    try:
        return secrets_key.decrypt(
            device.activation_code_encrypted,
            account_id=device.account_id,
            table=_TABLE,
            row_id=device.id,
            field=_FIELD,
        )
    except ValueError:  # tampered with or copied from another row: show nothing, say why
        log.warning("activation code of device %s does not decrypt", device.id)
        return None


def _hidden_reason(device: Device) -> str:
    if device.status != "not_activated":
        return (
            "The device is activated, so its code is no longer shown. Reset the activation "
            "code to deactivate it and get a new one."
        )
    if device.sub_status == "instructions_sent":
        return (
            "The activation instructions were sent, so the code is hidden here to prevent "
            "unintended use. Reset the activation code to get a new one."
        )
    return "This device has no activation code to show. Reset the activation code to get one."


def activation_view(account_id: int, device_id: int) -> tuple[Device, dict[str, Any]]:
    """The Activation Instructions page: code and links while shown, emails, instructions."""
    device = _device(account_id, device_id)
    return device, _view(device)


def _view(device: Device) -> dict[str, Any]:
    contact = db.session.get(Contact, device.contact_id)
    server = current_app.config["PUBLIC_URL"].rstrip("/")
    code = _shown_code(device)
    return {
        "device": {name: getattr(device, name) for name in _DEVICE_FIELDS}
        | {
            "status": device_status(device),
            "contact": {"id": contact.id, "name": contact.full_name},
        },
        "code": code,
        "code_shown": code is not None,
        "code_hidden_reason": None if code else _hidden_reason(device),
        "code_issued_at": device.activation_code_issued_at,
        "server": server,
        "activation_link": links.app_link(server, code) if code else None,
        "web_link": links.web_link(server, code) if code else None,
        "emails": [{"address": e.address, "label": e.label} for e in contact.emails],
        "instructions": instructions(),
    }


def qr_image(account_id: int, device_id: int, kind: str) -> bytes:
    """The QR code of the Click to Activate link, as "svg" or "png"; 409 once hidden."""
    device = _device(account_id, device_id)
    code = _shown_code(device)
    if code is None:
        raise Conflict(_hidden_reason(device))
    link = links.app_link(current_app.config["PUBLIC_URL"], code)
    return links.qr_svg(link) if kind == "svg" else links.qr_png(link)


def send_instructions(account_id: int, device_id: int, email: str) -> tuple[Device, dict[str, Any]]:
    """Mail the instructions to one of the contact's addresses, then hide the code.

    The mail goes first: when it cannot be sent, nothing changes and the code stays shown.
    """
    device = _device(account_id, device_id)
    contact = get_owned(Contact, device.contact_id, account_id)
    address = _contact_address(contact, email)
    code = _shown_code(device)
    if code is None:
        raise Conflict(_hidden_reason(device))
    if not (current_app.config["MAIL_SERVER"] or current_app.config.get("MAIL_OUTBOX_DIR")):
        raise MailNotSent(
            "This server has no mail server configured (MAIL_SERVER), so the instructions "
            "cannot be emailed. Give the user the code shown here instead."
        )
    server = current_app.config["PUBLIC_URL"]
    subject, text, html, attachments = instructions_mail(device, contact, code, server)
    try:
        send_mail(address, subject, text, html=html, attachments=attachments)
    except (smtplib.SMTPException, OSError) as exc:
        db.session.rollback()
        log.warning("activation mail for device %s not sent: %s", device.id, type(exc).__name__)
        raise MailNotSent(
            f"The email to {address} could not be sent: the mail server did not accept it. "
            "Nothing was changed; try again later or give the user the code shown here."
        ) from None
    device.sub_status = "instructions_sent"
    device.activation_code_encrypted = None  # the portal shows the code no more
    _commit()
    emit_device_status(device)
    return device, _view(device)


def _contact_address(contact: Contact, email: str) -> str:
    """The contact's own stored address matching `email` (case-insensitively), else 422."""
    wanted = email.strip().casefold()
    for entry in contact.emails:
        if entry.address.casefold() == wanted:
            return entry.address
    if not contact.emails:
        message = f"{contact.full_name} has no email address: add one to the contact first."
    else:
        message = f"Choose one of {contact.full_name}'s email addresses."
    raise FieldErrors({"email": message})


def reset_activation(
    account_id: int, device_id: int, expected_version: int
) -> tuple[Device, dict[str, Any]]:
    """A new code; the old code, any device token and its open socket stop working at once."""
    device = _device(account_id, device_id)
    check_version(device, expected_version)
    before = (device.status, device.sub_status)
    issue_activation_code(device)
    device.token_hash = None
    device.status = "not_activated"
    device.sub_status = None
    device.activated_at = None
    device.fetched_config_hash = None  # no config was fetched under the new activation
    for link in device.sip_links:
        link.registered = None  # the lines' registration state died with the token
    _commit()
    # The old app stops hearing pushes now, not at its next fetch (device_api closes them).
    device_token_revoked.send(device.id)
    if (device.status, device.sub_status) != before:
        emit_device_status(device)
    return device, _view(device)


def _commit() -> None:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise PreconditionFailed(
            "Someone else changed this device meanwhile. Reload and try again."
        ) from None
