"""`device-sim --sip`: the device's lines registered by a real softphone (baresip).

After activation the simulator starts one baresip per provisioned line (its password comes
with the device's own config), driven over baresip's ``ctrl_tcp`` socket: it prints the
registration and every call event, and answers incoming calls after ``--answer-after``
seconds (never, when not given), so a newcomer can watch a real call ring through the
published flow. Needs the Debian package ``baresip-core`` (make system-packages).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONFIG = """\
poll_method epoll
sip_listen {host}:{sip_port}
sip_trans_def udp
call_local_timeout 120
audio_player aubridge,void{user}
audio_source ausine,440
audio_alert aubridge,void{user}
ausrc_srate 48000
auplay_srate 48000
ausrc_channels 2
auplay_channels 2
module_path /usr/lib/baresip/modules
module g711.so
module ausine.so
module aubridge.so
module_app account.so
module_app menu.so
module_app ctrl_tcp.so
ctrl_tcp_listen 127.0.0.1:{ctrl_port}
"""
SHOWN = (
    "REGISTER_OK",
    "REGISTER_FAIL",
    "CALL_INCOMING",
    "CALL_RINGING",
    "CALL_ESTABLISHED",
    "CALL_CLOSED",
    "CALL_OUTGOING",
)


class SoftphoneError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Softphone:
    """One baresip registered as one line."""

    def __init__(
        self,
        line: dict[str, Any],
        out: Callable[[str], None],
        answer_after: float | None,
        server: str | None,
    ) -> None:
        if shutil.which("baresip") is None:
            raise SoftphoneError("baresip is not installed (apt-get install baresip-core)")
        if not line.get("password"):
            raise SoftphoneError(f"line {line.get('username')}: no provisioned password")
        self.user = str(line["username"])
        self.out, self.answer_after = out, answer_after
        target = server or f"{line['server']}:{line.get('port') or 5060}"
        self.home = Path(tempfile.mkdtemp(prefix=f"device-sim-{self.user}-"))
        self.ctrl_port = _free_port()
        (self.home / "config").write_text(
            CONFIG.format(
                host="127.0.0.1", sip_port=_free_port(), ctrl_port=self.ctrl_port, user=self.user
            )
        )
        auth = f";auth_user={line['auth_username']}" if line.get("auth_username") else ""
        (self.home / "accounts").write_text(
            f"<sip:{self.user}@{line['server']}>;auth_pass={line['password']}{auth};"
            f'outbound="sip:{target};transport=udp";regint=600;answermode=manual\n'
        )
        self.proc = subprocess.Popen(
            ["baresip", "-f", str(self.home)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.sock = self._connect()
        self.registered = threading.Event()
        threading.Thread(target=self._read, daemon=True, name=f"baresip-{self.user}").start()
        out(f"line {self.user}: baresip registering at {target}")
        threading.Thread(target=self._ask_registration, daemon=True).start()

    def _ask_registration(self) -> None:
        """baresip's REGISTER_OK often comes before ctrl_tcp is connected: ask it."""
        for _ in range(30):
            if self.registered.wait(0.3):
                return
            try:
                self.send("reginfo")
            except OSError:
                return

    def _connect(self) -> socket.socket:
        for _ in range(100):
            try:
                return socket.create_connection(("127.0.0.1", self.ctrl_port))
            except OSError:
                time.sleep(0.05)
        raise SoftphoneError(f"line {self.user}: baresip did not start")

    def send(self, command: str, params: str = "") -> None:
        body = json.dumps({"command": command, "params": params, "token": command}).encode()
        self.sock.sendall(b"%d:%s," % (len(body), body))

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while b":" in buffer:
                head, _, rest = buffer.partition(b":")
                size = int(head)
                if len(rest) < size + 1:
                    break
                self._on(json.loads(rest[:size]))
                buffer = rest[size + 1 :]

    def _on(self, message: dict[str, Any]) -> None:
        if message.get("token") == "reginfo" and "mOK " in str(message.get("data")):
            message = {"event": True, "type": "REGISTER_OK"}
        kind = message.get("type") if message.get("event") else None
        if kind == "REGISTER_OK":
            if self.registered.is_set():
                return
            self.registered.set()
        if kind not in SHOWN:
            return
        peer = message.get("peeruri") or ""
        self.out(f"line {self.user}: {kind} {peer} {message.get('param') or ''}".rstrip())
        if kind == "CALL_INCOMING" and self.answer_after is not None:
            # never 0: baresip misses an accept sent before it finished the incoming call
            timer = threading.Timer(max(self.answer_after, 0.05), self.send, ("accept",))
            timer.daemon = True
            timer.start()

    def stop(self) -> None:
        try:
            self.send("quit")
            self.proc.wait(3)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.sock.close()
        shutil.rmtree(self.home, ignore_errors=True)


def start_softphones(
    config: dict[str, Any],
    out: Callable[[str], None],
    answer_after: float | None,
    server: str | None,
) -> list[Softphone]:
    """One softphone per provisioned line of the device's config."""
    phones = []
    for line in config.get("lines") or []:
        try:
            phones.append(Softphone(line, out, answer_after, server))
        except SoftphoneError as exc:
            out(f"--sip: {exc}")
    return phones
