"""`workspace sip run`: Kamailio (and rtpengine) as managed child processes, call events forwarded.

Kamailio runs in the foreground (``-DD -E``) in a process group of its own, so stopping the
supervisor stops every Kamailio worker and nothing else; rtpengine, when installed, runs the
same way (userspace, started first so Kamailio's rtpengine.so finds it, stopped after it).
The forwarder tails the spool (``<SIP_DIR>/events/*.jsonl``, decisions.md #4) and POSTs
batches to the app's ``/sip/v1/events`` with the bearer token; while the app is down it keeps
retrying, and it remembers per file how far it got (``events/offsets.json``) so a restart
sends nothing twice (the event ids make a resend harmless anyway).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workspace.calls.ingest_auth import token_from_config
from workspace.sip.render import render, rtp_port_range

log = logging.getLogger(__name__)

__all__ = [
    "EventForwarder",
    "Kamailio",
    "RtpEngine",
    "events_token",
    "kamailio_available",
    "rtpengine_wanted",
]

# Events per POST: the most the app takes (workspace.calls.schemas.MAX_BATCH). A batch costs
# the app a fixed number of queries, and the larger it is the more calls have all their events
# in it, so a backlog (after a burst, or the app's restart) drains about twice as fast as in
# batches of 200 (bench/call_ingest.py --batch).
BATCH = 1000
OFFSETS = "offsets.json"
# Events the app refused (400), each with its reason, kept for a look; not *.jsonl (the spool).
REJECTED = "refused.log"


def kamailio_available() -> bool:
    return shutil.which("kamailio") is not None


RTPENGINE = "/usr/bin/rtpengine"  # Debian's rtpengine-daemon


def rtpengine_binary() -> str | None:
    return shutil.which("rtpengine") or (RTPENGINE if os.access(RTPENGINE, os.X_OK) else None)


def rtpengine_wanted(setting: str) -> bool:
    """WORKSPACE_SIP_RTPENGINE: "off" never starts it; anything else when it is installed."""
    return str(setting).strip().lower() not in ("off", "0", "no", "false") and bool(
        rtpengine_binary()
    )


def events_token(config: Mapping[str, Any]) -> str:
    """The call-events bearer token (decisions.md #4): one derivation, the call log's."""
    return token_from_config(config)


def stop_group(proc: subprocess.Popen | None, timeout: float = 10.0) -> None:
    """SIGTERM the child's process group (it was started in a session of its own, so its
    workers go with it and nothing else does); SIGKILL what is left after ``timeout``."""
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Kamailio:
    """One Kamailio rendered from ``settings`` and run as a child process."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = dict(settings)
        self.root = Path(settings["dir"]).resolve()
        self.proc: subprocess.Popen | None = None

    @property
    def pid_file(self) -> Path:
        return self.root / "run" / "kamailio.pid"

    def start(self) -> subprocess.Popen:
        cfg = render(self.settings)
        # An absolute -P: Kamailio chdirs to / first (a relative pid file would be shared).
        command = [
            "kamailio",
            "-DD",
            "-E",
            "-f",
            str(cfg),
            "-m",
            str(self.settings.get("shm_mb", 256)),
            "-P",
            str(self.pid_file),
        ]
        with open(self.root / "kamailio.log", "ab") as logfile:  # the child keeps its own copy
            self.proc = subprocess.Popen(
                command, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self.proc

    def stop(self, timeout: float = 10.0) -> None:
        stop_group(self.proc, timeout)


class RtpEngine:
    """rtpengine in userspace (no kernel module: ``--table=-1``) as a child process in a
    process group of its own: media for calls between browsers and plain-RTP devices. Its ng
    control port listens on loopback only (Kamailio's rtpengine.so talks to it)."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = dict(settings)
        self.root = Path(settings["dir"]).resolve()
        self.ng_port = int(settings.get("rtpengine_ng_port", 2223))
        self.ports = rtp_port_range(settings.get("rtp_ports", "30000-30999"))
        self.proc: subprocess.Popen | None = None

    @property
    def pid_file(self) -> Path:
        return self.root / "run" / "rtpengine.pid"

    @property
    def log_path(self) -> Path:
        return self.root / "rtpengine.log"

    def command(self) -> list[str]:
        return [
            rtpengine_binary() or RTPENGINE,
            "--config-file=none",  # not Debian's /etc/rtpengine/rtpengine.conf
            "--foreground",
            "--log-stderr",
            "--table=-1",
            f"--interface={self.settings['host']}",
            f"--listen-ng=127.0.0.1:{self.ng_port}",
            f"--port-min={self.ports[0]}",
            f"--port-max={self.ports[1]}",
            "--num-threads=2",
            f"--pidfile={self.pid_file}",
        ]

    def start(self, timeout: float = 15.0) -> subprocess.Popen:
        """Start it and wait until its ng port answers a ping (Kamailio's rtpengine.so
        disables an engine that does not answer at its start)."""
        (self.root / "run").mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as logfile:  # the child keeps its own copy
            self.proc = subprocess.Popen(
                self.command(), stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while not ng_ping(self.ng_port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                tail = self.log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"rtpengine did not start (see {self.log_path}):\n{tail}")
            time.sleep(0.1)
        return self.proc

    def stop(self, timeout: float = 10.0) -> None:
        stop_group(self.proc, timeout)


def ng_ping(port: int, host: str = "127.0.0.1") -> bool:
    """rtpengine's ng protocol: ``<cookie> d7:command4:pinge`` answers ``… d6:result4:ponge``."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.3)
        try:
            s.sendto(b"cf1 d7:command4:pinge", (host, port))
            return b"pong" in s.recv(4096)
        except OSError:
            return False


def stop_running(root: Path) -> bool:
    """Stop the Kamailio (and rtpengine) whose pid files are in ``root`` (``workspace sip
    stop``); True when Kamailio was running."""
    stopped = [
        _stop_pid_file(Path(root) / "run" / f"{name}.pid") for name in ("kamailio", "rtpengine")
    ]
    return stopped[0]


def _stop_pid_file(pid_file: Path) -> bool:
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return False
    try:
        os.killpg(os.getpgid(pid), signal.SIGTERM)
    except ProcessLookupError:
        return False
    return True


def _refused_indices(body: bytes, count: int) -> dict[int, object]:
    """Index -> reason of the events a 400 names; every event when it names none."""
    try:
        named = json.loads(body)["errors"]["json"]["events"]
        bad = {int(index): reason for index, reason in named.items() if int(index) < count}
    except (ValueError, KeyError, TypeError, AttributeError):
        bad = {}
    return bad or {index: "batch refused" for index in range(count)}


class EventForwarder:
    """Tails the spool and POSTs new events to the app; retries while it is down."""

    def __init__(self, events_dir: Path, url: str, token: str, poll: float = 0.5) -> None:
        self.dir, self.url, self.token, self.poll = Path(events_dir), url, token, poll
        self.offsets: dict[str, int] = self._load_offsets()
        self.sent = 0
        self._stop = threading.Event()

    def _load_offsets(self) -> dict[str, int]:
        try:
            return json.loads((self.dir / OFFSETS).read_text())
        except (FileNotFoundError, ValueError):
            return {}

    def _save_offsets(self) -> None:
        tmp = self.dir / (OFFSETS + ".tmp")
        tmp.write_text(json.dumps(self.offsets))
        os.replace(tmp, self.dir / OFFSETS)

    def pending(self) -> list[tuple[str, int, dict]]:
        """(file, offset after the line, event) for complete lines not sent yet."""
        rows = []
        for path in sorted(self.dir.glob("*.jsonl")):
            start = self.offsets.get(path.name, 0)
            with open(path, "rb") as f:
                f.seek(start)
                data = f.read()
            position = start
            for line in data.split(b"\n")[:-1]:  # the last piece is a line still being written
                position += len(line) + 1
                try:
                    rows.append((path.name, position, json.loads(line)))
                except ValueError:
                    log.warning("sip events: bad line in %s skipped", path.name)
        return sorted(rows, key=lambda r: r[2].get("at", 0))

    def send_once(self) -> int:
        """Send what is pending, in batches; returns how many were accepted."""
        rows = self.pending()
        done = 0
        for i in range(0, len(rows), BATCH):
            batch = rows[i : i + BATCH]
            done += self._deliver([r[2] for r in batch])
            for name, position, _ in batch:
                self.offsets[name] = max(self.offsets.get(name, 0), position)
            self._save_offsets()
        self.sent += done
        self._prune()
        return done

    def _deliver(self, events: list[dict]) -> int:
        """POST the events; a 400 names the bad ones (docs/call-events.md): those go to
        ``refused.log`` with the reason and the rest is posted again, since resending a
        refused batch can never succeed and would hold back every later event."""
        try:
            self._post(events)
            return len(events)
        except urllib.error.HTTPError as error:
            if error.code != 400:
                raise
            bad = _refused_indices(error.read(), len(events))
        keep = [event for index, event in enumerate(events) if index not in bad]
        with open(self.dir / REJECTED, "a", encoding="utf-8") as out:
            for index in sorted(bad):
                out.write(json.dumps({"reason": bad[index], "event": events[index]}) + "\n")
        log.warning("sip events: %d refused by the app (see %s): %s", len(bad), REJECTED, bad)
        return self._deliver(keep) if keep and len(keep) < len(events) else 0

    def _post(self, events: list[dict]) -> None:
        request = urllib.request.Request(
            self.url,
            data=json.dumps({"events": events}).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()

    def _prune(self) -> None:
        """Remove spool files whose writer (a Kamailio worker, by pid) is gone and which were
        sent in full, so the spool does not grow across restarts."""
        for path in self.dir.glob("*.jsonl"):
            pid = path.stem
            if not pid.isdigit() or Path(f"/proc/{pid}").exists():
                continue
            if self.offsets.get(path.name, 0) >= path.stat().st_size:
                path.unlink()
                self.offsets.pop(path.name, None)
                self._save_offsets()

    def run(self) -> None:
        delay = self.poll
        while not self._stop.is_set():
            try:
                self.send_once()
                delay = self.poll
            except (urllib.error.URLError, OSError) as error:
                log.info("sip events: not delivered (%s); retrying", error)
                delay = min(delay * 2, 10.0)
            self._stop.wait(delay)

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="sip-events", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
