"""Accounts (tenants), their admins, admin sessions and API tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db


class Account(VersionedMixin, db.Model):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # "Setup using Wizard": off for a new account, as the guide has it (Settings -> Account).
    setup_wizard_enabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    # IANA name: the default zone of new schedules and of the simulator (Settings -> Account).
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    admins: Mapped[list[Admin]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True
    )


class Admin(TenantMixin, db.Model):
    __tablename__ = "admins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone_number: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2))
    newsletter: Mapped[bool] = mapped_column(Boolean, default=False)
    terms_accepted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    privacy_accepted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    confirm_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    confirm_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # owner | admin | viewer: what roles.py lets this admin write. The first admin of an
    # account (registration, the CLI) is its owner.
    role: Mapped[str] = mapped_column(String(10), default="owner", server_default="owner")
    # An invitation still open: the hash of the emailed token and when it stops working.
    # An invited admin has no password (an empty hash never verifies) until they accept.
    invite_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("admins.id", ondelete="SET NULL"), nullable=True
    )

    account: Mapped[Account] = relationship(back_populates="admins")

    @property
    def status(self) -> str:
        if self.confirmed_at is None and self.invite_token_hash is not None:
            return "invited"
        return "disabled" if self.disabled else "active"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class AdminSession(db.Model):
    """A server-side login session: deleting the row logs the browser out everywhere."""

    __tablename__ = "admin_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admins.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_agent: Mapped[str] = mapped_column(String(300), default="")

    admin: Mapped[Admin] = relationship()


class ApiToken(TenantMixin, db.Model):
    """A bearer token for automation; only its hash is kept."""

    __tablename__ = "api_tokens"
    __label__ = "API token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admins.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    admin: Mapped[Admin] = relationship()
