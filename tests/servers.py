"""Real server processes for the e2e and cross-process tests.

Each runs `workspace serve` (gunicorn) on its own port against a database the test chooses,
with migrations applied first, exactly as `make run` does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(instance: Path, **overrides: str) -> dict[str, str]:
    skip = {"REDIS_URL", "DATABASE_URL", "WORKSPACE_FAST_PASSWORD_HASH"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        {
            "WORKSPACE_INSTANCE": str(instance),
            "WORKSPACE_SECRETS_KEY_FILE": str(instance / "secrets.key"),
            "MAIL_SERVER": "",
        }
    )
    env.update(overrides)
    return env


def prepare_instance(instance: Path, env: dict[str, str]) -> None:
    """Key file and migrations, as `make run` does before serving."""
    instance.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [BIN / "python", "-m", "workspace.secrets_key", "--init"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([BIN / "workspace", "db", "upgrade"], env=env, check=True, capture_output=True)


@contextmanager
def running_server(
    instance: Path,
    env: dict[str, str],
    *,
    port: int | None = None,
    demo: bool = False,
    workers: int = 1,
):
    """Start `workspace serve`, wait for /healthz, yield its base URL, stop it (SIGTERM)."""
    port = port or free_port()
    log_path = instance / f"server-{port}.log"
    command = [
        BIN / "workspace", "serve", "--port", str(port),
        "--workers", str(workers), "--threads", "32", "--graceful-timeout", "5",
        "--demo" if demo else "--no-demo",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command,
            env={
                **env,
                "WORKSPACE_PUBLIC_URL": env.get("WORKSPACE_PUBLIC_URL", f"http://127.0.0.1:{port}"),
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base, proc, log_path)
            yield base
        except BaseException:
            # pytest shows a failing test's stdout: the server's side of what went wrong.
            print(f"--- {log_path.name} (last 4000 characters) ---\n{log_path.read_text()[-4000:]}")
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(base: str, proc: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log_path.read_text()[-3000:]}")
        try:
            if requests.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server did not become healthy:\n{log_path.read_text()[-3000:]}")


def redis_env(instance: Path, redis_url: str, **overrides: str) -> dict[str, str]:
    """server_env for processes sharing Redis, on a channel and key prefix of their own,
    so this run's events and counters stay apart from any other run on the same Redis."""
    return server_env(
        instance,
        REDIS_URL=redis_url,
        WORKSPACE_SOCKETIO_CHANNEL=f"test-{uuid.uuid4().hex}",
        RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        **overrides,
    )


def create_admin(env: dict[str, str], email: str, password: str, *extra: str) -> None:
    """`workspace create-admin` against the instance `env` names."""
    subprocess.run(
        [BIN / "workspace", "create-admin", "--email", email, "--password", password, *extra],
        env=env,
        check=True,
        capture_output=True,
    )
