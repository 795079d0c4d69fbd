"""Real SIP agents for the sip tests: Kamailio (rendered by the product), baresip devices
driven over ctrl_tcp, and SIPp as the carrier trunk. Loopback only, ports from one block per
test session (``PortBlock``) so parallel sessions do not collide."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from workspace.sip.render import render

SIPP_DIR = Path(__file__).parent / "sipp"
BINARIES = ("kamailio", "baresip", "sipp")


def missing_binaries() -> list[str]:
    return [name for name in BINARIES if shutil.which(name) is None]


TRUNK_CALLER = "+4930555123"  # the From and P-Asserted-Identity of sipp/caller*.xml


class PortBlock:
    """200 consecutive ports, free for UDP and TCP when probed, handed out in order."""

    SIZE = 200

    def __init__(self) -> None:
        for _ in range(200):
            base = random.randrange(20000, 60000 - self.SIZE, 10)
            if all(_free(p) for p in range(base, base + self.SIZE, 7)):
                self.base, self.next = base, base
                return
        raise RuntimeError("no free block of ports on 127.0.0.1")

    def take(self, count: int = 1) -> int:
        """``count`` consecutive ports, each free now: the block was probed at every 7th port
        only, and a service of the machine's (RabbitMQ's 25672, say) may sit in between."""
        while True:
            first = self.next
            self.next += count
            if self.next > self.base + self.SIZE:
                raise RuntimeError("port block used up")
            if all(_free(p) for p in range(first, first + count)):
                return first


def _stop_group(proc: subprocess.Popen | None, log) -> None:
    """Stop a server started in a process group of its own (TERM, then KILL after 10 s), and
    close its log file."""
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if log:
        log.close()


def _free(port: int) -> bool:
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        with socket.socket(socket.AF_INET, kind) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


class Kamailio:
    """The product's SIP server, rendered into ``folder`` and run as a child process."""

    def __init__(self, folder: Path, ports: PortBlock, **overrides) -> None:
        self.port = ports.take(2)
        self.trunk_port = ports.take()  # the trunk's calling address (trusted)
        self.trunk_uas_port = ports.take()  # where outbound calls and Forward go
        self.untrusted_port = ports.take()
        self.settings = {
            "host": "127.0.0.1",
            "port": self.port,
            "ws_port": self.port + 1,
            "domain": "127.0.0.1",
            "trusted": [f"127.0.0.1:{self.trunk_port}"],
            "trunk": f"127.0.0.1:{self.trunk_uas_port}",
            "dir": str(folder),
            "mode": "single",
            "children": 2,
            "ring_cap": 30,
            **overrides,
        }
        self.folder = Path(folder)
        self.plans = self.folder / "plans"
        self.events_dir = self.folder / "events"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Kamailio:
        cfg = render(self.settings)
        self.log = open(self.folder / "kamailio.log", "w")  # noqa: SIM115 (the child's lifetime)
        self.proc = subprocess.Popen(
            [
                "kamailio",
                "-DD",
                "-E",
                "-f",
                str(cfg),
                "-m",
                str(self.settings.get("shm_mb", 64)),
                "-M",
                "8",
                "-P",
                str(self.folder / "run" / "kamailio.pid"),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("kamailio exited:\n" + self.log_text()[-3000:])
            if "main(): processes" in self.log_text() and _options_ok(self.port):
                return self
            time.sleep(0.05)
        raise RuntimeError("kamailio did not answer OPTIONS:\n" + self.log_text()[-3000:])

    def log_text(self) -> str:
        return (self.folder / "kamailio.log").read_text(errors="replace")

    def stop(self) -> None:
        _stop_group(self.proc, getattr(self, "log", None))

    def events(self) -> list[dict]:
        rows = []
        for path in sorted(self.events_dir.glob("*.jsonl")):
            rows += [json.loads(line) for line in path.read_text().splitlines() if line]
        return sorted(rows, key=lambda e: e["at"])

    def call_events(self, call_id: str, until: str = "ended", timeout: float = 3.0) -> list[dict]:
        """The call's events once one of type ``until`` is there (a failure route may still
        be writing when the caller has its answer)."""
        deadline = time.time() + timeout
        while True:
            rows = [e for e in self.events() if e["call_id"] == call_id]
            if any(e["type"] == until for e in rows) or time.time() > deadline:
                return rows
            time.sleep(0.05)


def _options_ok(port: int) -> bool:
    """An OPTIONS keepalive answered 200 over UDP."""
    message = (
        f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + str(random.getrandbits(40)) + "\r\n"
        "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
        f"Call-ID: probe-{random.getrandbits(40)}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 5\r\n"
        "Content-Length: 0\r\n\r\n"
    )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.3)
        s.bind(("127.0.0.1", 0))
        s.sendto(
            message.replace("127.0.0.1:9", f"127.0.0.1:{s.getsockname()[1]}").encode(),
            ("127.0.0.1", port),
        )
        try:
            return s.recv(4096).startswith(b"SIP/2.0 200")
        except OSError:
            return False


BARESIP_CONFIG = """\
poll_method epoll
sip_listen 127.0.0.1:{sip_port}
sip_trans_def udp
call_local_timeout 120
call_max_calls 4
audio_player aubridge,void{user}
audio_source ausine,440
audio_alert aubridge,void{user}
ausrc_srate 48000
auplay_srate 48000
ausrc_channels 2
auplay_channels 2
rtp_ports {rtp_lo}-{rtp_hi}
module_path /usr/lib/baresip/modules
module g711.so
module ausine.so
module aubridge.so
module_app account.so
module_app menu.so
module_app ctrl_tcp.so
ctrl_tcp_listen 127.0.0.1:{ctrl_port}
"""


class Device:
    """One baresip softphone registered as a line; events recorded with their arrival time.

    ``answer_after``: seconds from an incoming call to accepting it (None: never).
    ``decline_after``: seconds from an incoming call to rejecting it (baresip's ``hangup``
    on a ringing call answers it 486; None: never).
    """

    def __init__(
        self,
        home: Path,
        ports: PortBlock,
        server_port: int,
        user: str,
        password: str,
        answer_after: float | None = None,
    ) -> None:
        self.user, self.answer_after = user, answer_after
        self.decline_after: float | None = None
        self.sip_port = ports.take(2)  # baresip binds TLS on sip_port + 1
        self.ctrl_port = ports.take()
        rtp = ports.take(4)
        self.home = home / f"baresip-{user}"
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "config").write_text(
            BARESIP_CONFIG.format(
                sip_port=self.sip_port,
                ctrl_port=self.ctrl_port,
                user=user,
                rtp_lo=rtp,
                rtp_hi=rtp + 3,
            )
        )
        (self.home / "accounts").write_text(
            f"<sip:{user}@127.0.0.1>;auth_pass={password};"
            f'outbound="sip:127.0.0.1:{server_port};transport=udp";'
            "regint=600;answermode=manual;ptime=20\n"
        )
        self.events: list[tuple[float, str, dict]] = []
        self._cond = threading.Condition()
        self._log = open(self.home / "baresip.log", "w")  # noqa: SIM115 (the child's lifetime)
        self.proc = subprocess.Popen(
            ["baresip", "-f", str(self.home), "-s"],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.sock = self._connect()
        threading.Thread(target=self._read, daemon=True).start()
        self.send("reginfo")

    def _connect(self) -> socket.socket:
        for _ in range(200):
            try:
                return socket.create_connection(("127.0.0.1", self.ctrl_port))
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"baresip {self.user}: no ctrl_tcp")

    def send(self, command: str, params: str = "") -> None:
        body = json.dumps({"command": command, "params": params, "token": command}).encode()
        self.sock.sendall(b"%d:%s," % (len(body), body))

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            buf += data
            while b":" in buf:
                head, _, rest = buf.partition(b":")
                size = int(head)
                if len(rest) < size + 1:
                    break
                self._on(json.loads(rest[:size]))
                buf = rest[size + 1 :]

    def _on(self, message: dict) -> None:
        now = time.time()
        if message.get("event"):
            kind = message.get("type")
        elif message.get("token") == "reginfo" and "mOK " in str(message.get("data")):
            kind = "REGINFO_OK"  # registered before ctrl_tcp was connected
        else:
            return
        with self._cond:
            self.events.append((now, kind, message))
            self._cond.notify_all()
        if kind != "CALL_INCOMING":
            return
        for after, command in ((self.answer_after, "accept"), (self.decline_after, "hangup")):
            if after is not None:
                timer = threading.Timer(after, self.send, (command,))
                timer.daemon = True
                timer.start()

    def wait_for(self, kind: str, timeout: float = 10.0, after: float = 0.0) -> float:
        """The time of the first ``kind`` event after ``after``; raises on timeout."""
        deadline = time.time() + timeout
        with self._cond:
            while True:
                for at, k, _ in self.events:
                    if k == kind and at >= after:
                        return at
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError(
                        f"device {self.user}: no {kind} within {timeout} s: "
                        f"{[k for _, k, _ in self.events]}"
                    )
                self._cond.wait(left)

    def times(self, kind: str, after: float = 0.0) -> list[float]:
        with self._cond:
            return [at for at, k, _ in self.events if k == kind and at >= after]

    def wait_registered(self, timeout: float = 10.0) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(k in ("REGISTER_OK", "REGINFO_OK") for _, k, _ in self.events):
                return
            self.send("reginfo")
            time.sleep(0.2)
        raise AssertionError(f"device {self.user} did not register: {self.sip_log()[-2000:]}")

    def sip_log(self) -> str:
        return (self.home / "baresip.log").read_text(errors="replace")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.send("quit")
        try:
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.sock.close()
        self._log.close()


