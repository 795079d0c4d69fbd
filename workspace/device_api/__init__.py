"""The device API (`/device/v1`) and the `/device` Socket.IO namespace: what call.center
softphones talk to. Authenticated by device tokens, never by admin sessions or CSRF."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Subscribe this package to the changes that concern devices (workspace.signals)."""
    from workspace.device_api import recompute, sockets
    from workspace.signals import device_token_revoked

    recompute.init_app(app)
    device_token_revoked.connect(sockets.on_device_token_revoked)
