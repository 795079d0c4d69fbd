"""Call recordings uploaded by devices, and the outbox of their delivery jobs.

A ``Recording`` is the call and its file, held under ``instance/recordings/<account>/``
until it is delivered. Its ``DeliveryJob`` is the outbox row a worker leases: a job is
claimable while ``next_attempt_at`` is set and due and no live lease (``locked_until``)
covers it, so a worker killed mid-delivery loses nothing: its lease runs out and another
worker takes the job again. Delivered and dead jobs have no ``next_attempt_at``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device
from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

DIRECTIONS = ("inbound", "outbound")
SCOPES = ("internal", "external")
# queued: waiting for its first attempt; failed: an attempt failed, another is scheduled;
# dead: no attempt is left (or retrying cannot help) until an admin presses Retry.
STATUSES = ("queued", "delivering", "delivered", "failed", "dead")


class Recording(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "recordings"
    __label__ = "Recording"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("devices.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The device's contact (whose call.center settings allowed the upload).
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The other party, when the device knew them from the company directory.
    remote_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    direction: Mapped[str] = mapped_column(String(8))
    scope: Mapped[str] = mapped_column(String(8))
    on_demand: Mapped[bool] = mapped_column(Boolean, default=False)
    remote_number: Mapped[str] = mapped_column(String(40))
    local_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # list order
    duration_s: Mapped[float] = mapped_column(Float)
    # File name under instance/recordings/<account_id>/; None once the file is removed.
    storage_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(255))  # the name at the destination
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    job: Mapped[DeliveryJob] = relationship(
        back_populates="recording", uselist=False, cascade="all, delete-orphan"
    )
    device: Mapped[Device | None] = relationship()
    contact: Mapped[Contact | None] = relationship(foreign_keys=[contact_id])
    remote_contact: Mapped[Contact | None] = relationship(foreign_keys=[remote_contact_id])


class DeliveryJob(VersionedMixin, db.Model):
    __tablename__ = "delivery_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recording_id: Mapped[int] = mapped_column(
        ForeignKey("recordings.id", ondelete="CASCADE"), unique=True
    )
    # Taken from the contact's settings at upload; a deleted method ends the job (dead).
    delivery_method_id: Mapped[int | None] = mapped_column(
        ForeignKey("delivery_methods.id", ondelete="SET NULL"), nullable=True, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), nullable=True, index=True
    )
    locked_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    remote_location: Mapped[str | None] = mapped_column(Text, nullable=True)

    recording: Mapped[Recording] = relationship(back_populates="job")
    delivery_method: Mapped[DeliveryMethod | None] = relationship()
