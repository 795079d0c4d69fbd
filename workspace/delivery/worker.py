"""The delivery worker: lease a due job, deliver outside any transaction, record the outcome.

1. ``claim_next`` takes one due job in a short transaction: on PostgreSQL the candidate row
   is locked with ``FOR UPDATE SKIP LOCKED`` so concurrent workers pass over each other;
   on SQLite the transaction already holds the write lock (BEGIN IMMEDIATE). Either way a
   conditional UPDATE sets the lease (``locked_by``, ``locked_until``) only if no live lease
   covers the job, and counts the attempt, so a worker that dies mid-delivery still used
   one: a file that crashes every worker cannot loop forever.
2. The file goes to its destination with no transaction open (a slow upload holds no
   lock); a small thread renews the lease meanwhile, so a long upload keeps its job.
3. The outcome is written only ``WHERE locked_by = <this worker>``: a worker whose lease
   was taken over records nothing, so a job is marked delivered once.

A SIGKILLed worker's job keeps ``next_attempt_at``; when its lease runs out the next
poll of any worker takes it again.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import and_, or_, update

from workspace.database import utcnow
from workspace.delivery import files
from workspace.delivery.destinations import destination_for
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload
from workspace.delivery.events import send_recording_updated
from workspace.delivery.lease import LeaseKeeper
from workspace.delivery.models import DeliveryJob, Recording
from workspace.delivery.targets import delivery_context, load_target
from workspace.extensions import db

log = logging.getLogger(__name__)

__all__ = ["Claim", "backoff_delay", "claim_next", "deliver_claim", "run_once"]

ResolveDestination = Callable[[str], Any]
MAX_ERROR_LENGTH = 2000


@dataclass(frozen=True)
class Claim:
    job_id: int
    recording_id: int
    attempt: int  # this attempt's number, 1 for the first


def _cfg(name: str) -> Any:
    return current_app.config[name]


def _due(now: datetime):
    return and_(
        DeliveryJob.next_attempt_at.is_not(None),
        DeliveryJob.next_attempt_at <= now,
        or_(DeliveryJob.locked_until.is_(None), DeliveryJob.locked_until < now),
    )


def claim_next(worker_id: str) -> Claim | None:
    """Lease the most overdue job for `worker_id` and mark its recording delivering."""
    now = utcnow()
    lease = timedelta(seconds=_cfg("DELIVERY_LEASE_SECONDS"))
    pick = (
        db.select(DeliveryJob.id, DeliveryJob.recording_id, DeliveryJob.attempts)
        .where(_due(now))
        .order_by(DeliveryJob.next_attempt_at, DeliveryJob.id)
        .limit(1)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    try:
        found = db.session.execute(pick).first()
        if found is None:
            db.session.rollback()
            return None
        taken = db.session.execute(
            update(DeliveryJob)
            .where(DeliveryJob.id == found.id, _due(now))
            .values(
                locked_by=worker_id,
                locked_until=now + lease,
                attempts=DeliveryJob.attempts + 1,
                version=DeliveryJob.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # another worker leased it between our read and write
            db.session.rollback()
            return None
        _set_status(found.recording_id, "delivering")
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    send_recording_updated(found.recording_id)
    return Claim(job_id=found.id, recording_id=found.recording_id, attempt=found.attempts + 1)


def _set_status(recording_id: int, status: str, **values: Any) -> None:
    db.session.execute(
        update(Recording)
        .where(Recording.id == recording_id)
        .values(status=status, version=Recording.version + 1, **values)
        .execution_options(synchronize_session=False)
    )


def backoff_delay(attempts: int, base: float, cap: float) -> float:
    """Seconds before attempt `attempts + 1`: doubling from `base`, capped, half of it random.

    The random half keeps workers from retrying a recovered server all in the same second.
    """
    ceiling = min(cap, base * 2 ** max(0, attempts - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 - jitter, not a secret


@dataclass(frozen=True)
class Prepared:
    type: str
    target: Target
    upload: Upload
    ctx: DeliveryContext
    storage_path: Path


def _summary(row: Recording) -> str:
    started = row.started_at.strftime("%Y-%m-%d %H:%M UTC")
    minutes, seconds = divmod(round(row.duration_s), 60)
    return (
        f"{row.direction.capitalize()} {row.scope} call with {row.remote_number}, "
        f"{started}, {minutes}:{seconds:02d}"
    )


def _prepare(claim: Claim) -> Prepared:
    """Everything the destination needs, read in one short transaction (closed by the caller)."""
    job = db.session.get(DeliveryJob, claim.job_id)
    row = job.recording if job is not None else None
    if job is None or row is None:
        raise DeliveryError("The recording was deleted.", kind="missing", retry=False)
    method = job.delivery_method
    if method is None:
        raise DeliveryError(
            "The delivery method was deleted: choose another in the contact's call.center "
            "settings, then retry.",
            kind="config",
            retry=False,
        )
    path = files.path_of(row.account_id, row.storage_name) if row.storage_name else None
    if path is None or not path.is_file():
        raise DeliveryError(
            "The recording's file is no longer on this server.", kind="missing", retry=False
        )
    upload = Upload(
        path=path,
        final_name=row.file_name,
        content_type=row.content_type,
        size=row.size_bytes,
        sha256=row.sha256,
        summary=_summary(row),
    )
    return Prepared(
        type=method.type,
        target=load_target(method),
        upload=upload,
        ctx=delivery_context(current_app.config),
        storage_path=path,
    )


def deliver_claim(
    claim: Claim, worker_id: str, resolve_destination: ResolveDestination | None = None
) -> str:
    """Deliver a leased job and record what happened; returns the recording's new status."""
    resolve = resolve_destination or destination_for
    try:
        prepared = _prepare(claim)
        destination = resolve(prepared.type)
    except DeliveryError as exc:
        db.session.rollback()
        return _record_failure(claim, worker_id, exc)
    except Exception:
        db.session.rollback()
        log.exception("delivery job %s could not be prepared", claim.job_id)
        return _record_failure(claim, worker_id, _unexpected())
    db.session.rollback()  # no transaction (and on SQLite no lock) during the upload
    try:
        with LeaseKeeper(db.engine, claim.job_id, worker_id, _cfg("DELIVERY_LEASE_SECONDS")):
            location = destination.deliver(prepared.target, prepared.upload, prepared.ctx)
    except DeliveryError as exc:
        return _record_failure(claim, worker_id, exc)
    except Exception:
        log.exception("delivery job %s failed unexpectedly", claim.job_id)
        return _record_failure(claim, worker_id, _unexpected())
    return _record_success(claim, worker_id, str(location or ""), prepared.storage_path)


