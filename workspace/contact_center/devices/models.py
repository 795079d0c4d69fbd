"""Devices: installed call.center softphones of a contact, each on 1 to 4 SIP accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

MAX_SIP_ACCOUNTS = 4
STATUSES = ("not_activated", "online", "offline")
SUB_STATUSES = ("instructions_sent", "pending_update")


class Device(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "devices"
    __label__ = "Device"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(14), default="not_activated")
    sub_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    app_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    platform: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Activation (issue "Devices come alive"): hashes only, never the code or token itself.
    activation_code_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    # The code itself, AES-GCM encrypted, only so the portal can show it until instructions
    # are sent or the device activates; then it is cleared and only the hash remains.
    activation_code_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    activation_code_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    fetched_config_hash: Mapped[str | None] = mapped_column(String(80), nullable=True)
    # Hash of the config the device would get now; "pending update" while it differs from
    # fetched_config_hash. Recomputed after publishes and contact-center edits.
    config_hash: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sip_links: Mapped[list[DeviceSipAccount]] = relationship(
        cascade="all, delete-orphan", order_by="DeviceSipAccount.position"
    )

    @property
    def sip_account_ids(self) -> list[int]:
        return [link.sip_account_id for link in self.sip_links]


class DeviceSipAccount(db.Model):
    __tablename__ = "device_sip_accounts"
    __table_args__ = (UniqueConstraint("device_id", "sip_account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    sip_account_id: Mapped[int] = mapped_column(
        ForeignKey("sip_accounts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Registration state reported by the device's heartbeats (issue "Devices come alive").
    registered: Mapped[bool | None] = mapped_column(nullable=True)
