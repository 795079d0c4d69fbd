"""`workspace serve`: the app on gunicorn, the one way it is served in every mode.

Worker model: gunicorn's gthread workers with Flask-SocketIO's threading mode, whose
WebSockets run on simple-websocket. Chosen over gevent because nothing has to be
monkey-patched: psycopg 3, the delivery worker thread and asyncssh's own event loops run
as they do in the tests. The cost is one thread per open WebSocket, so `--threads` bounds
the sockets (browser tabs, devices) a worker holds at once besides its requests; size it
for the fleet or add workers (README, "Serving").

Each worker builds its own app after the fork (no preload), so no database connection,
Redis subscriber or thread crosses a fork. Several workers need REDIS_URL: an event raised
in one worker must reach the sockets held by another, and that goes through Redis.

On SIGTERM a worker stops accepting, closes its Socket.IO connections (their clients
reconnect to a live worker) and lets requests in flight finish within the graceful timeout.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker

from workspace.collector import tune_collector_for_serving

# gunicorn's access log in the combined format, plus the request time in microseconds.
ACCESS_LOG_FORMAT = '%(h)s - %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)sus'


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = 1
    threads: int = 100
    graceful_timeout: int = 10
    access_log: str = "-"
    config: dict[str, Any] = field(default_factory=dict)

    def gunicorn_settings(self) -> dict[str, Any]:
        return {
            "bind": f"{self.host}:{self.port}",
            "workers": self.workers,
            "threads": self.threads,
            "worker_class": f"{__name__}.SocketClosingThreadWorker",
            "graceful_timeout": self.graceful_timeout,
            # A WebSocket holds its thread for as long as it is open: without this gunicorn
            # counts those connections against keep-alive slots and warns at start.
            "worker_connections": self.threads * 10,
            "keepalive": 5,
            "accesslog": self.access_log or None,
            "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "loglevel": "info",
            "proc_name": "callflow-workspace",
            "preload_app": False,
            # gunicorn's control socket is one fixed path per user: two servers on one host
            # (tests, a second instance) would fight over it, and nothing here uses it.
            "control_socket_disable": True,
        }


class SocketClosingThreadWorker(ThreadWorker):
    """gthread, plus: on SIGTERM close this worker's Socket.IO connections.

    A WebSocket never finishes on its own, so without this every shutdown would wait the
    whole graceful timeout for sockets that will only be cut at its end anyway.
    """

    def handle_exit(self, sig, frame) -> None:
        super().handle_exit(sig, frame)
        # A signal handler must not block or take locks: close from a thread.
        threading.Thread(target=_disconnect_sockets, name="close-sockets", daemon=True).start()


def _disconnect_sockets() -> None:
    from workspace.extensions import socketio

    server = getattr(socketio, "server", None)
    if server is None:
        return
    try:
        server.eio.disconnect()  # every client of this worker; their handlers run as usual
    except Exception:  # a socket already half-closed must not keep the worker alive
        logging.getLogger(__name__).exception("closing Socket.IO connections at shutdown")


class WorkspaceServer(BaseApplication):
    """gunicorn driven from our CLI: settings from ServeOptions, the app from a factory."""

    def __init__(self, options: ServeOptions, load_app: Callable[[], Flask]) -> None:
        self.options = options
        self.load_app = load_app
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.gunicorn_settings().items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        app = self.load_app()
        tune_collector_for_serving()  # in the worker, after its app is built (there is no preload)
        return app


def serve(options: ServeOptions, load_app: Callable[[], Flask]) -> None:
    """Run gunicorn until it is stopped (SIGTERM or SIGINT: graceful)."""
    WorkspaceServer(options, load_app).run()
