"""Where call recordings go: Email, FTP, SFTP, Dropbox, Google Drive, OneDrive.

Non-secret settings are plain JSON; each secret field is AES-GCM encrypted on its own,
bound to account, row and field name.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

TYPES = ("email", "ftp", "sftp", "dropbox", "google_drive", "onedrive")


class DeliveryMethod(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "delivery_methods"
    __label__ = "Delivery method"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(12))
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    secrets: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> ciphertext
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
