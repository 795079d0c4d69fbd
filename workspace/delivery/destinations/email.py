"""Email: the recording attached to one message to the method's addresses, over SMTP.

The mail server is the deployment's own (ctx.mail: MAIL_SERVER, MAIL_PORT, MAIL_USE_TLS
for STARTTLS, MAIL_USE_SSL, MAIL_USERNAME/MAIL_PASSWORD); without one, the local mail
outbox (MAIL_OUTBOX_DIR) when the embedded mode set it. Mail servers refuse messages
over a size limit (the attachment grows by a third in base64), so a message that would
exceed MAIL_MAX_BYTES is refused here, before anything is sent, and not retried: the
admin should pick a cloud or FTP method for long calls.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

from workspace.delivery.destinations._common import human_size, network_error
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload
from workspace.mail_outbox import write_to_outbox

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_HEADROOM = 4096  # headers, the text part and MIME boundaries


def encoded_size(size: int) -> int:
    """Bytes a `size`-byte attachment takes in the message: base64, 76-char lines + CRLF."""
    encoded = 4 * ((size + 2) // 3)
    return encoded + 2 * ((encoded + 75) // 76) + _HEADROOM


def _limit(ctx: DeliveryContext) -> int:
    return int(ctx.mail.get("MAIL_MAX_BYTES") or DEFAULT_MAX_BYTES)


def _too_large(upload: Upload, size: int, limit: int) -> DeliveryError:
    return DeliveryError(
        f"The recording {upload.final_name} ({human_size(upload.size)}) would make an email of "
        f"{human_size(size)}, over the mail size limit of {human_size(limit)}. Use FTP, SFTP "
        "or a cloud delivery method for long calls.",
        kind="size",
        retry=False,
    )


def _message(target: Target, mail: Mapping[str, Any], subject: str, text: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = str(mail.get("MAIL_FROM") or "Callflow Workspace <no-reply@callflow.local>")
    message["To"] = ", ".join(target.settings.get("addresses") or [])
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="callflow.local")
    message.set_content(text)
    return message


def _send(message: EmailMessage, target: Target, ctx: DeliveryContext) -> None:
    mail = ctx.mail
    host = str(mail.get("MAIL_SERVER") or "")
    if not host and mail.get("MAIL_OUTBOX_DIR"):
        try:
            write_to_outbox(str(mail["MAIL_OUTBOX_DIR"]), message)
        except OSError as exc:
            raise DeliveryError(
                f"The local mail outbox could not be written ({exc.strerror}).", kind="server"
            ) from exc
        return
    if not host:
        raise DeliveryError(
            "No mail server is configured for this installation (MAIL_SERVER), so recordings "
            "cannot be emailed.",
            kind="server",
            retry=False,
        )
    port = int(mail.get("MAIL_PORT") or 25)
    use_ssl = bool(mail.get("MAIL_USE_SSL"))
    smtp_class = smtplib.SMTP_SSL if use_ssl else smtplib.SMTP
    try:
        with smtp_class(host, port, timeout=ctx.timeout) as smtp:
            if mail.get("MAIL_USE_TLS") and not use_ssl:
                smtp.starttls(context=ssl.create_default_context())
            if mail.get("MAIL_USERNAME"):
                smtp.login(str(mail["MAIL_USERNAME"]), str(mail.get("MAIL_PASSWORD") or ""))
            refused = smtp.send_message(message, to_addrs=list(target.settings["addresses"]))
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(
            f"The mail server {host} refused the login (code {exc.smtp_code}): check "
            "MAIL_USERNAME and MAIL_PASSWORD.",
            kind="login",
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        names = ", ".join(sorted(exc.recipients))
        raise DeliveryError(
            f"The mail server {host} refused every recipient ({names}).",
            kind="permission",
            retry=any(400 <= code < 500 for code in codes),
        ) from exc
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        if exc.smtp_code == 552:
            raise DeliveryError(
                f"The mail server {host} refused the message as too large.",
                kind="size",
                retry=False,
            ) from exc
        raise DeliveryError(
            f"The mail server {host} did not accept the message (code {exc.smtp_code}).",
            kind="server" if exc.smtp_code < 500 else "protocol",
            retry=exc.smtp_code < 500,
        ) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise DeliveryError(
            f"The mail server {host} closed the connection before it accepted the message.",
            kind="server",
        ) from exc
    except smtplib.SMTPConnectError as exc:
        raise DeliveryError(
            f"The mail server {host} refused the connection (code {exc.smtp_code}).", kind="refused"
        ) from exc
    except smtplib.SMTPException as exc:
        raise DeliveryError(
            f"Sending through the mail server {host} failed ({type(exc).__name__}).", kind="server"
        ) from exc
    except OSError as exc:
        raise network_error(exc, "mail", host) from exc
    if refused:
        # Some addresses took it; retrying would send duplicates to those, so report and stop.
        raise DeliveryError(
            f"The mail server {host} refused {', '.join(sorted(refused))}; the others got the "
            "recording.",
            kind="permission",
            retry=False,
        )


class EmailDestination:
    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        limit = _limit(ctx)
        estimate = encoded_size(upload.size)
        if estimate > limit:
            raise _too_large(upload, estimate, limit)  # before the file is even read
        summary = upload.summary or "A call recording"
        message = _message(
            target,
            ctx.mail,
            f"Call recording: {summary}",
            f"{summary}\n\nThe recording is attached: {upload.final_name} "
            f"({human_size(upload.size)}, SHA-256 {upload.sha256}).\n",
        )
        maintype, _, subtype = (upload.content_type or "application/octet-stream").partition("/")
        message.add_attachment(
            upload.path.read_bytes(),
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=upload.final_name,
        )
        actual = len(message.as_bytes())
        if actual > limit:
            raise _too_large(upload, actual, limit)
        _send(message, target, ctx)
        return f"email:{', '.join(target.settings.get('addresses') or [])}"

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        message = _message(
            target,
            ctx.mail,
            "Callflow Workspace: test of the recording delivery",
            f'This is a test of the delivery method "{target.name}". Call recordings will '
            f"arrive as attachments of up to {human_size(_limit(ctx))}.\n",
        )
        _send(message, target, ctx)
        addresses = ", ".join(target.settings.get("addresses") or [])
        return f"The mail server accepted a test message to {addresses}."
