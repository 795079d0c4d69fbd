"""Uploaded files written all or nothing: staged, counted and hashed, then kept or discarded.

An upload is copied to a hidden temporary file in its final folder (so keeping it is an
atomic rename), counted against a size limit and hashed on the way, and the first bytes
kept for content sniffing. Audio files and call recordings both store their bytes this way.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


class TooLarge(Exception):
    """The upload passed the configured limit; the partial copy is already gone."""


@dataclass
class Staged:
    path: Path
    size: int
    sha256: str
    head: bytes


def stage(folder: Path, stream: BinaryIO, limit: int, head_bytes: int) -> Staged:
    """Copy the stream to a temporary file in `folder`; refuse past `limit` bytes."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge
                if len(head) < head_bytes:
                    head += chunk[: head_bytes - len(head)]
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        discard(Path(tmp))
        raise
    return Staged(Path(tmp), size, digest.hexdigest(), head)


def keep(staged: Staged, folder: Path, extension: str) -> str:
    """Rename the staged file to a permanent random name in `folder`; returns that name."""
    name = f"{secrets.token_hex(16)}.{extension}"
    os.replace(staged.path, folder / name)
    return name


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)
