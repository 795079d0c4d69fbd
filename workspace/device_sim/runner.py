"""Running the simulator: start (code or saved token), listen on /device, heartbeat, stop."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import socketio

from workspace.device_sim.client import (
    PREFIX,
    TIMEOUT,
    DeviceSim,
    Options,
    SimError,
    Unreachable,
    quoted,
)

NAMESPACE = "/device"


def _listen(sim: DeviceSim, stop: threading.Event) -> socketio.Client:
    """Connect to /device; config.changed refetches (on the socket client's thread)."""
    client = socketio.Client(reconnection=True, handle_sigint=False)

    def on_connect() -> None:
        sim.out(f"connected to {NAMESPACE}")

    def on_disconnect(*_args: Any) -> None:
        if not stop.is_set():
            sim.out(f"disconnected from {NAMESPACE}")

    def on_changed(data: Any = None) -> None:
        etag = data.get("etag") if isinstance(data, dict) else None
        sim.out(f"config.changed received etag={quoted(etag)}")
        try:
            sim.fetch_config()
        except Unreachable as exc:
            sim.out(f"refetch failed, the next heartbeat retries: {exc}")
        except SimError as exc:
            sim.failure = exc
            stop.set()

    client.on("connect", on_connect, namespace=NAMESPACE)
    client.on("disconnect", on_disconnect, namespace=NAMESPACE)
    client.on("config.changed", on_changed, namespace=NAMESPACE)
    client.connect(
        sim.options.server,
        namespaces=[NAMESPACE],
        auth={"token": sim.token},
        # WebSocket only, as the web app: no sticky sessions needed behind several workers.
        transports=["websocket"],
        wait_timeout=TIMEOUT,
    )
    return client


def _start(sim: DeviceSim, options: Options) -> None:
    saved = _read_token(options.token_file)
    if saved:
        sim.use_token(saved)
        sim.fetch_config()
        return
    if not options.code:
        raise SimError("give --code (or a --token-file holding a token from an activation)")
    sim.activate(options.code)
    if options.token_file is not None:
        _save_token(options.token_file, sim.token or "")
        sim.out(f"token saved to {options.token_file}")
    sim.fetch_config()


def _save_token(path: Path, token: str) -> None:
    """Write the token readable by its owner only, from the first byte on."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(token)
        path.chmod(0o600)  # an existing file keeps its mode through O_CREAT
    except OSError as exc:
        raise SimError(f"cannot save the token to {path}: {exc.strerror}") from None


def _read_token(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    return path.read_text().strip() or None


def run(options: Options) -> int:
    """Run the simulator until SIGTERM/SIGINT (or once); the process exit code."""
    stop = threading.Event()
    sim = DeviceSim(options)
    client: socketio.Client | None = None
    phones: list = []

    received: list[int] = []

    def on_signal(signum: int, _frame: Any) -> None:
        # No printing here: a handler interrupts the main thread anywhere, a print included
        # (a reentrant write to stdout). The main loop says it once it wakes up.
        received.append(signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        _start(sim, options)
        sim.heartbeat()
        if options.once:
            return 0
        if options.sip:
            from workspace.device_sim.softphone import start_softphones

            phones = start_softphones(sim.config, sim.out, options.answer_after, options.sip_server)
        try:
            client = _listen(sim, stop)
        except socketio.exceptions.ConnectionError as exc:
            raise SimError(f"cannot connect to {NAMESPACE}: {exc}") from None
        while not stop.wait(options.heartbeat):
            try:
                sim.heartbeat()
            except Unreachable as exc:
                sim.out(f"heartbeat failed, retrying in {options.heartbeat:g} s: {exc}")
        if received:
            sim.out(f"stopping ({signal.Signals(received[0]).name})")
        if sim.failure is not None:
            raise sim.failure
        return 0
    except SimError as exc:
        print(f"{PREFIX}error: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        stop.set()
        for phone in phones:
            phone.stop()
        if client is not None:
            client.disconnect()
        sim.http.close()
