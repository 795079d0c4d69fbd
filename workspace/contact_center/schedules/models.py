"""Schedules: weekly opening intervals and dated holidays in one IANA time zone."""

from __future__ import annotations

from sqlalchemy import JSON, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, VersionedMixin
from workspace.extensions import db


class Schedule(TenantMixin, VersionedMixin, db.Model):
    """``intervals``: ``[{"day": 0-6 (Monday first), "from": "HH:MM", "to": "HH:MM"}]``;
    ``holidays``: ``[{"name", "from": date, "to": date | None, "yearly", "exit"}]``
    (the shapes ``workspace.graph.decide`` reads)."""

    __tablename__ = "schedules"
    __label__ = "Schedule"
    __table_args__ = (UniqueConstraint("account_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    time_zone: Mapped[str] = mapped_column(String(64))
    intervals: Mapped[list] = mapped_column(JSON, default=list)
    holidays: Mapped[list] = mapped_column(JSON, default=list)
