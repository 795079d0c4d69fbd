"""Benchmark: a one-cable edit at 10k objects, and whether 1,000 devices slow it down.

Seeds bench/publish.py's synthetic account (10k objects, about two cables each, 1-3 devices
per contact) in a throwaway SQLite instance (PostgreSQL with ``--postgres URL``), imports and
publishes it, then edits one cable at a time through the Flask test client, in process: delete
a cable (If-Match), create it again. For each edit:

* answer:  the HTTP request, as the admin waits for it (the draft's validation runs after
           the answer, off the request)
* pushed:  from the request's start until the off-request validation emits
           ``validation.updated`` (debounce 0, so this is the validation itself)
* settled: until the worker is idle again (the header's pending count follows the problems)

The baseline, measured in the same run on the same rows: the pure engine's validate of the
loaded draft (no database). Then every device is deleted and the same edits run again, so
"with N devices / with none" says what the devices cost an edit. Last, "two apps": the same
edits, without devices, sent in turn to two apps on the same database, each with its own kept
draft, as two server processes (gunicorn workers) get them: each push brings its draft
forward over the other's edit through the journal in the database. Medians and p90 of
``--edits`` edits, with the machine's load.

    PYTHONPATH=. .venv/bin/python bench/cable_edit.py --objects 10000 --edits 20
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_runner import instance, run_per_database  # noqa: E402
from bench.publish import PASSWORD, seed  # noqa: E402

TARGETS = {"answer": 0.050, "pushed": 0.250, "settled": 0.250}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        debounce = {
            "WORKSPACE_DEVICE_CONFIG_DEBOUNCE": "0",
            "WORKSPACE_DRAFT_VALIDATION_DEBOUNCE": "0",
        }
        with instance(args.child, "bench-cable-", **debounce):
            print(json.dumps(run(args.objects, args.edits)))
        return
    child_args = ["--objects", str(args.objects), "--edits", str(args.edits)]
    run_per_database(__file__, child_args, args.postgres, report)


def report(name: str, r: dict[str, Any]) -> None:
    base = r["engine validate"]
    print(f"\n{name}: {r['objects']} objects, {r['devices']} devices")
    print(f"  {'baseline: pure validate':<30} {base * 1000:8.1f} ms")
    for label in ("answer", "pushed", "settled"):
        for devices in ("with devices", "no devices", "two apps"):
            p50, p90 = r[label][devices]
            goal = f"   target p50 < {TARGETS[label] * 1000:.0f} ms"
            print(
                f"  {label + ', ' + devices:<30} p50 {p50 * 1000:7.1f} ms  p90 {p90 * 1000:7.1f} ms"
                f"  x{p50 / base:5.2f} validate{goal}"
            )
        if label == "pushed":
            print(
                f"  {'pushed, whole draft read':<30} {r['whole read'] * 1000:7.1f} ms"
                "  (the second app's first push; what a version without a journal entry costs)"
            )
        ratio = r[label]["with devices"][0] / r[label]["no devices"][0]
        print(f"  {label}: with {r['devices']} devices / with none = {ratio:4.2f}")


def run(size: int, edits: int) -> dict[str, Any]:
    from sqlalchemy.orm import aliased

    from workspace import create_app
    from workspace.collector import tune_collector_for_serving
    from workspace.contact_center.devices.models import Device, DeviceSipAccount
    from workspace.device_api.recompute import config_recompute
    from workspace.extensions import db, socketio
    from workspace.graph import build, validate
    from workspace.objects.draft import load_draft
    from workspace.objects.facts import load_facts
    from workspace.objects.models import Cable, WorkspaceObject
    from workspace.objects.types import REGISTRY
    from workspace.objects.validation_push import EVENT, draft_validation

    app = create_app()
    tune_collector_for_serving()  # as `workspace serve` does in each worker
    with app.app_context():
        account, email, document, devices = seed(size)
    # A second app on the same database: a second server process, with its own kept draft.
    other = create_app()
    clients, workers = [], []
    for each in (app, other):
        client = each.test_client()
        login = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert login.status_code == 200, login.get_json()
        headers = {"X-CSRF-Token": login.get_json()["csrf_token"]}
        clients.append((client, headers))
        workers += [config_recompute(each), draft_validation(each)]
    client, headers = clients[0]
    for url, body in (
        ("/api/v1/workspace/import", {"document": document, "mode": "replace"}),
        ("/api/v1/workspace/publish", {"message": "bench"}),
    ):
        answer = client.post(url, json=body, headers=headers)
        assert answer.status_code in (200, 201), answer.get_data()[:500]

    def settle() -> None:
        assert all(worker.wait_idle(120) for worker in workers)

    # When validation.updated leaves the process: the moment the canvas can show problems.
    emitted: list[float] = []
    emit = socketio.emit

    def timed_emit(event: str, *args: Any, **kwargs: Any) -> Any:
        if event == EVENT:
            emitted.append(time.perf_counter())
        return emit(event, *args, **kwargs)

    socketio.emit = timed_emit  # type: ignore[method-assign]

    def timed(request: Any) -> tuple[float, float, float]:
        """(answer, pushed, settled) of one request, from its start."""
        settle()
        emitted.clear()
        started = time.perf_counter()
        request()
        answered = time.perf_counter()
        settle()
        settled = time.perf_counter()
        assert len(emitted) == 1, emitted
        return answered - started, emitted[0] - started, settled - started

    def one_edit(cable_id: int, apps: int) -> list[tuple[float, float, float]]:
        """Delete the cable and create it again, the second request through the other app
        when ``apps`` is 2; (answer, pushed, settled) of each request."""
        settle()
        first, second = clients[0], clients[apps - 1]
        row = first[0].get(f"/api/v1/cables/{cable_id}").get_json()

        def delete() -> None:
            gone = first[0].delete(
                f"/api/v1/cables/{cable_id}",
                headers={**first[1], "If-Match": f'"{row["version"]}"'},
            )
            assert gone.status_code == 204, gone.get_data()[:300]

        def create() -> None:
            body = {k: row[k] for k in ("source", "source_port", "target", "target_port")}
            made = second[0].post("/api/v1/cables", json=body, headers=second[1])
            assert made.status_code == 201, made.get_data()[:300]

        return [timed(delete), timed(create)]

    def series(count: int, apps: int = 1) -> dict[str, tuple[float, float]]:
        measured: list[tuple[float, float, float]] = []
        for i in range(count):
            with app.app_context():
                # A cable within one tab (the synthetic document also has cross-tab members).
                source, target = aliased(WorkspaceObject), aliased(WorkspaceObject)
                cable_id = db.session.execute(
                    db.select(Cable.id)
                    .join(source, source.id == Cable.source_id)
                    .join(target, target.id == Cable.target_id)
                    .where(Cable.account_id == account, source.tab_id == target.tab_id)
                    .order_by(Cable.id)
                    .offset(i * 7)
                    .limit(1)
                ).scalar_one()
            measured += one_edit(cable_id, apps)
        answers, pushes, settles = zip(*measured, strict=True)
        return {"answer": _p([*answers]), "pushed": _p([*pushes]), "settled": _p([*settles])}

    with_devices = series(edits)
    with app.app_context():
        ids = [d for (d,) in db.session.execute(db.select(Device.id)).all()]
        db.session.execute(db.delete(DeviceSipAccount))
        db.session.execute(db.delete(Device))
        db.session.commit()
    without = series(edits)
    # The other app's first push reads the whole draft, as a process without the journal's
    # entries would for every edit the other one made.
    whole_read = series(1, apps=2)["pushed"][1]
    alternating = series(edits, apps=2)

    with app.app_context():
        snapshot, facts = load_draft(account), load_facts(account)
    engine = []
    for _ in range(5):
        started = time.perf_counter()
        validate(build(snapshot["objects"], snapshot["cables"], facts), types=REGISTRY, facts=facts)
        engine.append(time.perf_counter() - started)
    return {
        "objects": len(document["objects"]),
        "devices": len(ids) or devices,
        "engine validate": min(engine),
        "whole read": whole_read,
        **{
            label: {
                "with devices": with_devices[label],
                "no devices": without[label],
                "two apps": alternating[label],
            }
            for label in ("answer", "pushed", "settled")
        },
    }


def _p(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


if __name__ == "__main__":
    main()
