"""Socket.IO namespace /workspace: authenticated at connect from the admin session cookie.

The server, never the client, names the rooms a socket joins. Who a socket is (account,
admin, admin session) is kept per socket id in ``CONNECTED`` from connect to disconnect, so
event handlers never trust the client to say it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import request
from flask_socketio import join_room

from workspace.auth.current import session_cookie_name, session_from_token
from workspace.extensions import db, socketio

NAMESPACE = "/workspace"


@dataclass(frozen=True)
class SocketPrincipal:
    account_id: int
    admin_id: int
    session_id: int  # the AdminSession row: events name it as their `actor`
    name: str


# Socket id -> who it is; kept in this process (a socket lives in one process).
CONNECTED: dict[str, SocketPrincipal] = {}
# Called with (sid, principal) when a socket goes; later features add to it (presence).
DISCONNECT_HOOKS: list[Callable[[str, SocketPrincipal], None]] = []


def account_room(account_id: int) -> str:
    return f"account:{account_id}"


def session_room(session_id: int) -> str:
    return f"session:{session_id}"


def socket_principal(sid: str) -> SocketPrincipal | None:
    return CONNECTED.get(sid)


@socketio.on("connect", namespace=NAMESPACE)
def _connect(auth=None):
    row = session_from_token(request.cookies.get(session_cookie_name()))
    if row is None:
        db.session.remove()
        return False  # refused: the client sees a connect_error
    admin = row.admin
    CONNECTED[request.sid] = SocketPrincipal(
        account_id=admin.account_id,
        admin_id=admin.id,
        session_id=row.id,
        name=admin.full_name or admin.email,
    )
    join_room(account_room(admin.account_id))
    join_room(session_room(row.id))  # so logout can close this socket
    db.session.remove()
    return True


@socketio.on("disconnect", namespace=NAMESPACE)
def _disconnect(reason=None):
    principal = CONNECTED.pop(request.sid, None)
    if principal is None:
        return
    for hook in DISCONNECT_HOOKS:
        hook(request.sid, principal)


def close_session_sockets(session_ids: list[int]) -> None:
    """After logout (or sessions revoked): tell those sockets and disconnect them.

    Sockets of this process are disconnected here; the event also goes to each session's
    room through the message queue, so clients on other processes hear it and leave.
    """
    ended = set(session_ids)
    for session_id in ended:
        socketio.emit("session.ended", {}, to=session_room(session_id), namespace=NAMESPACE)
    for sid, principal in list(CONNECTED.items()):
        if principal.session_id in ended:
            socketio.server.disconnect(sid, namespace=NAMESPACE)
