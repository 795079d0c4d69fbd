"""SFTP with asyncssh: the host key is pinned, the file goes to ".<name>.part" and is renamed.

Only the key saved in the delivery method (settings.host_key, from ssh-keyscan) is
trusted: a server showing any other key is refused before the password or private key is
sent, and that is not retried (it may be an impersonation). The connection goes to the
netguard-checked address; the rename is posix-rename@openssh.com (atomic, replaces) when
the server offers it, otherwise remove + rename.

asyncssh is asynchronous; destinations are called synchronously (worker thread, request
handler), so each call runs its own event loop.
"""

from __future__ import annotations

import asyncio
import posixpath
import threading
import warnings
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from cryptography.utils import CryptographyDeprecationWarning

with warnings.catch_warnings():
    # asyncssh names the DSA key types in its annotations; cryptography >= 51 warns about
    # DSA on that attribute access alone. Nothing here uses DSA, so the warning is noise.
    warnings.filterwarnings("ignore", "DSA is deprecated", CryptographyDeprecationWarning)
    import asyncssh

from workspace.delivery.destinations._common import network_error, probe_upload, temp_name
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload
from workspace.delivery.netguard import connect_checked

T = TypeVar("T")


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to the end from synchronous code, even if this thread has a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())  # type: ignore[arg-type]
    box: dict[str, Any] = {}

    def runner() -> None:
        try:
            box["value"] = asyncio.run(make())  # type: ignore[arg-type]
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc

    thread = threading.Thread(target=runner, name="sftp-delivery")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _sftp_error(exc: asyncssh.SFTPError, host: str, action: str) -> DeliveryError:
    code = exc.code
    if code == asyncssh.FX_PERMISSION_DENIED:
        return DeliveryError(
            f"The SFTP server {host} did not allow us to {action}: check the folder and the "
            "account's write permission.",
            kind="permission",
        )
    if code in (asyncssh.FX_NO_SPACE_ON_FILESYSTEM, asyncssh.FX_QUOTA_EXCEEDED):
        return DeliveryError(f"The SFTP server {host} has no space left to {action}.", kind="quota")
    if code in (asyncssh.FX_NO_SUCH_FILE, asyncssh.FX_NO_SUCH_PATH):
        return DeliveryError(
            f"The SFTP server {host} has no such folder (while trying to {action}): check the "
            "folder setting.",
            kind="permission",
            retry=False,
        )
    return DeliveryError(f"The SFTP server {host} could not {action}.", kind="server")


class _Session:
    def __init__(self, target: Target, ctx: DeliveryContext) -> None:
        self.target = target
        self.ctx = ctx
        self.host = str(target.settings["host"])
        self.port = int(target.settings.get("port") or 22)
        self.folder = str(target.settings.get("folder") or ".")

    def _options(self) -> dict[str, Any]:
        secrets = self.target.secrets
        pinned = asyncssh.import_public_key(
            " ".join(str(self.target.settings["host_key"]).split()[:2])
        )
        options: dict[str, Any] = {
            "username": str(self.target.settings["username"]),
            "known_hosts": ([pinned], [], []),  # trusted host keys, CA keys, revoked keys
            "config": None,  # no ~/.ssh/config of the server's user
            "agent_path": None,
            "client_keys": None,
            "password": None,
            "connect_timeout": self.ctx.timeout,
            "login_timeout": self.ctx.timeout,
            "keepalive_interval": max(1.0, self.ctx.timeout / 3),
            "keepalive_count_max": 3,
        }
        if secrets.get("private_key"):
            options["client_keys"] = [asyncssh.import_private_key(secrets["private_key"])]
        if secrets.get("password"):
            options["password"] = secrets["password"]
        return options

    def _path(self, name: str) -> str:
        return posixpath.normpath(posixpath.join(self.folder, name))

    async def _with_sftp(self, work: Callable[[asyncssh.SFTPClient], Awaitable[T]]) -> T:
        sock, _ = connect_checked(
            self.host,
            self.port,
            allow_private=self.ctx.allow_private_hosts,
            timeout=self.ctx.timeout,
        )
        async with (
            asyncssh.connect(sock=sock, **self._options()) as connection,
            connection.start_sftp_client() as sftp,
        ):
            return await work(sftp)

    async def _store(self, sftp: asyncssh.SFTPClient, upload: Upload) -> str:
        temporary = self._path(temp_name(upload.final_name))
        final = self._path(upload.final_name)
        action = "store the file"
        try:
            await sftp.put(str(upload.path), temporary)
            action = "check the stored file"
            size = (await sftp.stat(temporary)).size
            if size != upload.size:
                await sftp.remove(temporary)
                raise DeliveryError(
                    f"The SFTP server {self.host} kept {size} of {upload.size} bytes; the upload "
                    "will be tried again.",
                    kind="server",
                )
            action = "rename the uploaded file"
            try:
                await sftp.posix_rename(temporary, final)
            except asyncssh.SFTPOpUnsupported:
                if await sftp.exists(final):
                    await sftp.remove(final)
                await sftp.rename(temporary, final)
        except asyncssh.SFTPError as exc:
            raise _sftp_error(exc, self.host, action) from exc
        return final

    async def _remove(self, sftp: asyncssh.SFTPClient, path: str) -> None:
        try:
            await sftp.remove(path)
        except asyncssh.SFTPError as exc:
            raise _sftp_error(exc, self.host, "remove the test file") from exc

    def run(self, work: Callable[[asyncssh.SFTPClient], Awaitable[T]]) -> T:
        try:
            return run_sync(lambda: self._with_sftp(work))
        except DeliveryError:
            raise
        except asyncssh.HostKeyNotVerifiable as exc:
            raise DeliveryError(
                f"The SFTP server {self.host} showed a host key that does not match the saved "
                "one, so nothing was sent. If the server's key really changed, paste the new "
                "key (ssh-keyscan) into the delivery method.",
                kind="host_key",
                retry=False,
            ) from exc
        except asyncssh.PermissionDenied as exc:
            raise DeliveryError(
                f"The SFTP server {self.host} refused the login: check the user name, the "
                "password or the private key.",
                kind="login",
            ) from exc
        except asyncssh.KeyImportError as exc:
            raise DeliveryError(
                "The saved host key or private key could not be read; paste it again.",
                kind="protocol",
                retry=False,
            ) from exc
        except (
            asyncssh.DisconnectError,
            asyncssh.ChannelOpenError,
            asyncssh.ConnectionLost,
        ) as exc:
            raise DeliveryError(
                f"The SFTP server {self.host} ended the session before the file was complete.",
                kind="server",
            ) from exc
        except TimeoutError as exc:
            raise DeliveryError(
                f"The SFTP server {self.host} did not answer in time.", kind="timeout"
            ) from exc
        except OSError as exc:
            raise network_error(exc, "SFTP", self.host) from exc


class SftpDestination:
    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        session = _Session(target, ctx)
        final = session.run(lambda sftp: session._store(sftp, upload))
        return f"sftp://{session.host}:{session.port}/{final.lstrip('/')}"

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        session = _Session(target, ctx)
        with probe_upload() as upload:

            async def work(sftp: asyncssh.SFTPClient) -> None:
                await session._remove(sftp, await session._store(sftp, upload))

            session.run(work)
        return (
            f"Connected to {session.host} (host key matches): a test file was written to "
            f"{session.folder} and removed."
        )
