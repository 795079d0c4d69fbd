"""Socket.IO namespace /workspace: authenticated at connect from the admin session cookie.

The server, never the client, names the rooms a socket joins.
"""

from __future__ import annotations

from flask import request
from flask_socketio import join_room

from workspace.auth.current import session_cookie_name, session_from_token
from workspace.extensions import db, socketio

NAMESPACE = "/workspace"


def account_room(account_id: int) -> str:
    return f"account:{account_id}"


def session_room(session_id: int) -> str:
    return f"session:{session_id}"


@socketio.on("connect", namespace=NAMESPACE)
def _connect(auth=None):
    row = session_from_token(request.cookies.get(session_cookie_name()))
    if row is None:
        db.session.remove()
        return False  # refused: the client sees a connect_error
    join_room(account_room(row.admin.account_id))
    join_room(session_room(row.id))  # so logout can close this socket
    db.session.remove()
    return True
