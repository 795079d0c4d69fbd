"""Where a recording is delivered: one module per delivery-method type, one interface.

``destination_for(type)`` returns the module's ``Destination``; the worker and the
test-connection endpoint only ever talk to that interface (see ``base.py``).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from workspace.delivery.destinations.base import (
    DeliveryContext,
    DeliveryError,
    Destination,
    Target,
    Upload,
)

__all__ = ["DeliveryContext", "DeliveryError", "Destination", "Target", "Upload", "destination_for"]

log = logging.getLogger(__name__)


def _scrub(text: str, target: Target) -> str:
    """Belt and braces: no secret value survives into a reason, whatever produced it."""
    for value in target.secrets.values():
        if value and len(value) >= 4:
            text = text.replace(value, "[secret]")
    return text


class _Guarded:
    """Wraps a destination: DeliveryError reasons scrubbed, anything unexpected made one."""

    def __init__(self, inner: Destination, type_: str) -> None:
        self.inner = inner
        self.type = type_

    def _run(self, call: Callable[[], str], target: Target) -> str:
        try:
            return call()
        except DeliveryError as exc:
            exc.reason = _scrub(exc.reason, target)
            exc.args = (exc.reason,)
            raise
        except Exception as exc:
            # A bug or an answer we did not expect. The log gets the type and where it was
            # raised, not the message or the traceback's values (they could hold a secret).
            frames = traceback.extract_tb(exc.__traceback__)
            where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
            log.error("delivery via %s failed: %s at %s", self.type, type(exc).__name__, where)
            raise DeliveryError(
                f"The {self.type} delivery failed unexpectedly ({type(exc).__name__}).",
                kind="protocol",
            ) from None

    def deliver(self, target: Target, upload: Upload, ctx: DeliveryContext) -> str:
        return self._run(lambda: self.inner.deliver(target, upload, ctx), target)

    def check(self, target: Target, ctx: DeliveryContext) -> str:
        return self._run(lambda: self.inner.check(target, ctx), target)


def destination_for(type_: str) -> Destination:
    """The destination for a delivery-method type; KeyError for an unknown type."""
    # Imported here so that loading the package does not pull in asyncssh and requests.
    if type_ == "email":
        from workspace.delivery.destinations.email import EmailDestination as found
    elif type_ == "ftp":
        from workspace.delivery.destinations.ftp import FtpDestination as found
    elif type_ == "sftp":
        from workspace.delivery.destinations.sftp import SftpDestination as found
    elif type_ == "dropbox":
        from workspace.delivery.destinations.dropbox import DropboxDestination as found
    elif type_ == "google_drive":
        from workspace.delivery.destinations.google_drive import GoogleDriveDestination as found
    elif type_ == "onedrive":
        from workspace.delivery.destinations.onedrive import OneDriveDestination as found
    else:
        raise KeyError(type_)
    return _Guarded(found(), type_)
