"""Benchmark: what the audit log costs an edit.

PATCHes one tab's name through the Flask test client in a throwaway SQLite instance, first
with the audit listeners (workspace/audit/capture.py), then without them, then with them
again, and prints the mean time per edit of each and the ratio audit on / audit off.

    PYTHONPATH=. .venv/bin/python bench/audit_overhead.py --edits 200
"""

# ruff: noqa: E402  (the environment is set before workspace is imported)
from __future__ import annotations

import argparse
import base64
import os
import tempfile
import time

os.environ.setdefault("WORKSPACE_FAST_PASSWORD_HASH", "1")

from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.factories import DEFAULT_PASSWORD, make_admin
from tests.support import ApiClient
from workspace import create_app
from workspace.audit import capture
from workspace.extensions import db

HOOKS = [
    ("after_flush", capture._after_flush),
    ("after_commit", capture._after_commit),
    ("do_orm_execute", capture._bulk_update),
    ("after_rollback", capture._after_rollback),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=200)
    edits = parser.parse_args().edits
    folder = tempfile.mkdtemp()
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
            "SECRETS_KEY": key,
            "RATELIMIT_STORAGE_URI": "memory://",
            "INSTANCE_DIR": folder,
            "MAIL_SERVER": "",
        }
    )
    with app.app_context():
        db.create_all()
        make_admin(email="bench@example.com")
    api = ApiClient(app.test_client())
    api.login("bench@example.com", DEFAULT_PASSWORD)
    tab = api.post("/api/v1/tabs", json={"name": "Bench"}).get_json()

    def run(n: int) -> float:
        nonlocal tab
        start = time.perf_counter()
        for i in range(n):
            etag = {"If-Match": f'"{tab["version"]}"'}
            tab = api.patch(f"/api/v1/tabs/{tab['id']}", json={"name": f"B{i}"}, headers=etag)
            tab = tab.get_json()
        return (time.perf_counter() - start) / n

    run(20)  # warm up
    first = run(edits)
    for name, fn in HOOKS:
        event.remove(Session, name, fn)
    off = run(edits)
    for name, fn in HOOKS:
        event.listen(Session, name, fn)
    on = (first + run(edits)) / 2
    print(f"edit with audit {on * 1000:.2f} ms, without {off * 1000:.2f} ms: ratio {on / off:.2f}")


if __name__ == "__main__":
    main()
