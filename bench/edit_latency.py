"""Benchmark: how long an admin waits for an edit that moves devices' configs.

Seeds one account with N activated devices (bench/device_api.py's seed: a quarter as many
contacts, each with an extension, a SIP account and four devices, all on a published plan)
in a throwaway SQLite instance (PostgreSQL when DATABASE_URL is set), then PATCHes SIP
accounts (each one's display name, which is in four devices' configs) through the Flask
test client, in process:

* now:    the PATCH as served today: the service commits, announces ``devices_may_change``
          and answers; the recompute runs afterwards on the worker thread (measured apart
          as "recompute", from the answer until the worker is idle)
* before: the same PATCH plus ``refresh_config_hashes`` for the account inline, which is
          what the request did before the recompute moved off it

and prints the median and p90 of each, the ratio before / now, and how many devices heard
``config.changed`` per edit (the hashes that moved).

    PYTHONPATH=. .venv/bin/python bench/edit_latency.py --devices 1000 --edits 30
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.device_api import seed  # noqa: E402
from tests.servers import prepare_instance, server_env  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-edit-latency-") as tmp:
        instance = Path(tmp)
        extra = {"WORKSPACE_RATELIMIT": "0", "WORKSPACE_DEVICE_CONFIG_DEBOUNCE": "0"}
        if os.environ.get("DATABASE_URL"):
            extra["DATABASE_URL"] = os.environ["DATABASE_URL"]
        env = server_env(instance, **extra)
        prepare_instance(instance, env)
        os.environ.clear()
        os.environ.update(env)
        seeded = seed(args.devices)
        print(f"Seeded {len(seeded)} activated devices")
        run(args.edits)


def run(edits: int) -> None:
    from workspace import create_app
    from workspace.auth.models import Admin
    from workspace.contact_center.providers.models import SipAccount
    from workspace.device_api.recompute import _on_devices_may_change, config_recompute
    from workspace.device_api.refresh import refresh_config_hashes
    from workspace.extensions import db
    from workspace.signals import devices_may_change

    app = create_app()
    recompute = config_recompute(app)
    with app.app_context():
        admin = db.session.execute(db.select(Admin)).scalars().first()
        account = admin.account_id
        sips = [row.id for row in db.session.execute(db.select(SipAccount)).scalars()]
    client = app.test_client()
    login = client.post(
        "/api/v1/auth/login", json={"email": admin.email, "password": "bench-password-1"}
    )
    assert login.status_code == 200, login.get_json()
    csrf = login.get_json()["csrf_token"]

    def patch(i: int) -> float:
        url = f"/api/v1/sip-accounts/{sips[i % len(sips)]}"
        version = client.get(url).get_json()["version"]
        started = time.perf_counter()
        answer = client.patch(
            url,
            json={"display_name": f"Agent {i} v{time.monotonic_ns()}"},
            headers={"If-Match": f'"{version}"', "X-CSRF-Token": csrf},
        )
        elapsed = time.perf_counter() - started
        assert answer.status_code == 200, answer.get_json()
        return elapsed

    now, recomputes, before, moved = [], [], [], []
    for i in range(edits):  # alternate, so both see the same machine load
        now.append(patch(2 * i))
        started = time.perf_counter()
        assert recompute.wait_idle()
        recomputes.append(time.perf_counter() - started)

        devices_may_change.disconnect(_on_devices_may_change)  # nothing queued: inline only
        try:
            elapsed = patch(2 * i + 1)
        finally:
            devices_may_change.connect(_on_devices_may_change)
        with app.app_context():
            # What the request did before: recompute inline, right after its commit.
            started = time.perf_counter()
            moved.append(len(refresh_config_hashes(account)))
            before.append(elapsed + time.perf_counter() - started)

    def line(name: str, values: list[float]) -> str:
        median, p90 = statistics.median(values) * 1000, percentile(values, 0.9) * 1000
        return f"{name:<28} median {median:7.1f} ms   p90 {p90:7.1f} ms"

    print(line("PATCH, recompute inline", before))
    print(line("PATCH, recompute after", now))
    print(line("recompute (off the request)", recomputes))
    print(f"devices whose config moved per edit: {statistics.median(moved):.0f}")
    print(f"ratio before / now (median): {statistics.median(before) / statistics.median(now):.1f}")


if __name__ == "__main__":
    main()
