"""Fixtures for the destination tests: a recording file, a context, the stand-in servers."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.standins.cloud import DropboxStandIn, GoogleStandIn, MicrosoftStandIn, running
from tests.standins.ftp_server import FtpStandIn, ftp_server
from tests.standins.sftp_server import SftpStandIn, sftp_server
from workspace.delivery.destinations.base import DeliveryContext, Upload


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def make_upload(tmp_path: Path) -> Callable[..., Upload]:
    """make_upload(size, name) -> an Upload of `size` random bytes (a stand-in recording)."""

    def make(
        size: int = 50_000, name: str = "2026-11-26_10-00-00_inbound_+4930123_101.wav"
    ) -> Upload:
        data = os.urandom(size)
        path = tmp_path / "outbox" / f"{len(list(tmp_path.glob('outbox/*')))}.wav"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return Upload(
            path=path,
            final_name=name,
            content_type="audio/wav",
            size=size,
            sha256=sha(data),
            summary="Inbound call from +4930123 to 101",
        )

    return make


def context(**overrides) -> DeliveryContext:
    """Loopback allowed (the stand-ins live there), short timeouts."""
    values = {"api_base_urls": {}, "timeout": 10.0, "allow_private_hosts": True} | overrides
    return DeliveryContext(**values)


@pytest.fixture
def ftp(tmp_path: Path) -> Iterator[FtpStandIn]:
    with ftp_server(tmp_path / "ftp-root") as server:
        yield server


@pytest.fixture
def sftp(tmp_path: Path) -> Iterator[SftpStandIn]:
    with sftp_server(tmp_path / "sftp-root") as server:
        yield server


@pytest.fixture
def dropbox() -> Iterator[DropboxStandIn]:
    with running(DropboxStandIn()) as server:
        yield server  # type: ignore[misc]
        assert server.problems == []


@pytest.fixture
def google() -> Iterator[GoogleStandIn]:
    with running(GoogleStandIn()) as server:
        yield server  # type: ignore[misc]
        assert server.problems == []


@pytest.fixture
def microsoft() -> Iterator[MicrosoftStandIn]:
    with running(MicrosoftStandIn()) as server:
        yield server  # type: ignore[misc]
        assert server.problems == []
