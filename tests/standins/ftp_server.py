"""A real FTP server (pyftpdlib) on loopback, with an optional cut-off fault.

``ftp_server(root)`` yields an ``FtpStandIn``: user "rec" / password "ftp-secret-pw" whose
home is `root`. ``cut_next(after_bytes)`` makes the next upload break off: once that many
bytes of the file arrived, the server drops the data and control connections (a server
that crashes or a network that fails halfway).
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

with warnings.catch_warnings():
    # pyftpdlib is built on asyncore/asynchat, deprecated in Python 3.11 (the suite turns
    # warnings into errors); it is the FTP server the tests need all the same.
    warnings.simplefilter("ignore", DeprecationWarning)
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import DTPHandler, FTPHandler
    from pyftpdlib.servers import FTPServer

logging.getLogger("pyftpdlib").setLevel(logging.WARNING)  # a line per command otherwise

USER = "rec"
PASSWORD = "ftp-secret-pw"


class _Faults:
    def __init__(self) -> None:
        self.cut_after: list[int] = []  # one entry per upload to cut, bytes before the cut


class _CuttingDTP(DTPHandler):
    faults: _Faults

    def handle_read(self) -> None:
        super().handle_read()
        limit = getattr(self, "_cut_at", None)
        if limit is None and self.faults.cut_after and self.receive:
            limit = self._cut_at = self.faults.cut_after.pop(0)
        if limit is not None and self.tot_bytes_received >= limit:
            if self.file_obj is not None:
                self.file_obj.flush()
            control = self.cmd_channel
            self.close()
            control.close()

    handle_read_event = handle_read  # pyftpdlib dispatches to this alias


@dataclass
class FtpStandIn:
    host: str
    port: int
    root: Path
    faults: _Faults

    def cut_next(self, after_bytes: int) -> None:
        self.faults.cut_after.append(after_bytes)

    def files(self) -> dict[str, bytes]:
        """Every file under the root, by path relative to it (temporary ones included)."""
        return {
            str(p.relative_to(self.root)): p.read_bytes()
            for p in self.root.rglob("*")
            if p.is_file()
        }


@contextmanager
def ftp_server(root: Path, *, permissions: str = "elradfmw") -> Iterator[FtpStandIn]:
    root.mkdir(parents=True, exist_ok=True)
    authorizer = DummyAuthorizer()
    authorizer.add_user(USER, PASSWORD, str(root), perm=permissions)
    faults = _Faults()
    dtp = type("CuttingDTP", (_CuttingDTP,), {"faults": faults})
    handler = type(
        "StandInFTPHandler", (FTPHandler,), {"authorizer": authorizer, "dtp_handler": dtp}
    )
    handler.banner = "stand-in FTP ready"
    handler.auth_failed_timeout = 0.1  # real servers wait 3 s; tests need not
    server = FTPServer(("127.0.0.1", 0), handler)
    port = server.socket.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        # The loop and its shutdown stay in this one thread: closing pyftpdlib's sockets
        # from another thread races with its poller.
        while not stop.is_set():
            server.serve_forever(timeout=0.02, blocking=False, handle_exit=False)
        server.close_all()

    thread = threading.Thread(target=serve, daemon=True, name="ftp-standin")
    thread.start()
    try:
        yield FtpStandIn("127.0.0.1", port, root, faults)
    finally:
        stop.set()
        thread.join(timeout=5)
