"""Benchmark: the device API's config poll under gunicorn, against a baseline in the same run.

Every call.center device polls `GET /device/v1/config` with If-None-Match, so the 304 answer
is the request the server sees most. This starts the app with `workspace serve` (gunicorn,
gthread workers, which Flask-SocketIO's threading mode runs on) on a throwaway SQLite
instance, or on PostgreSQL when DATABASE_URL is set, seeds one account with N activated
devices (a quarter as many contacts, each with an extension, a SIP account with a
provisioned password and four devices, every contact placed on the published workspace),
and then, from a load generator in another process (asyncio, raw HTTP/1.1 keep-alive,
each request with its device's token, round robin over the devices), measures for --seconds each:

* baseline: GET /healthz (a tiny JSON answer after one `SELECT 1`: routing, a DB round
            trip and a response, the least any authenticated device request can cost)
* 304:      GET /device/v1/config with the device's current ETag in If-None-Match
* 304 paced: the same at a steady offered rate of 0.5 x the baseline's top rate (latency
            counted from each request's due time, so stalls count in full)
* full:     GET /device/v1/config without If-None-Match (the whole config, SIP password
            included), what every device asks for right after its config changed

Baseline, 304 and full run flat out over --connections keep-alive connections (closed loop:
requests/s is the server's top rate, latency includes queueing). It prints requests/s,
p50/p99 latency and the gunicorn workers' CPU milliseconds per request for each, the ratio
304-rate / baseline-rate (target >= 0.5) and the 304 p99 (target < 50 ms). Then it serves the
same instance with the development server (`workspace run`, Werkzeug) and runs the 304 poll
again, printing the ratio of the two rates (serve / development). Rates and
latencies move with whatever else the machine is doing; the ratios (from one run and one
server) and the CPU per request are the numbers to compare across runs.

    PYTHONPATH=. .venv/bin/python bench/device_api.py
    PYTHONPATH=. .venv/bin/python bench/device_api.py --devices 1000 --seconds 15
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench PYTHONPATH=. \\
        .venv/bin/python bench/device_api.py            # an empty database of your own
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402

from tests.servers import BIN, _wait_healthy, free_port, prepare_instance, server_env  # noqa: E402

HOST = "127.0.0.1"
RATIO_TARGET = 0.5
P99_TARGET_MS = 50.0
WARMUP_SECONDS = 2.0
DEVICES_PER_CONTACT = 4
BASELINE = "baseline /healthz"
POLL = "config 304"
PACED = f"config 304 at {RATIO_TARGET} x base"
FULL = "config 200 (full)"
DEV_POLL = "config 304, dev server"


# --- data -----------------------------------------------------------------------------------


def seed(devices: int) -> list[tuple[int, str, str]]:
    """One account with `devices` activated devices on a published plan: [(id, token, ETag)].

    Runs in this process against the instance the environment names (os.environ is set
    before the first workspace import, as the server's Config reads it at import time).
    """
    from workspace import create_app
    from workspace.auth.service import create_confirmed_admin
    from workspace.contact_center.contacts.models import (
        CallCenterSettings,
        Contact,
        ContactMethod,
    )
    from workspace.contact_center.devices.models import Device, DeviceSipAccount
    from workspace.contact_center.numbers.models import InternalNumber
    from workspace.contact_center.providers.models import Provider, SipAccount
    from workspace.database import utcnow
    from workspace.device_api.auth import issue_token
    from workspace.device_api.config import build_device_configs
    from workspace.extensions import db
    from workspace.objects import publishing_service
    from workspace.objects.models import Cable, Tab, WorkspaceObject
    from workspace.secrets_key import encrypt

    app = create_app()
    with app.app_context():
        admin = create_confirmed_admin(
            email=f"bench-{uuid.uuid4().hex[:8]}@example.com",
            password="bench-password-1",
            first_name="Bench",
            last_name="Admin",
        )
        aid = admin.account_id
        provider = Provider(account_id=aid, name="Bench SIP", server="sip.bench.example")
        tab = Tab(account_id=aid, name="Bench", position=0)
        db.session.add_all([provider, tab])
        db.session.flush()
        contacts = -(-devices // DEVICES_PER_CONTACT)
        rows: list[Device] = []
        for i in range(contacts):
            ext = InternalNumber(account_id=aid, number=str(1000 + i), label=f"Agent {i}")
            sip = SipAccount(
                account_id=aid,
                provider_id=provider.id,
                friendly_name=f"Agent {i}",
                username=str(5000 + i),
                display_name=f"Agent {i:04d}",
            )
            db.session.add_all([ext, sip])
            db.session.flush()
            sip.password_encrypted = encrypt(
                f"bench-secret-{i}",
                account_id=aid,
                table="sip_accounts",
                row_id=sip.id,
                field="password",
            )
            method = ContactMethod(
                account_id=aid,
                kind="call_center",
                call_center=CallCenterSettings(internal_caller_id=ext.id),
            )
            contact = Contact(
                account_id=aid, first_name="Agent", last_name=f"{i:04d}", methods=[method]
            )
            db.session.add(contact)
            db.session.flush()
            for d in range(min(DEVICES_PER_CONTACT, devices - len(rows))):
                device = Device(account_id=aid, contact_id=contact.id, name=f"Agent {i} #{d}")
                device.sip_links = [DeviceSipAccount(sip_account_id=sip.id, position=0)]
                rows.append(device)
            db.session.add_all(rows[-DEVICES_PER_CONTACT:])
            placed_ext = WorkspaceObject(
                account_id=aid,
                tab_id=tab.id,
                type="internal_number",
                name=f"Ext {1000 + i}",
                x=0,
                y=i * 120,
                properties={"number": ext.id},
            )
            placed_method = WorkspaceObject(
                account_id=aid,
                tab_id=tab.id,
                type="contact_method",
                name=f"Agent {i:04d}",
                x=300,
                y=i * 120,
                properties={"contact_method": method.id},
            )
            db.session.add_all([placed_ext, placed_method])
            db.session.flush()
            db.session.add(
                Cable(
                    account_id=aid,
                    source_id=placed_ext.id,
                    source_port="calls",
                    target_id=placed_method.id,
                    target_port="calls",
                )
            )
        db.session.commit()
        publishing_service.publish_workspace(aid, admin, "Bench: every agent on an extension")
        # As if each device had activated and fetched its config: the stored hashes are the
        # ones GET /config compares If-None-Match with.
        configs = build_device_configs(aid, rows)
        now = utcnow()
        seeded = []
        for device in rows:
            etag = configs[device.id]["etag"]
            seeded.append((device.id, issue_token(device), f'"{etag}"'))
            device.config_hash = device.fetched_config_hash = etag
            device.status, device.activated_at, device.last_seen_at = "online", now, now
            device.platform, device.app_version = "linux", "bench/1.0"
        db.session.commit()
        return seeded


# --- the server -----------------------------------------------------------------------------


def start_server(env: dict[str, str], port: int, workers: int, threads: int, log: Path):
    """`workspace serve`, as production and `make run` start it (no access log: it would be
    most of the work measured)."""
    command = [
        str(BIN / "workspace"), "serve",
        "--workers", str(workers),
        "--threads", str(threads),
        "--port", str(port),
        "--access-log", "",
        "--no-demo",
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def start_dev_server(env: dict[str, str], port: int, log: Path):
    """`workspace run`: Werkzeug's threaded development server, the comparison."""
    command = [str(BIN / "workspace"), "run", "--port", str(port), "--no-demo"]
    return subprocess.Popen(command, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def check_answers(base: str, seeded: list[tuple[int, str, str]]) -> None:
    """One device answers 200 with the seeded ETag, and 304 when it sends it back."""
    _, token, etag = seeded[0]
    auth = {"Authorization": f"Bearer {token}"}
    full = requests.get(f"{base}/device/v1/config", headers=auth, timeout=30)
    if full.status_code != 200 or full.headers.get("ETag") != etag:
        raise SystemExit(f"GET /device/v1/config: {full.status_code} {full.headers} {full.text}")
    again = requests.get(
        f"{base}/device/v1/config", headers={**auth, "If-None-Match": etag}, timeout=30
    )
    if again.status_code != 304:
        raise SystemExit(f"GET /device/v1/config with If-None-Match: {again.status_code}")


def server_errors(log: Path) -> str:
    """The exceptions gunicorn logged, counted (so a 5xx in the table can be looked into)."""
    found = Counter(
        line
        for line in log.read_text(errors="replace").splitlines()
        if re.match(r"^[\w.]+(Error|Exception|Timeout)\b", line)
    )
    return "\n".join(f"{count} x {line[:300]}" for line, count in found.most_common(5))


# --- the load generator (another process) ---------------------------------------------------


async def _connection(
    port: int, requests_: list[bytes], offset: int, stop_at: float, interval: float, out
):
    """One keep-alive connection sending requests round robin until stop_at.

    With interval 0 it sends the next request as soon as an answer is in (closed loop: the
    server's top rate). Otherwise each request has its due time, one interval after the
    last, and its latency counts from that due time even when the connection is still busy
    with an earlier one, so a slow answer also counts against the requests it held up.
    """
    reader, writer = await asyncio.open_connection(HOST, port)
    index = offset
    due = time.perf_counter() + interval * (offset % 97) / 97  # spread the connections
    try:
        while (now := time.perf_counter()) < stop_at:
            if interval:
                if due > now:
                    await asyncio.sleep(due - now)
                start, due = due, due + interval
            else:
                start = now
            writer.write(requests_[index % len(requests_)])
            index += 1
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length, close = 0, False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
            if length:
                await reader.readexactly(length)
            out.append((start, time.perf_counter() - start, status))
            if close:
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, port)
    finally:
        writer.close()


async def _load(port: int, requests_: list[bytes], connections: int, seconds: float, rate):
    results: list[tuple[float, float, int]] = []
    began = time.perf_counter()
    stop_at = began + WARMUP_SECONDS + seconds
    step = max(1, len(requests_) // connections)
    interval = connections / rate if rate else 0.0
    await asyncio.gather(
        *(
            _connection(port, requests_, c * step, stop_at, interval, results)
            for c in range(connections)
        )
    )
    counted = [(lat, status) for start, lat, status in results if start >= began + WARMUP_SECONDS]
    return counted, len(results)


def _load_process(port, requests_, connections, seconds, rate, queue) -> None:
    queue.put(asyncio.run(_load(port, requests_, connections, seconds, rate)))


def measure(
    server_pid: int,
    port: int,
    requests_: list[bytes],
    connections: int,
    seconds: float,
    rate: float = 0.0,
) -> dict:
    """Run the load generator in its own process; rate, latencies, status counts and the
    server's CPU time per request (all workers; warm-up included on both sides).

    rate 0: as fast as the server answers; otherwise that many requests/s offered.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(
        target=_load_process, args=(port, requests_, connections, seconds, rate, queue)
    )
    cpu_before = server_cpu_seconds(server_pid)
    process.start()
    counted, total = queue.get(timeout=seconds + 120)
    process.join()
    cpu = server_cpu_seconds(server_pid) - cpu_before
    latencies = sorted(lat * 1000 for lat, _ in counted)
    statuses: dict[int, int] = {}
    for _, status in counted:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "rate": len(counted) / seconds,
        "p50": _percentile(latencies, 50),
        "p99": _percentile(latencies, 99),
        "statuses": statuses,
        "cpu_ms": cpu * 1000 / max(total, 1),
    }


def server_cpu_seconds(master_pid: int) -> float:
    """User + system CPU seconds of the server: the process and its children (gunicorn's
    workers are the children of its master; the development server is one process).

    Unlike requests/s and latency, CPU per request hardly moves with what else the machine
    runs, so it says what a request costs even on a busy machine.
    """
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process is gone
            continue
        # ppid; utime and stime follow at 11 and 12
        if int(fields[1]) == master_pid or entry.name == str(master_pid):
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * pct / 100))]


def _request(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


# --- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="more than 1 needs REDIS_URL")
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-device-api-") as tmp:
        instance = Path(tmp)
        extra = {"WORKSPACE_RATELIMIT": "0"}  # the bench measures work, not the limiter's 429
        for name in ("DATABASE_URL", "REDIS_URL"):
            if os.environ.get(name):
                extra[name] = os.environ[name]
        env = server_env(instance, **extra)
        prepare_instance(instance, env)
        os.environ.clear()
        os.environ.update(env)

        started = time.perf_counter()
        seeded = seed(args.devices)
        database = "PostgreSQL" if "DATABASE_URL" in env else "SQLite"
        print(
            f"Seeded {len(seeded)} activated devices on {database} "
            f"in {time.perf_counter() - started:.1f} s"
        )

        port = free_port()
        log = instance / "gunicorn.log"
        server = start_server(env, port, args.workers, args.threads, log)
        base = f"http://{HOST}:{port}"
        try:
            _wait_healthy(base, server, log)
            check_answers(base, seeded)
            auth = [{"Authorization": f"Bearer {token}"} for _, token, _ in seeded]
            polls = [
                _request("/device/v1/config", {**a, "If-None-Match": etag})
                for a, (_, _, etag) in zip(auth, seeded, strict=True)
            ]
            fulls = [_request("/device/v1/config", a) for a in auth]
            print(
                f"workspace serve (gunicorn gthread): {args.workers} workers x "
                f"{args.threads} threads; "
                f"{args.connections} keep-alive connections; {args.seconds:g} s each "
                f"after {WARMUP_SECONDS:g} s warm-up\n"
            )
            print(
                f"{'scenario':26s} {'req/s':>7s} {'p50 ms':>8s} {'p99 ms':>8s} "
                f"{'cpu ms':>8s}  statuses"
            )
            results = {}

            def run(name: str, reqs: list[bytes], rate: float = 0.0) -> dict:
                result = results[name] = measure(
                    server.pid, port, reqs, args.connections, args.seconds, rate
                )
                print(
                    f"{name:26s} {result['rate']:7.0f} {result['p50']:8.1f} "
                    f"{result['p99']:8.1f} {result['cpu_ms']:8.2f}  {result['statuses']}",
                    flush=True,
                )
                return result

            baseline = run(BASELINE, [_request("/healthz", {})])
            run(POLL, polls)
            run(PACED, polls, rate=RATIO_TARGET * baseline["rate"])
            run(FULL, fulls)
        finally:
            stop(server)
            errors = server_errors(log)
            if errors:
                print(f"\nThe server logged errors:\n{errors}")

        dev_log = instance / "dev-server.log"
        server = start_dev_server(env, port, dev_log)
        try:
            _wait_healthy(base, server, dev_log)
            run(DEV_POLL, polls)
        finally:
            stop(server)

    report(results)


def report(results: dict[str, dict]) -> None:
    ratio = results[POLL]["rate"] / results[BASELINE]["rate"]
    p99 = results[POLL]["p99"]
    print(
        f"\n304 rate / baseline rate = {ratio:.2f}  "
        f"(target >= {RATIO_TARGET}: {'met' if ratio >= RATIO_TARGET else 'MISSED'})"
    )
    print(
        f"304 p99 = {p99:.1f} ms flat out  "
        f"(target < {P99_TARGET_MS:g} ms: {'met' if p99 < P99_TARGET_MS else 'MISSED'}); "
        f"at a steady {RATIO_TARGET} x the baseline rate: {results[PACED]['p99']:.1f} ms"
    )
    cpu_ratio = results[BASELINE]["cpu_ms"] / results[POLL]["cpu_ms"]
    print(f"server CPU per request, baseline / 304 = {cpu_ratio:.2f} (the same ratio, load-free)")
    print(f"full config rate / 304 rate = {results[FULL]['rate'] / results[POLL]['rate']:.3f}")
    dev_ratio = results[POLL]["rate"] / results[DEV_POLL]["rate"]
    print(f"config 304 rate, workspace serve / development server = {dev_ratio:.2f}")
    expected = {BASELINE: 200, POLL: 304, PACED: 304, FULL: 200, DEV_POLL: 304}
    for name, status in expected.items():
        if set(results[name]["statuses"]) != {status}:
            print(f"warning: {name}: expected only {status}s, got {results[name]['statuses']}")


if __name__ == "__main__":
    main()
