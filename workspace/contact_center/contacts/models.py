"""Contacts, their numbers and emails, their contact methods and call.center settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

NUMBER_TYPES = ("landline", "mobile", "internal")
EMAIL_LABELS = ("work", "home")
METHOD_KINDS = ("call_center", "sip_account", "phone")


class Contact(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "contacts"
    __label__ = "Contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    company: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    show_in_directory: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    numbers: Mapped[list[ContactNumber]] = relationship(
        cascade="all, delete-orphan", order_by="ContactNumber.position"
    )
    emails: Mapped[list[ContactEmail]] = relationship(
        cascade="all, delete-orphan", order_by="ContactEmail.position"
    )
    methods: Mapped[list[ContactMethod]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactMethod.id"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class ContactNumber(db.Model):
    __tablename__ = "contact_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    type: Mapped[str] = mapped_column(String(10))  # landline / mobile / internal
    number: Mapped[str | None] = mapped_column(String(20), nullable=True)  # E.164
    internal_number_id: Mapped[int | None] = mapped_column(
        ForeignKey("internal_numbers.id", ondelete="SET NULL"), nullable=True, index=True
    )


class ContactEmail(db.Model):
    __tablename__ = "contact_emails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(String(254))
    label: Mapped[str] = mapped_column(String(10), default="work")


class ContactMethod(TenantMixin, VersionedMixin, db.Model):
    """How a contact is reached; the call.center method is created with the contact."""

    __tablename__ = "contact_methods"
    __label__ = "Contact method"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    sip_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("sip_accounts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    number: Mapped[str | None] = mapped_column(String(20), nullable=True)  # phone kind, E.164
    number_type: Mapped[str | None] = mapped_column(String(10), nullable=True)  # landline/mobile
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    contact: Mapped[Contact] = relationship(back_populates="methods")
    call_center: Mapped[CallCenterSettings | None] = relationship(
        cascade="all, delete-orphan", uselist=False
    )


class CallCenterSettings(db.Model):
    """The call.center method's settings (guide: Contact method: call.center)."""

    __tablename__ = "call_center_settings"

    contact_method_id: Mapped[int] = mapped_column(
        ForeignKey("contact_methods.id", ondelete="CASCADE"), primary_key=True
    )
    caller_id_name: Mapped[str | None] = mapped_column(String(100), nullable=True)  # None: name
    internal_caller_id: Mapped[int | None] = mapped_column(
        ForeignKey("internal_numbers.id", ondelete="SET NULL"), nullable=True, index=True
    )
    outbound_calling: Mapped[bool] = mapped_column(Boolean, default=False)
    external_caller_id: Mapped[int | None] = mapped_column(
        ForeignKey("phone_numbers.id", ondelete="SET NULL"), nullable=True, index=True
    )
    recording_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    record_inbound: Mapped[bool] = mapped_column(Boolean, default=False)
    record_outbound: Mapped[bool] = mapped_column(Boolean, default=False)
    record_internal: Mapped[bool] = mapped_column(Boolean, default=False)
    record_external: Mapped[bool] = mapped_column(Boolean, default=False)
    record_on_demand: Mapped[bool] = mapped_column(Boolean, default=False)
    delivery_method_id: Mapped[int | None] = mapped_column(
        ForeignKey("delivery_methods.id", ondelete="SET NULL"), nullable=True, index=True
    )
    announcement_internal_id: Mapped[int | None] = mapped_column(
        ForeignKey("audio_files.id", ondelete="SET NULL"), nullable=True, index=True
    )
    announcement_external_id: Mapped[int | None] = mapped_column(
        ForeignKey("audio_files.id", ondelete="SET NULL"), nullable=True, index=True
    )
