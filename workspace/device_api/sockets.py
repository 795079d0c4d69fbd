"""Socket.IO namespace /device: the server tells activated devices their config changed.

A device connects with ``auth={"token": "<device token>"}``; any other connect is refused.
The server puts the socket in the room ``device:{id}`` (the client never names a room) and
emits ``config.changed`` ``{"etag": "..."}`` there after a change that moved the device's
config hash is committed (workspace.device_api.refresh). With REDIS_URL set the emit goes
through the message queue, so the process that committed reaches a device connected to any
other process.

When the device's token stops working (its activation is reset, or it is deleted) the
server closes its open sockets, in whichever process holds them (``close_device_sockets``).
"""

from __future__ import annotations

import logging

from flask import current_app, request
from flask_socketio import join_room

from workspace.device_api.auth import device_for_token
from workspace.device_api.connections import store_for
from workspace.extensions import db, socketio

log = logging.getLogger(__name__)

NAMESPACE = "/device"
CONFIG_CHANGED = "config.changed"

# Socket id -> device id, for the sockets this process holds (a socket lives in one process).
_DEVICE_OF: dict[str, int] = {}


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
    _DEVICE_OF[request.sid] = device_id
    store_for(current_app).add(device_id, request.sid)
    join_room(device_room(device_id))
    return True


@socketio.on("disconnect", namespace=NAMESPACE)
def _disconnect(reason=None):
    device_id = _DEVICE_OF.pop(request.sid, None)
    if device_id is not None:
        store_for(current_app).remove(device_id, request.sid)


def emit_config_changed(device_id: int, etag: str) -> None:
    """Tell one device to fetch its config again. Call after the change is committed."""
    socketio.emit(CONFIG_CHANGED, {"etag": etag}, namespace=NAMESPACE, to=device_room(device_id))


def on_device_token_revoked(device_id: int) -> None:
    """Receiver of ``workspace.signals.device_token_revoked`` (sent after the commit)."""
    close_device_sockets(device_id)


def close_device_sockets(device_id: int) -> None:
    """Disconnect the device's open sockets, here and in other processes (through the message
    queue). Call after the commit that revoked its token, so a reconnect is refused.

    Never raises: the revocation is committed, and the token is refused on the next request
    anyway. (A socket whose connect handler is still running when the commit lands is not
    known yet and stays; its token no longer works for anything else.)
    """
    try:
        for sid in store_for(current_app).take(device_id):
            socketio.server.disconnect(sid, namespace=NAMESPACE)
    except Exception:
        log.exception("sockets of device %s not closed", device_id)
