"""Outgoing email over SMTP. Without MAIL_SERVER the message goes to the local mail outbox
(MAIL_OUTBOX_DIR, see mail_outbox.py) when one is set, else to the log."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage

from flask import current_app

from workspace.mail_outbox import write_to_outbox

log = logging.getLogger(__name__)


def send_mail(
    to: str,
    subject: str,
    text: str,
    *,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> None:
    """Send one message. attachments: (filename, mime type, bytes)."""
    cfg = current_app.config
    message = EmailMessage()
    message["From"] = cfg["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    for filename, mime, data in attachments or []:
        maintype, _, subtype = mime.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)

    if not cfg["MAIL_SERVER"] and cfg.get("MAIL_OUTBOX_DIR"):
        path = write_to_outbox(cfg["MAIL_OUTBOX_DIR"], message)
        log.warning("MAIL_SERVER is not set; email to %s saved as %s", to, path)
        return
    if not cfg["MAIL_SERVER"]:
        log.warning("MAIL_SERVER is not set; email to %s not sent:\n%s\n%s", to, subject, text)
        return
    smtp_class = smtplib.SMTP_SSL if cfg["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_class(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=30) as smtp:
        if cfg["MAIL_USE_TLS"] and not cfg["MAIL_USE_SSL"]:
            smtp.starttls(context=ssl.create_default_context())
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
        smtp.send_message(message)
