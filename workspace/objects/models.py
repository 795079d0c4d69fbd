"""The workspace: tabs, objects, cables, published revisions and the per-account state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workspace.database import TenantMixin, UTCDateTime, VersionedMixin, utcnow
from workspace.extensions import db


class Tab(TenantMixin, VersionedMixin, db.Model):
    __tablename__ = "tabs"
    __label__ = "Tab"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class WorkspaceObject(TenantMixin, VersionedMixin, db.Model):
    """A node on the canvas. Position-only moves bypass the version (last writer wins)."""

    __tablename__ = "workspace_objects"
    __label__ = "Object"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tab_id: Mapped[int] = mapped_column(ForeignKey("tabs.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    properties: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Cable(TenantMixin, VersionedMixin, db.Model):
    """An edge from an output port of one object to an input port of another."""

    __tablename__ = "cables"
    __label__ = "Cable"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("workspace_objects.id", ondelete="CASCADE"), index=True
    )
    source_port: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int] = mapped_column(
        ForeignKey("workspace_objects.id", ondelete="CASCADE"), index=True
    )
    target_port: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Revision(TenantMixin, db.Model):
    """An immutable publication: the snapshot, its compiled plan and who published it."""

    __tablename__ = "revisions"
    __label__ = "Revision"
    __table_args__ = (UniqueConstraint("account_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    # Deferred: megabytes each at 10k objects, read only when asked for. Without it every
    # refresh of a revision after a commit (a publish answering with its summary) parsed both.
    snapshot: Mapped[dict] = mapped_column(
        JSON, deferred=True
    )  # {"tabs": [...], "objects": [...], "cables": [...]}
    plan: Mapped[dict] = mapped_column(JSON, deferred=True)
    hash: Mapped[str] = mapped_column(String(80))
    message: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("admins.id", ondelete="SET NULL"), nullable=True
    )
    author_name: Mapped[str] = mapped_column(String(200), default="")
    rollback_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # sha256 of the draft and the facts it was compiled from, and the warnings they gave:
    # a publish whose draft and facts hash the same answers "unchanged" without compiling.
    # None on revisions published before the column existed (they compile as before).
    source_hash: Mapped[str | None] = mapped_column(String(80), nullable=True)
    warnings: Mapped[list | None] = mapped_column(JSON, nullable=True)
    # The draft version the revision was compiled from (or last found equal to) and the sha256
    # of the facts then: a publish at that same draft version with facts of that hash answers
    # "unchanged" without reading the draft at all (every draft write moves the version:
    # workspace.objects.state). None on revisions published before the columns existed.
    draft_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    facts_hash: Mapped[str | None] = mapped_column(String(80), nullable=True)


class WorkspaceState(db.Model):
    """One row per account: the published pointer and a draft counter for re-syncs.

    Publishing locks this row, so two publishes of one account serialize.
    """

    __tablename__ = "workspace_state"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    published_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    draft_version: Mapped[int] = mapped_column(Integer, default=0)
    # Moves with every committed write to the contact-center data the engine reads
    # (workspace.objects.facts_state), so a process may reuse facts it loaded at this value.
    facts_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DraftChange(db.Model):
    """The draft rows one committed draft version changed (workspace.objects.draft_journal).

    Kept in the database, not in a process, so that every server process brings its kept
    draft forward from the versions any other one committed. The last few hundred versions
    per account are kept; the rows go with the account.
    """

    __tablename__ = "draft_changes"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tabs: Mapped[list] = mapped_column(JSON)
    objects: Mapped[list] = mapped_column(JSON)
    cables: Mapped[list] = mapped_column(JSON)
