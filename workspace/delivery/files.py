"""The bytes of recordings under <instance>/recordings/<account>/, written all or nothing.

An upload is copied to a hidden temporary file in the account's folder (so the final
rename is atomic), counted and hashed on the way, checked, then renamed to a random name.
The file stays until its delivery is confirmed (and the retention time has passed).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import current_app

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


class TooLarge(Exception):
    """The upload passed the configured limit; the partial copy is already gone."""


@dataclass
class Staged:
    path: Path
    size: int
    sha256: str
    head: bytes


def account_dir(account_id: int) -> Path:
    folder = Path(current_app.config["INSTANCE_DIR"]) / "recordings" / str(int(account_id))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_of(account_id: int, storage_name: str) -> Path:
    return account_dir(account_id) / storage_name


def stage(stream: BinaryIO, account_id: int, limit: int, head_bytes: int) -> Staged:
    """Copy the stream to a temporary file, counting and hashing; refuse past `limit` bytes."""
    fd, tmp = tempfile.mkstemp(dir=account_dir(account_id), prefix=".upload-")
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


def keep(staged: Staged, account_id: int, extension: str) -> str:
    """Rename the staged file to its permanent random name; returns that name."""
    name = f"{secrets.token_hex(16)}.{extension}"
    os.replace(staged.path, path_of(account_id, name))
    return name


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)


def remove_quietly(path: Path) -> None:
    """Remove a delivered file; a failure is logged, never raised (the row is committed)."""
    try:
        discard(path)
    except OSError:
        log.warning("could not remove recording file %s", path.name)
