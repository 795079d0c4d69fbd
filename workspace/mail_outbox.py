"""The local mail outbox: in embedded mode without a mail server, mail lands in a folder.

`make run` serves a laptop demo with no SMTP server. Rather than only logging activation
mails and failing recording deliveries, the app writes each message it would have sent as
an ``.eml`` file (openable by any mail client) into MAIL_OUTBOX_DIR. The folder is opt-in
(`workspace run` sets it to ``instance/mail-outbox`` only when MAIL_SERVER is unset), so a
production deployment without a mail server still fails loudly instead of filing mail away.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

__all__ = ["write_to_outbox"]


def write_to_outbox(folder: str | os.PathLike[str], message: EmailMessage) -> Path:
    """Write `message` as ``<UTC time>-<random>.eml`` in `folder`; returns the path.

    Written to a hidden temporary name and renamed, so a reader never sees half a message.
    """
    target_dir = Path(folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    name = f"{stamp}-{secrets.token_hex(4)}.eml"
    temporary = target_dir / f".{name}.part"
    temporary.write_bytes(message.as_bytes())
    final = target_dir / name
    os.replace(temporary, final)
    return final
