"""Benchmark: call-log ingestion, POST /sip/v1/events as the SIP supervisor sends it.

A throwaway instance (SQLite, and PostgreSQL when ``--postgres URL`` or
WORKSPACE_TEST_POSTGRES names a database the bench may empty) holds an account with a contact
and two devices. ``--calls`` calls of a ring group of two entries, started ``--rate`` a second,
each answered at once and hung up after a second (as bench/sip_load.py's SIPp calls are), make
six events each as Kamailio's KEMI module writes them: start, node, ringing twice, answered,
and the BYE's ended (no route, caller or revision: Kamailio no longer knows them). They are
ordered by time and posted in the forwarder's batches (workspace.sip.supervisor.BATCH), one
request at a time, with its bearer token, through the Flask test client (in process: the
whole app, none of the network). So a call's answer and its end usually land in different
batches, as they do from a running Kamailio.

Baselines, measured in the same run on the same database:

* no-op request: the same number of requests posting an empty batch (auth, parsing, the app);
* bare INSERT:   the same call and event rows written with one executemany per batch and table,
  one transaction per batch: what the database itself costs.

Figures: events/s and calls/s of the API and of each baseline, and the ratios. Target (issue
#13): >= 1,500 events/s on both databases, so the call log keeps up with 200 calls/s.

    PYTHONPATH=. .venv/bin/python bench/call_ingest.py --calls 3000
    PYTHONPATH=. .venv/bin/python bench/call_ingest.py --postgres postgresql://...
    PYTHONPATH=. .venv/bin/python bench/call_ingest.py --profile /tmp/ingest   # cProfile, API run
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_runner import instance, run_per_database  # noqa: E402

TARGET = 1500  # events/s
T0 = 1_780_000_000.0
DID = "+14155550100"
EVENTS_URL = "/sip/v1/events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--rate", type=int, default=200, help="calls started per second")
    parser.add_argument("--postgres", default=os.environ.get("WORKSPACE_TEST_POSTGRES"))
    parser.add_argument("--batch", type=int, help="events per request (the forwarder's)")
    parser.add_argument("--redis", default="", help="REDIS_URL: call.updated through Redis")
    parser.add_argument(
        "--profile", metavar="PREFIX", help="cProfile the API run into PREFIX-<database>.txt"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the database URL of one run
    args = parser.parse_args()
    if args.child is not None:
        extra = {"REDIS_URL": args.redis} if args.redis else {}
        with instance(args.child, "bench-call-ingest-", **extra):
            print(json.dumps(run(args.calls, args.rate, args.batch, args.profile)))
        return
    child_args = ["--calls", str(args.calls), "--rate", str(args.rate)]
    child_args += ["--redis", args.redis] if args.redis else []
    child_args += ["--batch", str(args.batch)] if args.batch else []
    child_args += ["--profile", args.profile] if args.profile else []
    run_per_database(__file__, child_args, args.postgres, report)


def report(name: str, r: dict[str, Any]) -> None:
    events, calls = r["events"], r["calls"]
    print(f"\n{name}: {calls} calls, {events} events, {r['batches']} batches of <= {r['batch']}")
    api = r["api"]
    for label, seconds in (
        ("bare INSERT (baseline)", r["insert"]),
        ("no-op request (baseline)", r["noop"]),
        ("POST /sip/v1/events", api),
    ):
        print(
            f"  {label:<26} {seconds:7.2f} s  {events / seconds:8.0f} events/s"
            f"  {calls / seconds:7.0f} calls/s"
        )
    print(
        f"  ratio API/bare INSERT x{api / r['insert']:.1f}, API/no-op x{api / r['noop']:.1f};"
        f"  target >= {TARGET} events/s: {'met' if events / api >= TARGET else 'NOT met'}"
    )
    print(f"  call log: {r['logged']} calls, {r['ended']} ended, {r['answered_by']} answered by")


def call_events(calls: int, rate: int, account: int, contact: int, devices: list[int]) -> list:
    """Every event of ``calls`` calls, in the order the forwarder posts them (by time)."""
    events = []
    for i in range(calls):
        at = T0 + i / rate
        call = {
            "call_id": f"{uuid.uuid4().hex}@127.0.0.1",
            "account": account,
            "revision": 1,
            "route": DID,
            "caller": f"+1212555{i % 10000:04d}",
            "caller_name": None,
            "callee": DID,
        }

        def event(kind: str, offset: float, call: dict = call, at: float = at, **fields):
            body = {**call, "id": str(uuid.uuid4()), "type": kind, "at": at + offset}
            body.update({"node": None, "object": None, "member": None, "cause": None})
            return {**body, "sip_code": None, **fields}

        def member(n: int) -> dict:
            return {"contact": contact, "device": devices[n], "username": f"10{n + 1}",
                    "number": None}  # fmt: skip

        bye = {"call_id": call["call_id"], "account": account, "revision": None, "route": None,
               "caller": None, "caller_name": None, "callee": None}  # fmt: skip
        events += [
            event("start", 0.0),
            event("node", 0.001, node="n30", object=30),
            event("ringing", 0.002, member=member(0), node="n30", object=40),
            event("ringing", 0.003, member=member(1), node="n30", object=41),
            event("answered", 0.02, member=member(0), node="n30", object=40),
            event("ended", 1.02, call=bye, cause="answered"),
        ]
    return sorted(events, key=lambda e: e["at"])


def run(calls: int, rate: int, batch: int | None, profile: str | None) -> dict[str, Any]:
    from workspace import create_app
    from workspace.calls.ingest_auth import events_token
    from workspace.calls.models import Call, CallEvent
    from workspace.collector import tune_collector_for_serving
    from workspace.extensions import db
    from workspace.sip.supervisor import BATCH

    app = create_app()
    tune_collector_for_serving()  # as `workspace serve` does in each worker
    with app.app_context():
        account, contact, devices = seed()
    headers = {"Authorization": f"Bearer {events_token(app)}"}
    events = call_events(calls, rate, account, contact, devices)
    size = batch or BATCH
    batches = [events[i : i + size] for i in range(0, len(events), size)]
    client = app.test_client()

    started = time.perf_counter()
    with app.app_context():
        bare_insert(batches)
    insert = time.perf_counter() - started
    with app.app_context():  # the baseline's rows go, so the API starts from the same tables
        db.session.execute(db.delete(CallEvent))
        db.session.execute(db.delete(Call))
        db.session.commit()

    started = time.perf_counter()
    for _ in batches:
        answer = client.post(EVENTS_URL, json={"events": []}, headers=headers)
        assert answer.status_code == 200, answer.get_data()[:500]
    noop = time.perf_counter() - started

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    for batch in batches:
        answer = client.post(EVENTS_URL, json={"events": batch}, headers=headers)
        assert answer.status_code == 200, answer.get_data()[:500]
    api = time.perf_counter() - started
    if profiler is not None:
        import pstats

        profiler.disable()
        database = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
        with open(f"{profile}-{database}.txt", "w") as out:
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)

    with app.app_context():
        rows = db.session.execute(db.select(Call.state, Call.answered_device_id)).all()
    return {
        "calls": calls,
        "events": len(events),
        "batches": len(batches),
        "batch": size,
        "insert": insert,
        "noop": noop,
        "api": api,
        "logged": len(rows),
        "ended": sum(1 for state, _ in rows if state == "ended"),
        "answered_by": sum(1 for _, device in rows if device is not None),
    }


def seed() -> tuple[int, int, list[int]]:
    """An account with one contact and two devices (the ring group's two entries)."""
    from workspace.auth.service import create_confirmed_admin
    from workspace.contact_center.contacts.models import Contact
    from workspace.contact_center.devices.models import Device
    from workspace.extensions import db

    admin = create_confirmed_admin(
        email="bench-calls@example.com", password="bench-password-1", first_name="B", last_name="A"
    )
    aid = admin.account_id
    contact = Contact(account_id=aid, first_name="Mike", last_name="Brown")
    db.session.add(contact)
    db.session.flush()
    devices = [Device(account_id=aid, contact_id=contact.id, name=f"Phone {n}") for n in (1, 2)]
    db.session.add_all(devices)
    db.session.commit()
    return aid, contact.id, [d.id for d in devices]


def bare_insert(batches: list[list[dict[str, Any]]]) -> None:
    """The same rows with no app around them: per batch, the calls it opens and its events,
    one Core executemany each (not the ORM's bulk insert, which splits a batch wherever the
    set of null columns changes), one commit; the calls are numbered here, not read back."""
    from datetime import UTC, datetime

    from workspace.calls.models import Call, CallEvent
    from workspace.extensions import db

    at = lambda e: datetime.fromtimestamp(e["at"], UTC)  # noqa: E731
    pks: dict[str, int] = {}
    for batch in batches:
        opened = []
        for e in batch:
            if e["call_id"] not in pks:
                pks[e["call_id"]] = len(pks) + 1
                opened.append(
                    {"id": pks[e["call_id"]], "account_id": e["account"],
                     "sip_call_id": e["call_id"], "route": e["route"] or "",
                     "state": "routing", "started_at": at(e), "callee": e["callee"] or "",
                     "version": 1}
                )  # fmt: skip
        rows = [
            {"account_id": e["account"], "event_id": e["id"], "call_pk": pks[e["call_id"]],
             "type": e["type"], "at": at(e), "node": e["node"], "object_id": e["object"],
             "contact_id": (e["member"] or {}).get("contact"),
             "device_id": (e["member"] or {}).get("device"),
             "username": (e["member"] or {}).get("username"), "number": None,
             "cause": e["cause"], "sip_code": e["sip_code"], "route": e["route"] or "",
             "revision_number": e["revision"], "caller": e["caller"],
             "caller_name": e["caller_name"], "callee": e["callee"] or ""}
            for e in batch
        ]  # fmt: skip
        if opened:
            db.session.execute(Call.__table__.insert(), opened)
        db.session.execute(CallEvent.__table__.insert(), rows)
        db.session.commit()


if __name__ == "__main__":
    main()
