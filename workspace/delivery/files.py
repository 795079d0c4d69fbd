"""The bytes of recordings under <instance>/recordings/<account>/, written all or nothing.

An upload is copied to a hidden temporary file in the account's folder (so the final
rename is atomic), counted and hashed on the way, checked, then renamed to a random name.
The file stays until its delivery is confirmed (and the retention time has passed).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import BinaryIO

from flask import current_app

from workspace import uploads
from workspace.uploads import Staged, TooLarge, discard

__all__ = [
    "Staged",
    "TooLarge",
    "account_dir",
    "discard",
    "keep",
    "path_of",
    "remove_quietly",
    "stage",
]

log = logging.getLogger(__name__)


def account_dir(account_id: int) -> Path:
    folder = Path(current_app.config["INSTANCE_DIR"]) / "recordings" / str(int(account_id))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_of(account_id: int, storage_name: str) -> Path:
    return account_dir(account_id) / storage_name


def stage(stream: BinaryIO, account_id: int, limit: int, head_bytes: int) -> Staged:
    """Copy the stream to a temporary file in the account's folder (see workspace.uploads)."""
    return uploads.stage(account_dir(account_id), stream, limit, head_bytes)


def keep(staged: Staged, account_id: int, extension: str) -> str:
    """Rename the staged file to its permanent random name; returns that name."""
    return uploads.keep(staged, account_dir(account_id), extension)


def remove_quietly(path: Path) -> None:
    """Remove a delivered file; a failure is logged, never raised (the row is committed)."""
    try:
        discard(path)
    except OSError:
        log.warning("could not remove recording file %s", path.name)
