"""A real SFTP server (asyncssh) on loopback, in a thread with its own event loop.

``sftp_server(root)`` yields an ``SftpStandIn`` with a freshly generated host key
(``host_key_line``, as ssh-keyscan prints it without the host), user "rec" who logs in
with the password "sftp-secret-pw" or the private key ``client_key_text``, and files
under `root`. ``refuse_logins(n)`` makes the next n login attempts fail (a server that
is briefly misconfigured, or an account locked for a moment).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

USER = "rec"
PASSWORD = "sftp-secret-pw"


@dataclass
class SftpStandIn:
    host: str
    port: int
    root: Path
    host_key_line: str
    client_key_text: str
    state: dict = field(default_factory=dict)

    def refuse_logins(self, count: int) -> None:
        self.state["refuse"] = count

    @property
    def login_attempts(self) -> int:
        return self.state.get("attempts", 0)

    def files(self) -> dict[str, bytes]:
        return {
            str(p.relative_to(self.root)): p.read_bytes()
            for p in self.root.rglob("*")
            if p.is_file()
        }


def _server_class(state: dict, client_public: asyncssh.SSHKey) -> type[asyncssh.SSHServer]:
    class StandInServer(asyncssh.SSHServer):
        def begin_auth(self, username: str) -> bool:
            return True

        def password_auth_supported(self) -> bool:
            return True

        def public_key_auth_supported(self) -> bool:
            return True

        def _refusing(self) -> bool:
            state["attempts"] = state.get("attempts", 0) + 1
            if state.get("refuse", 0) > 0:
                state["refuse"] -= 1
                return True
            return False

        def validate_password(self, username: str, password: str) -> bool:
            if self._refusing():
                return False
            return username == USER and password == PASSWORD

        def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
            if self._refusing():
                return False
            return username == USER and key.public_data == client_public.public_data

    return StandInServer


@contextmanager
def sftp_server(root: Path) -> Iterator[SftpStandIn]:
    root.mkdir(parents=True, exist_ok=True)
    host_key = asyncssh.generate_private_key("ssh-ed25519")
    client_key = asyncssh.generate_private_key("ssh-ed25519")
    state: dict = {}
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    box: dict = {}

    async def start() -> None:
        box["server"] = await asyncssh.listen(
            "127.0.0.1",
            0,
            server_host_keys=[host_key],
            server_factory=_server_class(state, client_key.convert_to_public()),
            sftp_factory=lambda chan: asyncssh.SFTPServer(chan, chroot=str(root).encode()),
            allow_scp=False,
        )

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(start())
        finally:
            ready.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True, name="sftp-standin")
    thread.start()
    ready.wait(10)
    server = box["server"]
    port = server.sockets[0].getsockname()[1]
    public_line = host_key.export_public_key("openssh").decode().split()
    try:
        yield SftpStandIn(
            host="127.0.0.1",
            port=port,
            root=root,
            host_key_line=f"{public_line[0]} {public_line[1]}",
            client_key_text=client_key.export_private_key("openssh").decode(),
            state=state,
        )
    finally:

        async def stop() -> None:
            server.close()
            await server.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
