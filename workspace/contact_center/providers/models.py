"""SIP service providers and the SIP accounts at them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db

DEFAULT_SIP_PORT = 5060
PROTOCOLS = ("udp", "tcp", "tls")


class Provider(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "providers"
    __label__ = "Service provider"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    server: Mapped[str] = mapped_column(String(253))
    port: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None means 5060
    proxy: Mapped[str | None] = mapped_column(String(300), nullable=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)  # the account's own PBX
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sip_accounts: Mapped[list[SipAccount]] = relationship(
        back_populates="provider", order_by="SipAccount.id"
    )

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_SIP_PORT


class SipAccount(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "sip_accounts"
    __label__ = "SIP account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider_id: Mapped[int] = mapped_column(
        ForeignKey("providers.id", ondelete="CASCADE"), index=True
    )
    friendly_name: Mapped[str] = mapped_column(String(100), default="")
    username: Mapped[str] = mapped_column(String(100))
    # AES-GCM ciphertext (workspace.secrets_key); None when manual_password or unset.
    password_encrypted: Mapped[str | None] = mapped_column(String(500), nullable=True)
    manual_password: Mapped[bool] = mapped_column(Boolean, default=False)
    protocol: Mapped[str] = mapped_column(String(3), default="udp")
    push_proxy: Mapped[bool] = mapped_column(Boolean, default=True)
    auth_username: Mapped[str | None] = mapped_column(String(100), nullable=True)
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Ordered list of {"start_with", "replace_with", "min_length"}.
    dialing_rules: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    provider: Mapped[Provider] = relationship(back_populates="sip_accounts")

    @property
    def has_password(self) -> bool:
        return self.password_encrypted is not None
