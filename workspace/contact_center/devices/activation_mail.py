"""The activation instructions email: text and HTML with the code, links and a QR PNG.

Rendered from Jinja templates (workspace/templates/activation/), HTML autoescaped, so a
device or contact name cannot inject markup. The QR code goes as a PNG attachment, which
every mail client shows; SVG is often stripped.
"""

from __future__ import annotations

from flask import render_template

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices import activation_links as links
from workspace.contact_center.devices.activation_instructions import instructions
from workspace.contact_center.devices.models import Device

__all__ = ["QR_FILENAME", "instructions_mail"]

QR_FILENAME = "activation-qr.png"


def instructions_mail(
    device: Device, contact: Contact, code: str, public_url: str
) -> tuple[str, str, str, list[tuple[str, str, bytes]]]:
    """(subject, text, html, attachments) of the mail for `device` with `code`."""
    app_link = links.app_link(public_url, code)
    context = {
        "device_name": device.name,
        "contact_name": contact.full_name,
        "code": code,
        "app_link": app_link,
        "web_link": links.web_link(public_url, code),
        "server": public_url.rstrip("/"),
        "qr_filename": QR_FILENAME,
        "instructions": instructions(),
    }
    subject = f"Activate the call.center app: {device.name}"
    text = render_template("activation/email.txt", **context)
    html = render_template("activation/email.html", **context)
    return subject, text, html, [(QR_FILENAME, "image/png", links.qr_png(app_link))]
