"""The bytes of audio files under <instance>/audio/, written all or nothing.

An upload is first copied to a hidden temporary file in the same folder (so the final
rename is atomic), checked, then renamed to a random name. Nothing else writes there.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from flask import current_app

from workspace import uploads
from workspace.uploads import Staged, TooLarge, discard

__all__ = ["Staged", "TooLarge", "audio_dir", "discard", "keep", "path_of", "stage"]


def audio_dir() -> Path:
    folder = Path(current_app.config["INSTANCE_DIR"]) / "audio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_of(storage_name: str) -> Path:
    return audio_dir() / storage_name


def stage(stream: BinaryIO, limit: int, head_bytes: int) -> Staged:
    """Copy the stream to a temporary file in the audio folder (see workspace.uploads)."""
    return uploads.stage(audio_dir(), stream, limit, head_bytes)


def keep(staged: Staged, extension: str) -> str:
    """Rename the staged file to its permanent random name; returns that name."""
    return uploads.keep(staged, audio_dir(), extension)
