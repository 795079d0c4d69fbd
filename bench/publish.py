"""Benchmark: import, publish and an unchanged publish of a 10k-object account, through the API.

Seeds an account in a throwaway instance (SQLite, and PostgreSQL when ``--postgres URL`` or
WORKSPACE_TEST_POSTGRES names an empty database): phone and internal numbers, contacts with
call.center methods and one to three devices each on shared SIP accounts, then a workspace
document of the same shape as bench/compile.py's synthetic account (40% contact methods, 20%
ring groups of 5 to 9 members, half of them passing no_answer on, 20% phone numbers, 20%
internal numbers; about two cables per object). Through the Flask test client, in process:

* import:            POST /workspace/import (replace) of the document
* publish:           POST /workspace/publish after the import (a full compile, a new revision)
* publish, 1 edit:   rename one object through the API, publish again
* unchanged publish: POST /workspace/publish with nothing changed since

The baseline, measured in the same run on the same rows: the pure engine (build + validate +
compile of the loaded draft and facts, no database), so the ratios say what the database and
the API add. Each figure is the best of ``--repeat`` runs (wall time), with the machine's load.

    PYTHONPATH=. .venv/bin/python bench/publish.py --objects 10000
    PYTHONPATH=. .venv/bin/python bench/publish.py --objects 10000 --postgres postgresql://...
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_runner import instance, run_per_database  # noqa: E402

PASSWORD = "bench-password-1"
TARGETS = {"import": 2.0, "publish": 1.0, "unchanged publish": 0.3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("WORKSPACE_TEST_POSTGRES"))
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the database URL of one run
    args = parser.parse_args()
    if args.child is not None:
        with instance(args.child, "bench-publish-", WORKSPACE_DEVICE_CONFIG_DEBOUNCE="0"):
            print(json.dumps(run(args.objects, args.repeat)))
        return
    child_args = ["--objects", str(args.objects), "--repeat", str(args.repeat)]
    run_per_database(__file__, child_args, args.postgres, report)


def report(name: str, r: dict[str, Any]) -> None:
    engine = r["engine"]
    print(f"\n{name}: {r['objects']} objects, {r['cables']} cables, {r['devices']} devices")
    print(f"  {'baseline: pure engine':<26} {engine * 1000:8.0f} ms")
    for label in ("import", "publish", "publish, 1 edit", "unchanged publish"):
        seconds = r[label]
        target = TARGETS.get(label)
        goal = f"   target < {target * 1000:.0f} ms" if target else ""
        print(f"  {label:<26} {seconds * 1000:8.0f} ms   x{seconds / engine:5.1f} engine{goal}")


def run(size: int, repeat: int) -> dict[str, Any]:
    from workspace import create_app
    from workspace.collector import tune_collector_for_serving
    from workspace.device_api.recompute import config_recompute
    from workspace.extensions import db
    from workspace.graph import build, compile_plan, validate
    from workspace.objects.draft import load_draft
    from workspace.objects.facts import load_facts
    from workspace.objects.models import WorkspaceObject
    from workspace.objects.types import REGISTRY
    from workspace.objects.validation_push import draft_validation

    app = create_app()
    tune_collector_for_serving()  # as `workspace serve` does in each worker
    with app.app_context():
        account, email, document, devices = seed(size)
    client = app.test_client()
    login = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.get_json()
    headers = {"X-CSRF-Token": login.get_json()["csrf_token"]}

    recompute, validation = config_recompute(app), draft_validation(app)

    def timed(method: str, url: str, body: dict, ok: tuple[int, ...]) -> float:
        # The device-config recompute and the draft validation a change queued run on threads;
        # let them finish first, so that they do not share the measured request's CPU.
        assert recompute.wait_idle() and validation.wait_idle()
        started = time.perf_counter()
        answer = client.open(url, method=method, json=body, headers=headers)
        elapsed = time.perf_counter() - started
        assert answer.status_code in ok, (url, answer.status_code, answer.get_data()[:500])
        return elapsed

    figures: dict[str, Any] = {"objects": len(document["objects"]), "devices": devices}
    figures["cables"] = len(document["cables"])
    imports, publishes, edits, unchanged = [], [], [], []
    for i in range(repeat):
        body = {"document": document, "mode": "replace"}
        imports.append(timed("POST", "/api/v1/workspace/import", body, (200,)))
        publishes.append(timed("POST", "/api/v1/workspace/publish", {"message": f"r{i}"}, (201,)))
        with app.app_context():
            obj = db.session.execute(
                db.select(WorkspaceObject.id).where(WorkspaceObject.account_id == account).limit(1)
            ).scalar_one()
        url = f"/api/v1/objects/{obj}"
        version = client.get(url).get_json()["version"]
        renamed = client.patch(
            url, json={"name": f"Renamed {i}"}, headers={**headers, "If-Match": f'"{version}"'}
        )
        assert renamed.status_code == 200, renamed.get_json()
        edits.append(timed("POST", "/api/v1/workspace/publish", {"message": f"e{i}"}, (201,)))
        unchanged.append(timed("POST", "/api/v1/workspace/publish", {"message": "same"}, (200,)))

    with app.app_context():
        snapshot, facts = load_draft(account), load_facts(account)
    engine = []
    for _ in range(repeat):
        started = time.perf_counter()
        G = build(snapshot["objects"], snapshot["cables"], facts)
        compile_plan(
            G, types=REGISTRY, facts=facts, problems=validate(G, types=REGISTRY, facts=facts)
        )
        engine.append(time.perf_counter() - started)
    figures.update(
        {
            "engine": min(engine),
            "import": min(imports),
            "publish": min(publishes),
            "publish, 1 edit": min(edits),
            "unchanged publish": min(unchanged),
        }
    )
    return figures


def seed(size: int, seed_value: int = 1) -> tuple[int, str, dict[str, Any], int]:
    """The account's contact-center rows, and a workspace document that uses them.

    Returns (account id, admin email, document, number of devices).
    """
    from workspace.auth.service import create_confirmed_admin
    from workspace.contact_center.contacts.models import (
        CallCenterSettings,
        Contact,
        ContactEmail,
        ContactMethod,
    )
    from workspace.contact_center.devices.models import Device, DeviceSipAccount
    from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
    from workspace.contact_center.providers.models import Provider, SipAccount
    from workspace.extensions import db

    rng = random.Random(seed_value)
    n_methods, n_groups, n_phones = size * 2 // 5, size // 5, size // 5
    n_internals = size - n_methods - n_groups - n_phones
    email = f"bench-publish-{size}@example.com"
    admin = create_confirmed_admin(
        email=email, password=PASSWORD, first_name="Bench", last_name="Admin"
    )
    aid = admin.account_id
    provider = Provider(account_id=aid, name="Bench SIP", server="sip.bench.example")
    db.session.add(provider)
    db.session.flush()
    sips = [
        SipAccount(account_id=aid, provider_id=provider.id, username=str(5000 + i))
        for i in range(max(1, n_methods // 4))
    ]
    phones = [PhoneNumber(account_id=aid, number=f"+1415{i:07d}") for i in range(n_phones)]
    internals = [InternalNumber(account_id=aid, number=str(10000 + i)) for i in range(n_internals)]
    db.session.add_all([*sips, *phones, *internals])
    db.session.flush()
    contacts = []
    for m in range(n_methods):
        settings = CallCenterSettings(
            internal_caller_id=internals[m % n_internals].id if m % 2 else None
        )
        method = ContactMethod(account_id=aid, kind="call_center", call_center=settings)
        contacts.append(
            Contact(
                account_id=aid,
                first_name="Agent",
                last_name=f"{m:05d}",
                methods=[method],
                emails=[ContactEmail(address=f"a{m}@bench.example")],
            )
        )
    db.session.add_all(contacts)
    db.session.flush()
    devices = 0
    for m, contact in enumerate(contacts):
        for d in range(1 + m % 3):
            device = Device(account_id=aid, contact_id=contact.id, name=f"Agent {m} #{d}")
            device.sip_links = [DeviceSipAccount(sip_account_id=sips[m % len(sips)].id, position=0)]
            db.session.add(device)
            devices += 1
    db.session.commit()

    objects: list[dict[str, Any]] = []
    cables: list[dict[str, Any]] = []

    def place(kind: str, properties: dict[str, Any]) -> str:
        key = f"o{len(objects) + 1}"
        objects.append(
            {"key": key, "tab": f"t{len(objects) % 8 + 1}", "type": kind, "name": f"{kind} {key}",
             "position": {"x": len(objects) % 100 * 300, "y": len(objects) // 100 * 150},
             "properties": properties}
        )  # fmt: skip
        return key

    def wire(source: str, port: str, target: str) -> None:
        cables.append(
            {"key": f"c{len(cables) + 1}", "source": source, "source_port": port,
             "target": target, "target_port": "calls"}
        )  # fmt: skip

    methods = [
        place(
            "contact_method",
            {
                "contact_method": {
                    "contact": f"Agent {m:05d}",
                    "email": f"a{m}@bench.example",
                    "kind": "call_center",
                }
            },
        )  # fmt: skip
        for m in range(n_methods)
    ]
    groups = []
    for _ in range(n_groups):
        members = rng.sample(methods, rng.randint(5, 9))
        timeline = [{"target": t, "start": 0, "duration": 30} for t in members]
        groups.append(place("ring_group", {"members": timeline, "preset": "ring_all"}))
        for member in members:
            wire(groups[-1], "members", member)
    for index, group in enumerate(groups):
        later = groups[index + 1 : index + 20]
        if later and rng.random() < 0.5:
            wire(group, "no_answer", rng.choice(later))
    for number in phones:
        wire(place("phone_number", {"number": number.number}), "calls", rng.choice(groups))
    for number in internals:
        wire(place("internal_number", {"number": number.number}), "calls", rng.choice(groups))
    tabs = [{"key": f"t{i}", "name": f"Tab {i}", "position": i} for i in range(1, 9)]
    document = {"format": "callflow-workspace", "version": 1, "tabs": tabs, "objects": objects,
                "cables": cables}  # fmt: skip
    return aid, email, document, devices


if __name__ == "__main__":
    main()
