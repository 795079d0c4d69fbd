"""What the API benchmarks share: one child process per database, each in a throwaway instance.

The app's Config reads the environment at import time, so every database gets a process of
its own: the parent runs the script again with ``--child URL`` (empty: SQLite), reads the
child's last stdout line as JSON and hands it to the script's ``report``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import prepare_instance, server_env  # noqa: E402

__all__ = ["empty_database", "instance", "run_per_database"]


def run_per_database(
    script: str,
    child_args: list[str],
    postgres: str | None,
    report: Callable[[str, dict[str, Any]], None],
) -> None:
    """Run ``script --child URL`` on SQLite (and PostgreSQL), then report each, with the load."""
    databases = [("SQLite", "")] + ([("PostgreSQL", postgres)] if postgres else [])
    print(f"load {Path('/proc/loadavg').read_text().strip()}")
    for name, url in databases:
        done = subprocess.run(
            [sys.executable, script, *child_args, "--child", url],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if done.returncode != 0:
            print(f"{name}: failed\n{done.stderr[-3000:]}")
            continue
        report(name, json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"load {Path('/proc/loadavg').read_text().strip()}")


@contextmanager
def instance(database_url: str, prefix: str, **extra: str) -> Iterator[None]:
    """A throwaway instance folder (and an emptied PostgreSQL database) as this process's
    environment, for the length of the block."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = Path(tmp)
        settings = {"WORKSPACE_RATELIMIT": "0", **extra}
        if database_url:
            settings["DATABASE_URL"] = database_url
            empty_database(database_url)
        env = server_env(folder, **settings)
        prepare_instance(folder, env)
        os.environ.clear()
        os.environ.update(env)
        yield


def empty_database(url: str) -> None:
    """Drop what an earlier run left in the database (the bench owns it)."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
