"""Uploaded announcement and music-on-hold files; the bytes live in the instance folder."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

FORMATS = ("wav", "mp3", "ogg", "flac")


class AudioFile(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "audio_files"
    __label__ = "Audio file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    original_filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(4))  # detected from the content
    size_bytes: Mapped[int] = mapped_column(Integer)
    duration_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    storage_name: Mapped[str] = mapped_column(String(100))  # file name under instance/audio/
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
