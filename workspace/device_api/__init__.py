"""The device API (`/device/v1`) and the `/device` Socket.IO namespace: what call.center
softphones talk to. Authenticated by device tokens, never by admin sessions or CSRF."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The device API, the /device namespace (handlers declared on import), and this
    package's subscriptions to the changes that concern devices (workspace.signals)."""
    from workspace.device_api import api as device_api
    from workspace.device_api import recompute, sockets
    from workspace.device_api.ice_servers import check_ice_config
    from workspace.signals import device_token_revoked

    check_ice_config(app.config)  # a browser phone could not use bad STUN/TURN settings

    api.register_blueprint(device_api.blp)
    recompute.init_app(app)
    device_token_revoked.connect(sockets.on_device_token_revoked)
