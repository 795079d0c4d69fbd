"""The one small interface every destination implements, and what it is given.

A destination never sees the database or Flask: it gets a ``Target`` (the delivery
method's type, plain settings and decrypted secrets), an ``Upload`` (a local file and the
final name it must end up under) and a ``DeliveryContext`` (base URLs, timeouts, limits,
whether private hosts are allowed). It either returns where the file now is, or raises
``DeliveryError`` with a reason an admin can act on, worded without any secret.

Uploads go to a temporary name first and are renamed (or committed) to ``final_name``
only when complete, so a cut connection never leaves a partial file under that name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class DeliveryError(Exception):
    """A delivery or connection test failed.

    reason: plain words for the admin ("Login refused by ftp.example.com: check the user
    name and password."), never a secret. retry: False when trying again cannot help
    until the admin changes something (a refused login is still retried a few times by
    the worker's backoff only if retry is True; a file over the mail size limit is not).
    kind: one of "dns", "refused", "timeout", "login", "permission", "quota", "size",
    "host_not_allowed", "host_key", "rate_limited", "protocol", "server".
    retry_after: seconds the far end asked us to wait (HTTP 429/503 Retry-After), if any;
    the worker waits at least that long before the next attempt.
    """

    def __init__(
        self,
        reason: str,
        *,
        kind: str = "server",
        retry: bool = True,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.retry = retry
        self.retry_after = retry_after


@dataclass(frozen=True)
class Target:
    type: str  # email, ftp, sftp, dropbox, google_drive, onedrive
    name: str  # the delivery method's name, for messages
    settings: Mapping[str, Any]
    secrets: Mapping[str, str] = field(repr=False)  # decrypted; never logged or repr'd


@dataclass(frozen=True)
class Upload:
    path: Path  # the local file, kept until delivery is confirmed
    final_name: str  # sanitised file name (no folders) the file must end up under
    content_type: str  # e.g. audio/wav, audio/mpeg
    size: int
    sha256: str
    summary: str = ""  # one line about the call, for an email subject/body or a description


@dataclass(frozen=True)
class DeliveryContext:
    """Settings from the app config, passed in so destinations stay free of Flask."""

    api_base_urls: Mapping[
        str, str
    ]  # dropbox, dropbox_content, google, google_oauth, graph, microsoft_login
    timeout: float = 30.0
    allow_private_hosts: bool = False  # loopback/link-local/private refused unless True
    mail: Mapping[str, Any] = field(default_factory=dict)  # MAIL_* settings, MAIL_MAX_BYTES
    chunk_size: int = 8 * 1024 * 1024  # for chunked/resumable cloud uploads


class Destination(Protocol):
    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        """Put the file at its final name; return where it is (a path or URL, no secrets)."""

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        """Test connection: upload a tiny file and remove it; return a success message."""
