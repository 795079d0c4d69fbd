"""FTP and FTPS (explicit TLS, FTP_TLS) with ftplib: STOR to ".<name>.part", then rename.

The host is resolved once and checked by the netguard; the control connection goes to that
checked address while TLS still verifies the host name. Passive data connections go to
the control connection's peer address (ftplib's default), never to an address the server
names, so a hostile server cannot point them elsewhere.
"""

from __future__ import annotations

import ftplib
import posixpath
import ssl
from typing import Any

from workspace.delivery.destinations._common import (
    human_size,
    network_error,
    probe_upload,
    temp_name,
)
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload
from workspace.delivery.netguard import resolve_allowed

BLOCK = 64 * 1024


def _reply_error(exc: ftplib.Error, host: str, action: str) -> DeliveryError:
    text = str(exc)
    code = text[:3]
    if code in ("530", "331", "332"):
        return DeliveryError(
            f"The FTP server {host} refused the login: check the user name and password.",
            kind="login",
        )
    if code in ("452", "552"):
        return DeliveryError(
            f"The FTP server {host} has no space left to {action} (reply {code}).", kind="quota"
        )
    if code in ("550", "553", "532"):
        return DeliveryError(
            f"The FTP server {host} did not allow us to {action} (reply {code}): check the "
            "folder and the account's write permission.",
            kind="permission",
        )
    if code.startswith("4"):
        return DeliveryError(
            f"The FTP server {host} could not {action} just now (reply {code}).", kind="server"
        )
    return DeliveryError(
        f"The FTP server {host} did not {action} (reply {code or 'unknown'}).", kind="protocol"
    )


class _Session:
    def __init__(self, target: Target, ctx: DeliveryContext) -> None:
        self.settings = target.settings
        self.password = target.secrets.get("password", "")
        self.host = str(self.settings["host"])
        self.port = int(self.settings.get("port") or 21)
        self.ctx = ctx
        self.ftp: ftplib.FTP | None = None

    def open(self) -> ftplib.FTP:
        addresses = resolve_allowed(
            self.host, self.port, allow_private=self.ctx.allow_private_hosts
        )
        tls = bool(self.settings.get("tls", True))
        last: BaseException | None = None
        for address in addresses:
            ftp: ftplib.FTP = (
                ftplib.FTP_TLS(context=ssl.create_default_context(), timeout=self.ctx.timeout)
                if tls
                else ftplib.FTP(timeout=self.ctx.timeout)
            )
            try:
                ftp.connect(address, self.port, timeout=self.ctx.timeout)
            except OSError as exc:
                last = exc
                continue
            ftp.host = self.host  # TLS: SNI and certificate check use the name, not the address
            self.ftp = ftp
            break
        else:
            assert last is not None
            raise network_error(last, "FTP", self.host)
        self._step(lambda: self._login(ftp, tls), "log in")
        return ftp

    def _login(self, ftp: ftplib.FTP, tls: bool) -> None:
        if tls:
            assert isinstance(ftp, ftplib.FTP_TLS)
            try:
                ftp.auth()  # before the password goes anywhere
            except ftplib.error_perm as exc:
                raise DeliveryError(
                    f"The FTP server {self.host} does not offer TLS (reply {str(exc)[:3]}), so "
                    "the password was not sent. Turn off TLS only if the network to it is "
                    "trusted.",
                    kind="protocol",
                    retry=False,
                ) from exc
        ftp.login(str(self.settings["username"]), self.password)
        if tls:
            assert isinstance(ftp, ftplib.FTP_TLS)
            ftp.prot_p()  # the data connection is encrypted too
        ftp.voidcmd("TYPE I")
        folder = str(self.settings.get("folder") or "/")
        if folder not in ("", "."):
            ftp.cwd(folder)

    def _step(self, call: Any, action: str) -> Any:
        try:
            return call()
        except ftplib.error_perm as exc:
            raise _reply_error(exc, self.host, action) from exc
        except ftplib.error_temp as exc:
            raise _reply_error(exc, self.host, action) from exc
        except ftplib.Error as exc:
            raise DeliveryError(
                f"The FTP server {self.host} answered unexpectedly while trying to {action}.",
                kind="protocol",
            ) from exc
        except (OSError, EOFError) as exc:
            raise network_error(exc, "FTP", self.host) from exc

    def store(self, upload: Upload) -> str:
        ftp = self.ftp
        assert ftp is not None
        temporary = temp_name(upload.final_name)
        with upload.path.open("rb") as handle:
            self._step(lambda: ftp.storbinary(f"STOR {temporary}", handle, BLOCK), "store the file")
        size = self._remote_size(temporary)
        if size is not None and size != upload.size:
            self.remove(temporary)
            raise DeliveryError(
                f"The FTP server {self.host} kept {human_size(size)} of "
                f"{human_size(upload.size)}; the upload will be tried again.",
                kind="server",
            )
        self._step(lambda: ftp.rename(temporary, upload.final_name), "rename the uploaded file")
        return upload.final_name

    def _remote_size(self, name: str) -> int | None:
        ftp = self.ftp
        assert ftp is not None
        try:
            return ftp.size(name)
        except ftplib.error_perm:
            return None  # SIZE is optional; the 226 reply is all we have then
        except (ftplib.Error, ValueError, TypeError):
            return None

    def remove(self, name: str) -> None:
        ftp = self.ftp
        assert ftp is not None
        self._step(lambda: ftp.delete(name), "remove a file")

    def where(self, name: str) -> str:
        folder = str(self.settings.get("folder") or "/")
        return f"ftp://{self.host}:{self.port}{posixpath.join('/' + folder.strip('/'), name)}"

    def close(self) -> None:
        if self.ftp is None:
            return
        try:
            self.ftp.quit()
        except (OSError, EOFError, ftplib.Error):
            self.ftp.close()


class FtpDestination:
    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        session = _Session(target, ctx)
        try:
            session.open()
            return session.where(session.store(upload))
        finally:
            session.close()

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        session = _Session(target, ctx)
        try:
            session.open()
            with probe_upload() as upload:
                session.remove(session.store(upload))
            folder = target.settings.get("folder") or "/"
            return f"Connected to {session.host}: a test file was written to {folder} and removed."
        finally:
            session.close()
