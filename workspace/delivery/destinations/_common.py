"""Pieces every destination shares: temporary names, the test file, socket error wording."""

from __future__ import annotations

import hashlib
import secrets
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workspace.delivery.destinations.base import DeliveryError, Upload

TEST_CONTENT = b"Callflow Workspace connection test. This file is removed right away.\n"


def temp_name(final_name: str) -> str:
    """Where the bytes go before the rename: hidden, and never equal to a final name."""
    return f".{final_name}.part"


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


@contextmanager
def probe_upload() -> Iterator[Upload]:
    """A tiny local file with a unique name, for the connection test."""
    name = f"callflow-connection-test-{secrets.token_hex(4)}.txt"
    with tempfile.TemporaryDirectory(prefix="callflow-test-") as folder:
        path = Path(folder) / name
        path.write_bytes(TEST_CONTENT)
        yield Upload(
            path=path,
            final_name=name,
            content_type="text/plain",
            size=len(TEST_CONTENT),
            sha256=hashlib.sha256(TEST_CONTENT).hexdigest(),
            summary="Connection test",
        )


def read_chunks(path: Path, chunk_size: int) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) pieces of the file, chunk_size at most each; one empty piece if empty."""
    with path.open("rb") as handle:
        offset = 0
        while True:
            chunk = handle.read(chunk_size)
            if not chunk and offset:
                return
            yield offset, chunk
            offset += len(chunk)
            if not chunk:
                return


def network_error(exc: BaseException, service: str, host: str) -> DeliveryError:
    """Plain words for a failed connection to `host`; all of these are worth retrying."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, socket.gaierror):
        return DeliveryError(f'The host name "{host}" could not be resolved.', kind="dns")
    if isinstance(exc, ConnectionRefusedError):
        return DeliveryError(
            f"The {service} server {host} refused the connection: check the host and port.",
            kind="refused",
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return DeliveryError(f"The {service} server {host} did not answer in time.", kind="timeout")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return DeliveryError(
            f"The TLS certificate of {host} could not be verified "
            f"({exc.verify_message or 'untrusted'}).",
            kind="protocol",
            retry=False,
        )
    if isinstance(exc, ssl.SSLError):
        return DeliveryError(
            f"TLS with {host} failed: {exc.reason or 'handshake error'}.", kind="protocol"
        )
    if isinstance(exc, EOFError | ConnectionError):
        return DeliveryError(
            f"The {service} server {host} closed the connection before the file was complete.",
            kind="server",
        )
    return DeliveryError(
        f"The connection to the {service} server {host} failed: {exc}.", kind="server"
    )
