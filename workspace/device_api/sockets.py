"""Socket.IO namespace /device: the server tells activated devices their config changed.

A device connects with ``auth={"token": "<device token>"}``; any other connect is refused.
The server puts the socket in the room ``device:{id}`` (the client never names a room) and
emits ``config.changed`` ``{"etag": "..."}`` there after a change that moved the device's
config hash is committed (workspace.device_api.refresh). With REDIS_URL set the emit goes
through the message queue, so the process that committed reaches a device connected to any
other process.
"""

from __future__ import annotations

from flask_socketio import join_room

from workspace.device_api.auth import device_for_token
from workspace.extensions import db, socketio

NAMESPACE = "/device"
CONFIG_CHANGED = "config.changed"


def device_room(device_id: int) -> str:
    return f"device:{device_id}"


@socketio.on("connect", namespace=NAMESPACE)
def _connect(auth=None):
    token = auth.get("token") if isinstance(auth, dict) else None
    device = device_for_token(token if isinstance(token, str) else None)
    device_id = device.id if device is not None else None
    db.session.remove()  # a socket lives long; it must not hold a connection or a lock
    if device_id is None:
        return False  # refused: the client sees a connect_error
    join_room(device_room(device_id))
    return True


def emit_config_changed(device_id: int, etag: str) -> None:
    """Tell one device to fetch its config again. Call after the change is committed."""
    socketio.emit(CONFIG_CHANGED, {"etag": etag}, namespace=NAMESPACE, to=device_room(device_id))
