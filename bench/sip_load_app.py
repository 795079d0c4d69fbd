"""bench/sip_load.py --app: the load's call events go through the forwarder into a real app.

The web app runs as `make run` serves it (`workspace serve`, gunicorn, migrations applied) in a
throwaway instance, on SQLite or on the PostgreSQL database given (emptied first). Its first
account is the plan's (tests.sip.plans.ACCOUNT). The forwarder is `workspace sip run`'s own
(workspace.sip.supervisor.EventForwarder), tailing the bench Kamailio's spool and posting to
the app with the events token. After the load, the bench waits until the call log holds every
call the spool names, ended where the spool says it ended, and reports how long that took
after the last call, the ingestion rate, the largest backlog seen, and the call log itself.
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy

from tests.servers import BIN, prepare_instance, running_server, server_env
from tests.sip.plans import ACCOUNT
from workspace.sip.supervisor import EventForwarder


class AppLog:
    """The app, the forwarder feeding it, and a sampler of the backlog (spool - stored)."""

    def __init__(self, events_dir: Path, database: str, url: str, token: str) -> None:
        self.events_dir, self.database = events_dir, database
        self.engine = sqlalchemy.create_engine(database)
        self.forwarder = EventForwarder(events_dir, f"{url}/sip/v1/events", token)
        self.backlog = 0
        self._stop = threading.Event()

    def spool(self) -> list[dict]:
        rows = []
        for path in self.events_dir.glob("*.jsonl"):
            rows += [json.loads(line) for line in path.read_text().splitlines() if line]
        return rows

    def stored(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            calls, ended, answered = conn.execute(
                sqlalchemy.text("SELECT count(*), count(ended_at), count(answered_at) FROM calls")
            ).one()
            events = conn.execute(sqlalchemy.text("SELECT count(*) FROM call_events")).scalar()
        return {"calls": calls, "ended": ended, "answered": answered, "events": events}

    def _sample(self) -> None:
        while not self._stop.wait(1.0):
            written = sum(
                sum(1 for _ in path.open("rb")) for path in self.events_dir.glob("*.jsonl")
            )
            self.backlog = max(self.backlog, written - self.stored()["events"])

    def start(self) -> None:
        self.forwarder.start()
        threading.Thread(target=self._sample, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self.forwarder.stop()
        self.engine.dispose()

    def catch_up(self, load_ended: float, timeout: float = 300.0) -> dict[str, Any]:
        """Wait until the log holds every call of the spool, and each ended one as ended."""
        deadline = time.monotonic() + timeout
        while True:
            # Read again each time: a BYE's event may be written after SIPp saw its 200 OK.
            spool = self.spool()
            calls = {e["call_id"] for e in spool}
            ended = {e["call_id"] for e in spool if e["type"] == "ended"}
            now = self.stored()
            if now["calls"] >= len(calls) and now["ended"] >= len(ended):
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        caught_up = time.time()
        first = min((e["at"] for e in spool), default=caught_up)
        return {
            "spool_events": len(spool),
            "spool_calls": len(calls),
            "spool_ended": len(ended),
            "stored": now,
            "catch_up_s": caught_up - load_ended,
            "rate": now["events"] / max(caught_up - first, 1e-9),
            "offered": len(spool) / max(max(e["at"] for e in spool) - first, 1e-9)
            if spool
            else 0.0,
            "backlog": self.backlog,
            "refused": _lines(self.events_dir / "refused.log"),
            "complete": now["calls"] >= len(calls) and now["ended"] >= len(ended),
        }

    def call_log(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sqlalchemy.text("SELECT state, cause, answered_username, ring_s, talk_s FROM calls")
            ).all()
        mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
        return {
            "states": Counter(r.state for r in rows),
            "causes": Counter(r.cause for r in rows),
            "answered_by": Counter(r.answered_username for r in rows if r.answered_username),
            "ring_s": mean([r.ring_s for r in rows if r.ring_s is not None]),
            "talk_s": mean([r.talk_s for r in rows if r.talk_s is not None]),
        }


def _lines(path: Path) -> int:
    return sum(1 for _ in path.open()) if path.exists() else 0


@contextmanager
def app_log(events_dir: Path, postgres: str | None, workers: int):
    """The app (SQLite, or ``postgres``) with an admin in account ACCOUNT, and its feed."""
    token = secrets.token_hex(32)
    with tempfile.TemporaryDirectory(prefix="sip-load-app-") as tmp:
        folder = Path(tmp)
        settings = {"WORKSPACE_RATELIMIT": "0", "WORKSPACE_SIP_EVENTS_TOKEN": token}
        if postgres:
            from bench.api_runner import empty_database

            empty_database(postgres)
            settings["DATABASE_URL"] = postgres
        env = server_env(folder, **settings)
        prepare_instance(folder, env)
        made = subprocess.run(
            [BIN / "workspace", "create-admin", "--email", "load@example.com",
             "--password", "load-password-1"],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        account = int(re.search(r"in account (\d+)", made.stdout)[1])
        if account != ACCOUNT:
            raise SystemExit(f"the app's account is {account}, the plan's {ACCOUNT}")
        database = postgres or f"sqlite:///{folder / 'workspace.db'}"
        with running_server(folder, env, workers=workers) as url:
            log = AppLog(events_dir, database, url, token)
            log.start()
            try:
                yield log
            finally:
                log.stop()


def report(result: dict[str, Any], log: dict[str, Any], database: str) -> None:
    stored = result["stored"]
    print(f"  app call log ({database}), fed by the forwarder:")
    print(
        f"    spool: {result['spool_events']} events of {result['spool_calls']} calls "
        f"({result['spool_ended']} ended), offered {result['offered']:.0f} events/s"
    )
    state = "caught up" if result["complete"] else "NOT caught up"
    print(
        f"    call log: {stored['calls']} calls, {stored['answered']} answered, "
        f"{stored['ended']} ended, {stored['events']} events; {state} "
        f"{result['catch_up_s']:.1f} s after the last call"
    )
    print(
        f"    ingestion {result['rate']:.0f} events/s over the run, largest backlog "
        f"{result['backlog']} events, refused {result['refused']}"
    )
    print(
        f"    states {dict(log['states'])}, causes {dict(log['causes'])}, answered by "
        f"{dict(log['answered_by'])}, ring {log['ring_s']:.3f} s, talk {log['talk_s']:.2f} s"
    )
