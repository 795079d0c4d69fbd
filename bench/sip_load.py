"""Benchmark: call setup through the product's Kamailio under load, against a stateless
forward measured in the same run.

A SIPp trunk calls a DID at --rate calls/s for --seconds. The DID's plan is a ring group of
two entries (line 101 from 0 s, line 102 from 2 s), so every call runs the spiral (a parent
and two child transactions; the second child is suspended and CANCELed when the first
answers). Lines 101 and 102 are registered (digest, HA1 from the plan file) by a SIPp UAS
that answers at once. Then the same SIPp caller at the same rate goes through a plain
Kamailio `forward()` (stateless, no routing) to the same UAS: the baseline.

It prints, for both: calls answered (%), setup time p50/p99 (SIPp's INVITE -> 200, in ms),
and for the product's Kamailio its shared memory (used, max used), plus the ratio of the
setup mean and p99 (product / stateless). Targets (issue #13): >= 99.9 % answered, p99 < 50 ms.
The machine's other load moves the absolute numbers; the ratio is the one to compare.

    PYTHONPATH=. .venv/bin/python bench/sip_load.py                       # 200/s for 60 s
    PYTHONPATH=. .venv/bin/python bench/sip_load.py --rate 100 --seconds 10
    PYTHONPATH=. .venv/bin/python bench/sip_load.py --app [--postgres URL]

--app (bench/sip_load_app.py) also runs the web app (`workspace serve`) and the forwarder of
`workspace sip run`, so the product run's call events reach the app's call log; after the load
it prints how long the log took to catch up, the ingestion rate, and the call log itself.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import random
import re
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.sip_load_app import app_log
from bench.sip_load_app import report as report_app
from tests.sip.agents import SIPP_DIR, Kamailio, PortBlock
from tests.sip.plans import PASSWORDS, entry, group, program, write_plan

DID = "+14155550100"
STATELESS_CFG = """#!KAMAILIO
children=4
auto_aliases=no
listen=udp:127.0.0.1:{port}
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "sl.so"
request_route {{
    forward("127.0.0.1", {uas_port});
}}
"""


def register(server_port: int, user: str, contact_port: int, realm: str = "127.0.0.1") -> None:
    """REGISTER ``user`` with the contact 127.0.0.1:contact_port (digest auth)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        s.settimeout(2)
        port = s.getsockname()[1]
        call_id = f"reg-{random.getrandbits(48)}"

        def send(cseq: int, auth: str = "") -> str:
            message = (
                f"REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                f"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{random.getrandbits(48)}\r\n"
                f"From: <sip:{user}@127.0.0.1>;tag={random.getrandbits(32)}\r\n"
                f"To: <sip:{user}@127.0.0.1>\r\nCall-ID: {call_id}\r\nCSeq: {cseq} REGISTER\r\n"
                f"Contact: <sip:{user}@127.0.0.1:{contact_port}>;expires=3600\r\n{auth}"
                "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
            )
            s.sendto(message.encode(), ("127.0.0.1", server_port))
            return s.recv(65536).decode(errors="replace")

        challenge = send(1)
        nonce = re.search(r'nonce="([^"]+)"', challenge)[1]
        md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # noqa: E731, S324
        ha1 = md5(f"{user}:{realm}:{PASSWORDS[user]}")
        response = md5(f"{ha1}:{nonce}:{md5('REGISTER:sip:127.0.0.1')}")
        auth = (
            f'Authorization: Digest username="{user}", realm="{realm}", nonce="{nonce}", '
            f'uri="sip:127.0.0.1", response="{response}"\r\n'
        )
        answer = send(2, auth)
        if not answer.startswith("SIP/2.0 200"):
            raise SystemExit(f"REGISTER {user} failed: {answer.splitlines()[0]}")