def _unexpected() -> DeliveryError:
    # The exception's own text may quote a URL or server reply; it goes to the log only.
    return DeliveryError("The delivery failed unexpectedly; see the server log.")


def _holding(claim: Claim, worker_id: str):
    return and_(DeliveryJob.id == claim.job_id, DeliveryJob.locked_by == worker_id)


def _record_success(claim: Claim, worker_id: str, location: str, path: Path) -> str:
    remove_now = _cfg("RECORDING_RETENTION_SECONDS") <= 0
    try:
        done = db.session.execute(
            update(DeliveryJob)
            .where(_holding(claim, worker_id))
            .values(
                delivered_at=utcnow(),
                remote_location=location[:MAX_ERROR_LENGTH],
                next_attempt_at=None,
                locked_by=None,
                locked_until=None,
                last_error=None,
                last_error_kind=None,
                version=DeliveryJob.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            db.session.rollback()
            log.warning("delivery job %s: lease lost before the outcome was recorded", claim.job_id)
            return "delivering"
        _set_status(
            claim.recording_id, "delivered", **({"storage_name": None} if remove_now else {})
        )
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    if remove_now:
        files.remove_quietly(path)
    log.info("recording %s delivered (job %s)", claim.recording_id, claim.job_id)
    send_recording_updated(claim.recording_id)
    return "delivered"


def _record_failure(claim: Claim, worker_id: str, error: DeliveryError) -> str:
    dead = not error.retry or claim.attempt >= _cfg("DELIVERY_MAX_ATTEMPTS")
    values: dict[str, Any] = {
        "locked_by": None,
        "locked_until": None,
        "last_error": error.reason[:MAX_ERROR_LENGTH],
        "last_error_kind": error.kind[:20],
        "version": DeliveryJob.version + 1,
    }
    if dead:
        values["next_attempt_at"] = None
    else:
        delay = backoff_delay(
            claim.attempt, _cfg("DELIVERY_BACKOFF_BASE"), _cfg("DELIVERY_BACKOFF_MAX")
        )
        delay = max(delay, getattr(error, "retry_after", None) or 0)
        values["next_attempt_at"] = utcnow() + timedelta(seconds=delay)
    status = "dead" if dead else "failed"
    try:
        done = db.session.execute(
            update(DeliveryJob)
            .where(_holding(claim, worker_id))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            db.session.rollback()
            log.warning("delivery job %s: lease lost before the outcome was recorded", claim.job_id)
            return "delivering"
        _set_status(claim.recording_id, status)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    log.info(
        "recording %s not delivered (attempt %s, %s): %s",
        claim.recording_id,
        claim.attempt,
        status,
        error.kind,
    )
    send_recording_updated(claim.recording_id)
    return status


def run_once(worker_id: str, resolve_destination: ResolveDestination | None = None) -> bool:
    """Claim and deliver one due job; False when none was due."""
    claim = claim_next(worker_id)
    if claim is None:
        return False
    deliver_claim(claim, worker_id, resolve_destination)
    return True
