"""The lease keeper: renews a delivery job's lease while its (possibly long) upload runs.

Without it a large file on a slow link would outlive its lease and a second worker would
start the same delivery; with it, only a worker that stops renewing (killed, hung, cut off
from the database) loses its job, and then only after one lease.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine

from workspace.database import utcnow
from workspace.delivery.models import DeliveryJob

log = logging.getLogger(__name__)


class LeaseKeeper:
    """Renews the lease every third of its length while a delivery runs."""

    def __init__(self, engine: Engine, job_id: int, worker_id: str, seconds: float) -> None:
        self._engine, self._job_id, self._worker_id = engine, job_id, worker_id
        self._seconds = seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._seconds / 3):
            try:
                with self._engine.begin() as conn:
                    conn.execute(
                        update(DeliveryJob)
                        .where(
                            DeliveryJob.id == self._job_id,
                            DeliveryJob.locked_by == self._worker_id,
                        )
                        .values(locked_until=utcnow() + timedelta(seconds=self._seconds))
                    )
            except Exception:  # the next renewal may work; the delivery goes on either way
                log.warning("could not renew the lease of delivery job %s", self._job_id)
