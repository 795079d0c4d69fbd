"""The bytes of audio files under <instance>/audio/, written all or nothing.

An upload is first copied to a hidden temporary file in the same folder (so the final
rename is atomic), checked, then renamed to a random name. Nothing else writes there.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import current_app

CHUNK = 1024 * 1024


class TooLarge(Exception):
    """The upload passed the configured limit; the partial copy is already gone."""


@dataclass
class Staged:
    path: Path
    size: int
    sha256: str
    head: bytes


def audio_dir() -> Path:
    folder = Path(current_app.config["INSTANCE_DIR"]) / "audio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_of(storage_name: str) -> Path:
    return audio_dir() / storage_name


def stage(stream: BinaryIO, limit: int, head_bytes: int) -> Staged:
    """Copy the stream to a temporary file, counting and hashing; refuse past `limit` bytes."""
    fd, tmp = tempfile.mkstemp(dir=audio_dir(), prefix=".upload-")
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


def keep(staged: Staged, extension: str) -> str:
    """Rename the staged file to its permanent random name; returns that name."""
    name = f"{secrets.token_hex(16)}.{extension}"
    os.replace(staged.path, path_of(name))
    return name


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)