class Sipp:
    """SIPp runs: the trunk calling a DID, and the trunk answering outbound calls."""

    def __init__(self, kamailio: Kamailio, folder: Path) -> None:
        self.kam, self.folder = kamailio, folder
        self.runs = 0

    def call(
        self,
        number: str,
        *,
        hold_ms: int = 500,
        cancel: bool = False,
        untrusted: bool = False,
        timeout: int = 60,
        caller: str | None = TRUNK_CALLER,
    ) -> dict:
        """Call ``number`` once from the trunk (or an untrusted source) as ``caller`` (None:
        withheld, ``anonymous``); returns {"code": final status, "call_id", "messages": the
        SIP text SIPp saw}."""
        self.runs += 1
        name = f"call{self.runs}"
        scenario = SIPP_DIR / ("caller_cancel.xml" if cancel else "caller.xml")
        if caller != TRUNK_CALLER:  # the scenarios name the trunk's caller; a copy names this one
            text = scenario.read_text().replace(TRUNK_CALLER, caller or "anonymous")
            scenario = self.folder / f"{name}_{scenario.name}"
            scenario.write_text(text)
        port = self.kam.untrusted_port if untrusted else self.kam.trunk_port
        messages = self.folder / f"{name}_messages.log"
        delay = hold_ms
        cmd = [
            "sipp",
            "-sf",
            str(scenario),
            "-s",
            number,
            f"127.0.0.1:{self.kam.port}",
            "-i",
            "127.0.0.1",
            "-p",
            str(port),
            "-m",
            "1",
            "-d",
            str(delay),
            "-nostdin",
            "-bind_local",
            "-timeout",
            f"{timeout}s",
            "-trace_msg",
            "-message_file",
            str(messages),
        ]
        done = subprocess.run(cmd, cwd=self.folder, capture_output=True, timeout=timeout + 10)
        text = messages.read_text(errors="replace") if messages.exists() else ""
        found = re.search(r"^Call-ID: (.+)$", text, re.M | re.I)
        call_id = found[1].strip() if found else None
        # Only this call's INVITE answers (a stray retransmission of an earlier call may land
        # on the same port).
        finals = []
        for block in re.split(r"\n(?=SIP/2\.0 \d{3}|[A-Z]+ sip:)", text):
            status = re.match(r"SIP/2\.0 (\d{3})", block)
            if (
                status
                and int(status[1]) >= 200
                and call_id
                and call_id in block
                and re.search(r"^CSeq: \d+ INVITE", block, re.M | re.I)
            ):
                finals.append(int(status[1]))
        return {
            "code": finals[0] if finals else None,
            "call_id": call_id,
            "messages": text,
            "rc": done.returncode,
        }

    def answer_outbound(self, seconds: float) -> subprocess.Popen:
        """A SIPp UAS on the trunk address, answering INVITEs for ``seconds``."""
        messages = self.folder / "trunk_uas_messages.log"
        return subprocess.Popen(
            [
                "timeout",
                str(seconds),
                "sipp",
                "-sf",
                str(SIPP_DIR / "trunk_uas.xml"),
                "-i",
                "127.0.0.1",
                "-p",
                str(self.kam.trunk_uas_port),
                "-nostdin",
                "-bind_local",
                "-trace_msg",
                "-message_file",
                str(messages),
            ],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def trunk_messages(folder: Path) -> str:
    """What the trunk's SIPp UAS (``Sipp.answer_outbound``) received, as text."""
    return (folder / "trunk_uas_messages.log").read_text(errors="replace")


def assert_mikes_dialing_rule_call_reached_the_trunk(seen: str, trunk_port: int) -> None:
    """Mike dialled 0174448746: the dialing rule made it 14448746, sent with his external
    caller ID in From and P-Asserted-Identity, and the dialled digits in a header."""
    assert f"INVITE sip:14448746@127.0.0.1:{trunk_port} SIP/2.0" in seen
    assert 'From: "Mike Brown" <sip:+14155550100@127.0.0.1>' in seen
    assert 'P-Asserted-Identity: "Mike Brown" <sip:+14155550100@127.0.0.1>' in seen
    assert "X-Callflow-Dialed: 0174448746" in seen


class TurnServer:
    """coturn on loopback with the TURN REST API's shared secret (``use-auth-secret``), as a
    deployment pairs it with WORKSPACE_TURN_SECRET; verbose, so its log names each allocation
    and the username it was made with."""

    SECRET = "turn-test-secret"

    def __init__(self, folder: Path, ports: PortBlock) -> None:
        self.folder = folder
        self.port = ports.take()
        relay = ports.take(20)
        self.relay_ports = (relay, relay + 19)
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"turn:127.0.0.1:{self.port}?transport=udp"

    def start(self) -> TurnServer:
        low, high = self.relay_ports
        self.log = open(self.folder / "turnserver.log", "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [
                "turnserver",
                *("-n", "-v", "--no-cli", "--no-tls", "--no-dtls", "--fingerprint"),
                *("--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--allow-loopback-peers"),
                f"--listening-port={self.port}",
                f"--min-port={low}",
                f"--max-port={high}",
                "--use-auth-secret",
                f"--static-auth-secret={self.SECRET}",
                "--realm=callflow.test",
                f"--userdb={self.folder / 'turndb'}",
                f"--pidfile={self.folder / 'turnserver.pid'}",
                "--simple-log",
                "--log-file=stdout",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while _free(self.port):  # it listens on TCP and UDP alike
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"turnserver did not start: {self.log_text()[-2000:]}")
            time.sleep(0.1)
        return self

    def log_text(self) -> str:
        return (self.folder / "turnserver.log").read_text(errors="replace")

    def allocations(self) -> list[str]:
        """The usernames of the allocations it granted, in order."""
        granted = re.compile(r"user <([^>]+)>: incoming packet ALLOCATE processed, success")
        return granted.findall(self.log_text())

    def stop(self) -> None:
        _stop_group(self.proc, getattr(self, "log", None))