def run_caller(folder: Path, target_port: int, caller_port: int, rate: int, seconds: int) -> dict:
    calls = rate * seconds
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        "sipp",
        "-sf",
        str(SIPP_DIR / "caller.xml"),
        "-s",
        DID,
        f"127.0.0.1:{target_port}",
        "-i",
        "127.0.0.1",
        "-p",
        str(caller_port),
        "-r",
        str(rate),
        "-m",
        str(calls),
        "-l",
        str(rate * 5 + 100),
        "-d",
        "1000",
        "-nostdin",
        "-bind_local",
        "-timeout",
        f"{seconds * 3 + 30}s",
        "-trace_rtt",
        "-rtt_freq",
        "1",
        "-max_socket",
        "60000",
    ]
    caller = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        caller.wait(seconds * 3 + 60)
    except subprocess.TimeoutExpired:  # saturated: count what was answered so far
        caller.kill()
        caller.wait()
    times = []
    for path in folder.glob("*_rtt.csv"):
        for row in csv.reader(path.open(), delimiter=";"):  # Date_ms;response_time_ms;rtd_no
            with contextlib.suppress(ValueError, IndexError):
                times.append(float(row[1]))
    times.sort()
    pick = lambda q: times[int(q * (len(times) - 1))] if times else float("nan")  # noqa: E731
    mean = sum(times) / len(times) if times else float("nan")
    return {
        "calls": calls,
        "answered": len(times),
        "p50": pick(0.5),
        "p99": pick(0.99),
        "mean": mean,
    }


def shm(kamailio: Kamailio) -> str:
    done = subprocess.run(
        ["kamcmd", "-s", f"unix:{kamailio.folder / 'run' / 'kamailio_ctl'}", "core.shmmem"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    used = re.search(r"real_used:\s*(\d+)", done.stdout)
    peak = re.search(r"max_used:\s*(\d+)", done.stdout)
    return (
        f"shm used {int(used[1]) / 2**20:.0f} MB, max used {int(peak[1]) / 2**20:.0f} MB"
        if used and peak
        else done.stdout.strip()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--app", action="store_true", help="feed the events to a real app")
    parser.add_argument("--postgres", help="with --app: the app's database (emptied), not SQLite")
    parser.add_argument("--app-workers", type=int, default=1, help="with --app: gunicorn workers")
    args = parser.parse_args()
    ports = PortBlock()
    work = Path(tempfile.mkdtemp(prefix="sip-load-"))
    kamailio = Kamailio(work / "sip", ports, children=4, ring_cap=30)
    kamailio.settings["shm_mb"] = 512
    kamailio.start()
    uas_port = ports.take()
    uas = subprocess.Popen(
        [
            "sipp",
            "-sf",
            str(SIPP_DIR / "trunk_uas.xml"),
            "-i",
            "127.0.0.1",
            "-p",
            str(uas_port),
            "-nostdin",
            "-bind_local",
            "-max_socket",
            "60000",
        ],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stateless = None
    app = caught = None
    try:
        write_plan(kamailio, program(DID, group(30, [entry(40, 5, 0, 10), entry(41, 6, 2, 10)])))
        time.sleep(0.5)
        for user in ("101", "102"):
            register(kamailio.port, user, uas_port)
        with contextlib.ExitStack() as stack:
            if args.app:
                app = stack.enter_context(
                    app_log(kamailio.events_dir, args.postgres, args.app_workers)
                )
            product = run_caller(
                work / "product", kamailio.port, kamailio.trunk_port, args.rate, args.seconds
            )
            if app is not None:
                caught = app.catch_up(time.time()), app.call_log()
        memory = shm(kamailio)
        forward_port = ports.take()
        cfg = work / "stateless.cfg"
        cfg.write_text(STATELESS_CFG.format(port=forward_port, uas_port=uas_port))
        stateless = subprocess.Popen(
            ["kamailio", "-DD", "-E", "-f", str(cfg), "-m", "128", "-P", str(work / "s.pid")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(1.0)
        base = run_caller(work / "stateless", forward_port, ports.take(), args.rate, args.seconds)
    finally:
        uas.terminate()
        kamailio.stop()
        if stateless is not None:
            stateless.terminate()
            stateless.wait()
    print(f"sip_load: {args.rate} calls/s for {args.seconds} s, ring group of 2 entries (spiral)")
    for name, row in (("product (KEMI spiral)", product), ("stateless forward", base)):
        share = 100.0 * row["answered"] / row["calls"]
        print(
            f"  {name:22s} answered {row['answered']}/{row['calls']} ({share:.2f} %), "
            f"setup mean {row['mean']:.2f} ms, p50 {row['p50']:.0f} ms, p99 {row['p99']:.0f} ms"
        )
    print(f"  product Kamailio {memory}")
    # SIPp measures in 4 ms ticks, so the mean is the finer comparison.
    print(
        f"  ratio product/stateless: mean {product['mean'] / max(base['mean'], 0.001):.1f}x, "
        f"p99 {product['p99'] / max(base['p99'], 0.001):.1f}x"
    )
    if caught is not None:
        report_app(*caught, "PostgreSQL" if args.postgres else "SQLite")


if __name__ == "__main__":
    main()
