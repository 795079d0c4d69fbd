"""One audit entry per created, changed or deleted row, written after its commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, UTCDateTime, utcnow
from workspace.extensions import db


class AuditEntry(TenantMixin, db.Model):
    __tablename__ = "audit_entries"
    __label__ = "Activity entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # admin (a browser session) | api_token | system (devices, the delivery worker, the CLI)
    actor_type: Mapped[str] = mapped_column(String(10))
    # No foreign key: the entry outlives the admin it names (the name is kept beside it).
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str | None] = mapped_column(String(45), nullable=True)
    # create | update | delete; import | restore (a whole draft, resource "workspace")
    action: Mapped[str] = mapped_column(String(8))
    resource: Mapped[str] = mapped_column(String(40), index=True)
    resource_id: Mapped[str] = mapped_column(String(40))
    resource_name: Mapped[str] = mapped_column(String(200), default="")
    # {field: [before, after]}; secrets appear as "•••" on both sides.
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
