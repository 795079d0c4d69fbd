"""Who is on which workspace tab: in this process's memory, or shared through Redis.

With one server process (embedded mode) a dict is enough. With several processes behind a
proxy (REDIS_URL set) each one holds only its own sockets, so presence lives in Redis: one
hash per tab, ``<channel>:presence:<account>:<tab>``, a field per socket
(``<process>:<sid>``) whose value says who it is and when this process last vouched for
it. A process re-vouches for its sockets every ``REFRESH_SECONDS``; entries older than
``STALE_SECONDS`` (a process that died without saying goodbye) are ignored and swept, so
a crashed server's admins leave the avatars within a minute.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from typing import Any, Protocol

import redis

from workspace.auth.sockets import SocketPrincipal

log = logging.getLogger(__name__)

REFRESH_SECONDS = 20
STALE_SECONDS = 60

Where = tuple[int, int]  # (account id, tab id)


class PresenceStore(Protocol):
    def add(self, where: Where, sid: str, principal: SocketPrincipal) -> None: ...
    def remove(self, where: Where, sid: str) -> None: ...
    def members(self, where: Where) -> list[SocketPrincipal]: ...


class MemoryPresence:
    """One process: the sockets it holds are everyone."""

    def __init__(self) -> None:
        self._tabs: dict[Where, dict[str, SocketPrincipal]] = {}
        self._lock = threading.Lock()

    def add(self, where: Where, sid: str, principal: SocketPrincipal) -> None:
        with self._lock:
            self._tabs.setdefault(where, {})[sid] = principal

    def remove(self, where: Where, sid: str) -> None:
        with self._lock:
            room = self._tabs.get(where, {})
            room.pop(sid, None)
            if not room:
                self._tabs.pop(where, None)

    def members(self, where: Where) -> list[SocketPrincipal]:
        with self._lock:
            return list(self._tabs.get(where, {}).values())

    def snapshot(self) -> dict[Where, dict[str, SocketPrincipal]]:
        with self._lock:
            return {where: dict(room) for where, room in self._tabs.items()}


class RedisPresence:
    """Several processes: a Redis hash per tab, refreshed by each process for its sockets."""

    def __init__(self, url: str, channel: str, *, start_refresher: Any = None) -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=5)
        self._prefix = f"{channel}:presence"
        self._process = uuid.uuid4().hex[:12]
        self._local = MemoryPresence()  # this process's sockets, to re-vouch for
        self._start_refresher = start_refresher
        self._refreshing = False
        self._lock = threading.Lock()

    def _key(self, where: Where) -> str:
        return f"{self._prefix}:{where[0]}:{where[1]}"

    def _field(self, sid: str) -> str:
        return f"{self._process}:{sid}"

    @staticmethod
    def _value(principal: SocketPrincipal) -> str:
        return json.dumps(
            {
                "account_id": principal.account_id,
                "admin_id": principal.admin_id,
                "session_id": principal.session_id,
                "name": principal.name,
                "seen": time.time(),
            }
        )

    def add(self, where: Where, sid: str, principal: SocketPrincipal) -> None:
        self._local.add(where, sid, principal)
        self._redis.hset(self._key(where), self._field(sid), self._value(principal))
        self._ensure_refresher()

    def remove(self, where: Where, sid: str) -> None:
        self._local.remove(where, sid)
        self._redis.hdel(self._key(where), self._field(sid))

    def members(self, where: Where) -> list[SocketPrincipal]:
        key = self._key(where)
        oldest = time.time() - STALE_SECONDS
        members, stale = [], []
        for field, raw in self._redis.hgetall(key).items():
            entry = json.loads(raw)
            if entry.get("seen", 0) < oldest:
                stale.append(field)
                continue
            members.append(
                SocketPrincipal(
                    account_id=entry["account_id"],
                    admin_id=entry["admin_id"],
                    session_id=entry["session_id"],
                    name=entry["name"],
                )
            )
        if stale:
            self._redis.hdel(key, *stale)
        return members

    def refresh(self) -> None:
        """Re-vouch for every socket this process holds."""
        for where, room in self._local.snapshot().items():
            if room:
                self._redis.hset(
                    self._key(where),
                    mapping={self._field(sid): self._value(p) for sid, p in room.items()},
                )

    def _ensure_refresher(self) -> None:
        with self._lock:
            if self._refreshing or self._start_refresher is None:
                return
            self._refreshing = True
        self._start_refresher(self._refresh_forever)

    def _refresh_forever(self) -> None:
        while True:
            time.sleep(REFRESH_SECONDS)
            try:
                self.refresh()
            except redis.RedisError:
                log.warning("presence refresh failed; retrying in %s s", REFRESH_SECONDS)


def store_for(app) -> PresenceStore:
    """The app's presence store, made on first use from its REDIS_URL."""
    store = app.extensions.get("workspace_presence")
    if store is None:
        from workspace.extensions import socketio

        if app.config.get("REDIS_URL"):
            store = RedisPresence(
                app.config["REDIS_URL"],
                app.config["SOCKETIO_CHANNEL"],
                start_refresher=socketio.start_background_task,
            )
        else:
            store = MemoryPresence()
        app.extensions["workspace_presence"] = store
    return store
