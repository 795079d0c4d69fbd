"""Calls the SIP server routed, and the events it reported about each.

A ``Call`` is a summary folded from its ``CallEvent`` rows (workspace.calls.fold): the
events are the truth, so events arriving late or out of order only refold the summary.
``CallEvent.event_id`` is the sender's idempotency key: a replayed event is not stored twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workspace.contact_center.contacts.models import Contact
from workspace.contact_center.devices.models import Device
from workspace.database import TenantMixin, UTCDateTime, VersionedMixin
from workspace.extensions import db
from workspace.objects.models import Revision

EVENT_TYPES = ("start", "ringing", "answered", "ended", "node")
CAUSES = (
    "answered",
    "no_answer",
    "caller_cancel",
    "busy",
    "rejected",
    "not_found",
    "forbidden",
    "unsupported",
    "error",
)
# routing: started, nobody rung yet; ringing; answered (talking); ended.
STATES = ("routing", "ringing", "answered", "ended")


class Call(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "calls"
    __label__ = "Call"
    __table_args__ = (UniqueConstraint("account_id", "sip_call_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sip_call_id: Mapped[str] = mapped_column(String(255))  # the caller leg's Call-ID
    route: Mapped[str] = mapped_column(String(64), index=True)
    revision_number: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # The revision that routed it, when the account has one by that number.
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL"), nullable=True, index=True
    )
    caller: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    caller_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    callee: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(10), default="routing")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # list order
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    answered_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    answered_device_id: Mapped[int | None] = mapped_column(
        ForeignKey("devices.id", ondelete="SET NULL"), nullable=True
    )
    answered_username: Mapped[str | None] = mapped_column(String(200), nullable=True)
    answered_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ring_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    talk_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    cause: Mapped[str | None] = mapped_column(String(20), nullable=True)
    sip_code: Mapped[int | None] = mapped_column(Integer, nullable=True)

    events: Mapped[list[CallEvent]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="CallEvent.at"
    )
    revision: Mapped[Revision | None] = relationship()
    answered_contact: Mapped[Contact | None] = relationship()
    answered_device: Mapped[Device | None] = relationship()


class CallEvent(TenantMixin, db.Model):
    __tablename__ = "call_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)  # the sender's uuid4
    call_pk: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    node: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # A workspace object id as the plan named it; no foreign key: objects come and go.
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contact_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    device_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str | None] = mapped_column(String(200), nullable=True)
    number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    cause: Mapped[str | None] = mapped_column(String(20), nullable=True)
    sip_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # What the event said about the call (the first event seen may not be "start").
    route: Mapped[str] = mapped_column(String(64))
    revision_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    caller: Mapped[str | None] = mapped_column(String(64), nullable=True)
    caller_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    callee: Mapped[str] = mapped_column(String(64), default="")

    call: Mapped[Call] = relationship(back_populates="events")
