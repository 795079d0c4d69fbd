"""Publishing the draft workspace: validate, compile, store an immutable Revision, move the pointer.

Everything happens under a lock on the account's WorkspaceState row, so two publishes of one
account serialize and number their revisions max + 1 without a race (the unique constraint on
(account_id, number) backs it). Rollback (revisions_service) publishes through the same path.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from workspace.auth.models import Admin
from workspace.database import UPSERT_INSERTS, utcnow
from workspace.errors import ServiceError
from workspace.extensions import db
from workspace.graph import CompileError, compile_plan, has_errors
from workspace.graph.canonical import canonical_sha256
from workspace.objects import publishing_events
from workspace.objects.draft_cache import cached_draft
from workspace.objects.facts_cache import cached_facts, facts_cache
from workspace.objects.models import Revision, WorkspaceState
from workspace.objects.state import read_state
from workspace.objects.types import REGISTRY
from workspace.signals import announce_devices_may_change
from workspace.tenancy import scoped


class GraphErrors(ServiceError):
    """422: the workspace has errors; every problem (errors and warnings) under errors.graph."""

    status_code = 422

    def __init__(self, problems: list[dict], action: str = "publishing") -> None:
        count = sum(1 for p in problems if p["severity"] == "error")
        has = "1 error; fix it" if count == 1 else f"{count} errors; fix them"
        super().__init__(f"The workspace has {has} before {action}.", {"graph": problems})


def lock_state(account_id: int) -> WorkspaceState:
    """The account's WorkspaceState row, created if missing, locked until the transaction ends.

    PostgreSQL: INSERT ... ON CONFLICT DO NOTHING (two first publishes may race to create it),
    then SELECT ... FOR UPDATE. SQLite ignores FOR UPDATE; its BEGIN IMMEDIATE
    (workspace/database.py) already serializes writers for the whole transaction.
    """
    insert = UPSERT_INSERTS[db.session.get_bind().dialect.name]
    db.session.execute(
        insert(WorkspaceState)
        .values(account_id=account_id, published_revision=None, draft_version=0)
        .on_conflict_do_nothing()
    )
    return db.session.execute(
        db.select(WorkspaceState)
        .where(WorkspaceState.account_id == account_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def published_number(account_id: int) -> int | None:
    state = db.session.get(WorkspaceState, account_id)
    return state.published_revision if state is not None else None


def published_revision(account_id: int) -> Revision | None:
    """The published revision. Its snapshot and plan (megabytes at 10k objects) are deferred
    columns, read when first asked for."""
    number = published_number(account_id)
    if number is None:
        return None
    query = scoped(Revision, account_id).where(Revision.number == number)
    return db.session.execute(query).scalar_one_or_none()


def source_hash(snapshot: dict[str, Any], facts_digest: str) -> str:
    """sha256 of what a compile reads: the draft snapshot (canonical JSON) and the facts,
    given as their ``facts_hash`` so a publish serializes the facts once, not twice.

    Equal source hashes give equal plans, so a publish can answer "unchanged" without
    building, validating or compiling.
    """
    # depth 3: the snapshot's object and cable lists go in slices
    return "sha256:" + canonical_sha256({"snapshot": snapshot, "facts": facts_digest}, depth=3)


def facts_hash(facts: dict[str, Any]) -> str:
    """sha256 of the facts alone (canonical JSON), for the unchanged check at a known draft."""
    return "sha256:" + canonical_sha256(facts, depth=2)


def revision_info(revision: Revision, published: int | None) -> dict[str, Any]:
    """The summary every revision answer shares (list items, detail, publish result)."""
    return {
        "number": revision.number,
        "hash": revision.hash,
        "message": revision.message,
        "author_name": revision.author_name,
        "created_at": revision.created_at,
        "is_published": revision.number == published,
        "rollback_of": revision.rollback_of,
    }


def publish_workspace(account_id: int, author: Admin, message: str) -> dict[str, Any]:
    """Publish the draft as the next revision; 422 (GraphErrors) while an error stands.

    Returns the revision summary with ``unchanged`` and the warnings under ``problems``.
    """
    state = lock_state(account_id)
    revision, unchanged, problems = publish_locked(state, author, message.strip())
    # The draft just published is the revision itself: nothing is pending at this version.
    # Said from what is in hand, not by reading back and diffing megabytes after the commit.
    pending = {
        "published_revision": revision.number,
        "draft_version": state.draft_version,
        "count": 0,
    }
    db.session.commit()
    if not unchanged:
        publishing_events.revision_published(account_id, revision, pending=pending)
        # Devices whose config moved hear config.changed. An unchanged publish moves none:
        # the contact-center saves it may follow announced their own changes when saved.
        announce_devices_may_change(account_id, "publish")
    return {
        **revision_info(revision, revision.number),
        "unchanged": unchanged,
        "problems": problems,
    }


def publish_locked(
    state: WorkspaceState, author: Admin, message: str, *, rollback_of: int | None = None
) -> tuple[Revision, bool, list[dict]]:
    """Compile and store the draft under the caller's lock; the caller commits.

    On errors the session is rolled back (nothing the caller wrote survives) and GraphErrors
    raised. Returns (revision, unchanged, problems).
    """
    account_id = state.account_id
    # Read, not taken from `state`: a rollback has just bumped it with a Core UPDATE.
    draft_version = read_state(account_id)["draft_version"]
    # Kept by facts version (workspace.objects.facts_cache): a publish after canvas edits
    # alone, or an unchanged one, neither reads nor hashes the facts again.
    facts, facts_version = cached_facts(account_id, directory=True)
    facts_digest = facts_cache(current_app).digest(account_id, facts_version, facts, facts_hash)
    current = published_revision(account_id)
    if (
        current is not None
        and current.draft_version == draft_version
        and current.facts_hash == facts_digest
    ):
        # Every draft write moves the version (workspace.objects.state), so the draft is the
        # one this revision came from, and the facts hash the same: not even the draft is read.
        return current, True, list(current.warnings or [])
    # The draft kept built between pushed validations (workspace.objects.draft_cache): after
    # canvas edits, only the rows they changed are read and the problems they reach recomputed.
    with cached_draft(account_id) as draft:
        snapshot = draft.snapshot()
        source = source_hash(snapshot, facts_digest)
        if current is not None and current.source_hash == source:
            # The draft and the facts are those the published revision was compiled from, so
            # the plan and the warnings would be the same: no validate or compile.
            current.draft_version, current.facts_hash = draft_version, facts_digest
            return current, True, list(current.warnings or [])

        problems = list(draft.problems(facts, facts_version))  # a copy: the cache keeps its own
        if has_errors(problems):
            db.session.rollback()
            raise GraphErrors(problems)

        number = _max_number(account_id) + 1
        now = utcnow()
        try:
            plan = compile_plan(
                draft.graph,
                types=REGISTRY,
                facts=facts,
                revision=number,
                compiled_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                problems=problems,
            )
        except CompileError as exc:  # validate passed, so this is a guard, not a user path
            db.session.rollback()
            raise GraphErrors(exc.problems) from exc

    # Publishing an unchanged workspace answers with the revision already published instead of
    # numbering a copy: a double click or a retried request stays idempotent, the history
    # keeps only real changes, and devices are not told about a "new" plan that is the same.
    # Both must match: the hash covers routing and device settings (so an edit of contact-center
    # data alone still publishes), the snapshot covers names, positions and tabs (which rollback
    # restores, so they are worth a revision even when the routing is identical).
    if current is not None and current.hash == plan["hash"] and current.snapshot == snapshot:
        # The source moved (else the check above answered) without changing the plan.
        current.source_hash, current.warnings = source, problems
        current.draft_version, current.facts_hash = draft_version, facts_digest
        return current, True, problems

    revision = Revision(
        account_id=account_id,
        number=number,
        snapshot=snapshot,
        plan=plan,
        hash=plan["hash"],
        source_hash=source,
        warnings=problems,
        draft_version=draft_version,
        facts_hash=facts_digest,
        message=message,
        author_id=author.id,
        author_name=author.full_name,
        rollback_of=rollback_of,
        created_at=now,
    )
    db.session.add(revision)
    state.published_revision = number
    db.session.flush()
    return revision, False, problems


def _max_number(account_id: int) -> int:
    highest = db.session.execute(
        db.select(db.func.max(Revision.number)).where(Revision.account_id == account_id)
    ).scalar_one()
    return highest or 0
