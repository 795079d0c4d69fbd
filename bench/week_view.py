"""Benchmark: the simulator's week view (168 calls) against one simulated call, same plan.

It plays the demo account's support line (Blacklist -> Time Router -> ring group or Forward)
through ``graph.simulate`` once (the baseline) and for every hour of a week as the week view
does, and prints the time of each and the ratio; then the same for the endpoints in-process
(``POST /api/v1/simulate`` vs ``POST /api/v1/simulate/week``), which add loading the plan and
the facts once per request.

    PYTHONPATH=. .venv/bin/python bench/week_view.py --runs 20
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from workspace import create_app
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account
from workspace.extensions import db
from workspace.graph import simulate
from workspace.objects.revisions_service import revision_plan
from workspace.objects.types import REGISTRY
from workspace.objects.week_service import week_hours
from workspace.secrets_key import init_key_file


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp())
    init_key_file(folder / "secrets.key")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
            "REDIS_URL": "",
            "RATELIMIT_STORAGE_URI": "memory://",
            "MAIL_SERVER": "",
            "INSTANCE_DIR": str(folder),
            "SECRETS_KEY": "",
            "SECRETS_KEY_FILE": str(folder / "secrets.key"),
            "DEVICE_CONFIG_DEBOUNCE": 0.0,
        }
    )
    with app.app_context():
        db.create_all()
        admin = create_demo_account()
        plan = revision_plan(admin.account_id, 2)
    hours = [h.isoformat() for h in week_hours(date(2026, 12, 7), "America/Los_Angeles")]
    number = "+14155550199"

    def one() -> None:
        simulate(plan, types=REGISTRY, number=number, at=hours[10])

    def week() -> None:
        for at in hours:
            simulate(plan, types=REGISTRY, number=number, at=at)

    base, full = _median_ms(one, runs), _median_ms(week, runs)
    print(f"graph.simulate: one call {base:.3f} ms, a week (168) {full:.2f} ms, x{full / base:.0f}")

    client = app.test_client()
    client.post("/api/v1/auth/login", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
    csrf = client.get("/api/v1/auth/me").get_json()["csrf_token"]
    headers = {"X-CSRF-Token": csrf}
    body = {"number": number, "at": "2026-12-07T10:00:00-08:00"}
    week_body = {"number": number, "week": "2026-12-07", "time_zone": "America/Los_Angeles"}

    def post_one() -> None:
        assert client.post("/api/v1/simulate", json=body, headers=headers).status_code == 200

    def post_week() -> None:
        response = client.post("/api/v1/simulate/week", json=week_body, headers=headers)
        assert response.status_code == 200

    base, full = _median_ms(post_one, runs), _median_ms(post_week, runs)
    print(f"endpoints: /simulate {base:.1f} ms, /simulate/week {full:.1f} ms, x{full / base:.1f}")


if __name__ == "__main__":
    main()
