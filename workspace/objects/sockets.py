"""The workspace editor on Socket.IO /workspace: joining a tab, presence, drag and cursor relays.

A client asks to ``join_tab`` {tab_id}; the server checks the tab is of the socket's account
and joins the room it names itself (``account:{a}:tab:{t}``). A socket is on one tab at a
time. ``presence`` {tab_id, admins: [{admin_id, name, actor}]} goes to the tab's room when
someone joins or leaves. ``drag`` {object_id, x, y} and ``cursor`` {x, y} are relayed to the
others on the tab as they come, never written: the position is saved by
PATCH /objects/{id}/position when the drag ends.

Presence is kept by ``presence.py``: in memory with one process, in Redis when REDIS_URL
is set, so every process reports every admin on the tab.
"""

from __future__ import annotations

import math
import threading
from typing import Any

from flask import current_app, request
from flask_socketio import join_room, leave_room

from workspace.auth.current import session_cookie_name, session_from_token
from workspace.auth.sockets import (
    DISCONNECT_HOOKS,
    NAMESPACE,
    SocketPrincipal,
    socket_principal,
)
from workspace.extensions import db, socketio
from workspace.objects.events import tab_room
from workspace.objects.models import Tab
from workspace.objects.presence import store_for
from workspace.objects.schemas import MAX_ID
from workspace.objects.state import read_state

# Socket id -> (account, tab) it is on; a socket lives in this process.
_ON_TAB: dict[str, tuple[int, int]] = {}
_LOCK = threading.Lock()


def presence(account_id: int, tab_id: int) -> dict[str, Any]:
    members = store_for(current_app).members((account_id, tab_id))
    seen = {(p.admin_id, p.session_id): p for p in members}
    admins = [
        {"admin_id": p.admin_id, "name": p.name, "actor": p.session_id}
        for p in sorted(seen.values(), key=lambda p: (p.name, p.session_id))
    ]
    return {"tab_id": tab_id, "admins": admins}


def _send_presence(account_id: int, tab_id: int, skip_sid: str | None = None) -> None:
    socketio.emit(
        "presence",
        presence(account_id, tab_id),
        namespace=NAMESPACE,
        to=tab_room(account_id, tab_id),
        skip_sid=skip_sid,
    )


def _leave(sid: str) -> None:
    with _LOCK:
        where = _ON_TAB.pop(sid, None)
    if where is not None:
        store_for(current_app).remove(where, sid)
        leave_room(tab_room(*where), sid=sid, namespace=NAMESPACE)
        _send_presence(*where, skip_sid=sid)


def _on_disconnect(sid: str, principal: SocketPrincipal) -> None:
    _leave(sid)


DISCONNECT_HOOKS.append(_on_disconnect)


def _refused(message: str) -> dict[str, Any]:
    return {"ok": False, "error": message}


def _tab_of_account(tab_id: int, principal: SocketPrincipal) -> bool:
    """The tab is the account's, and the admin session behind the socket is still valid."""
    try:
        session = session_from_token(request.cookies.get(session_cookie_name()))
        tab = db.session.get(Tab, tab_id)
        return (
            session is not None
            and session.id == principal.session_id
            and tab is not None
            and tab.account_id == principal.account_id
        )
    finally:
        db.session.remove()


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _coordinate(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and abs(value) <= 1_000_000 else None


@socketio.on("join_tab", namespace=NAMESPACE)
def _join_tab(data=None):
    """Ack: {ok, tab_id, actor, draft_version, presence} or {ok: false, error}."""
    principal = socket_principal(request.sid)
    if principal is None:
        return _refused("Please log in.")
    tab_id = _int(data.get("tab_id")) if isinstance(data, dict) else None
    if tab_id is None or not 0 < tab_id <= MAX_ID:
        return _refused("tab_id must be an integer.")
    if not _tab_of_account(tab_id, principal):
        return _refused(f"Tab {tab_id} not found.")
    _leave(request.sid)
    join_room(tab_room(principal.account_id, tab_id))
    where = (principal.account_id, tab_id)
    with _LOCK:
        _ON_TAB[request.sid] = where
    store_for(current_app).add(where, request.sid, principal)
    try:
        draft_version = read_state(principal.account_id)["draft_version"]
    finally:
        db.session.remove()
    _send_presence(principal.account_id, tab_id)
    return {
        "ok": True,
        "tab_id": tab_id,
        "actor": principal.session_id,
        "draft_version": draft_version,
        "presence": presence(principal.account_id, tab_id),
    }


@socketio.on("leave_tab", namespace=NAMESPACE)
def _leave_tab(data=None):
    _leave(request.sid)
    return {"ok": True}


def _relay(event: str, payload: dict[str, Any]) -> None:
    where = _ON_TAB.get(request.sid)
    principal = socket_principal(request.sid)
    if where is None or principal is None:
        return
    socketio.emit(
        event,
        {**payload, "actor": principal.session_id, "admin_id": principal.admin_id},
        namespace=NAMESPACE,
        to=tab_room(*where),
        skip_sid=request.sid,
    )


@socketio.on("drag", namespace=NAMESPACE)
def _drag(data=None):
    """Relay a dragged object's position to the others on the tab (no write, no ack)."""
    if not isinstance(data, dict):
        return
    object_id, x, y = (
        _int(data.get("object_id")),
        _coordinate(data.get("x")),
        _coordinate(data.get("y")),
    )
    if object_id is not None and x is not None and y is not None:
        _relay("drag", {"object_id": object_id, "x": x, "y": y})


@socketio.on("cursor", namespace=NAMESPACE)
def _cursor(data=None):
    """Relay the admin's pointer on the canvas to the others on the tab."""
    if not isinstance(data, dict):
        return
    x, y = _coordinate(data.get("x")), _coordinate(data.get("y"))
    if x is not None and y is not None:
        principal = socket_principal(request.sid)
        _relay("cursor", {"x": x, "y": y, "name": principal.name if principal else ""})
