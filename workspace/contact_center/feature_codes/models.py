"""Feature codes: dialable codes such as *1 (record on demand)."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, VersionedMixin
from workspace.extensions import db

PURPOSES = ("record_on_demand",)


class FeatureCode(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "feature_codes"
    __label__ = "Feature code"
    __table_args__ = (UniqueConstraint("account_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12))  # "*" or "#" then digits
    purpose: Mapped[str] = mapped_column(String(30))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
