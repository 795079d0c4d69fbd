"""Which open /device sockets belong to which device, as seen from every server process.

A reset (or delete) of a device must close its socket wherever that socket is held.
Flask-SocketIO's ``disconnect(sid)`` already travels through the message queue to the
process holding the socket, but only that process knows the socket's id; so ids are kept
here: in memory with one process, in a Redis set per device when REDIS_URL is set
(``<channel>:device-sockets:<device id>``). An id left behind by a process that died is
harmless: disconnecting an unknown socket does nothing, and the next ``take`` drops it.
"""

from __future__ import annotations

import threading
from typing import Protocol

import redis


class DeviceSockets(Protocol):
    def add(self, device_id: int, sid: str) -> None: ...
    def remove(self, device_id: int, sid: str) -> None: ...
    def take(self, device_id: int) -> list[str]: ...


class MemoryDeviceSockets:
    """One process: the sockets it holds are all there are."""

    def __init__(self) -> None:
        self._devices: dict[int, set[str]] = {}
        self._lock = threading.Lock()

    def add(self, device_id: int, sid: str) -> None:
        with self._lock:
            self._devices.setdefault(device_id, set()).add(sid)

    def remove(self, device_id: int, sid: str) -> None:
        with self._lock:
            sids = self._devices.get(device_id, set())
            sids.discard(sid)
            if not sids:
                self._devices.pop(device_id, None)

    def take(self, device_id: int) -> list[str]:
        """The device's socket ids, forgotten here (their sockets are about to close)."""
        with self._lock:
            return sorted(self._devices.pop(device_id, set()))


class RedisDeviceSockets:
    """Several processes: a Redis set per device that every process adds its sockets to."""

    def __init__(self, url: str, channel: str) -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=5, decode_responses=True)
        self._prefix = f"{channel}:device-sockets"

    def _key(self, device_id: int) -> str:
        return f"{self._prefix}:{device_id}"

    def add(self, device_id: int, sid: str) -> None:
        self._redis.sadd(self._key(device_id), sid)

    def remove(self, device_id: int, sid: str) -> None:
        self._redis.srem(self._key(device_id), sid)

    def take(self, device_id: int) -> list[str]:
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.smembers(self._key(device_id))
            pipe.delete(self._key(device_id))
            sids, _ = pipe.execute()
        return sorted(sids)


_KEY = "workspace_device_sockets"


def store_for(app) -> DeviceSockets:
    """The app's device socket store, made on first use from its REDIS_URL."""
    store = app.extensions.get(_KEY)
    if store is None:
        if app.config.get("REDIS_URL"):
            store = RedisDeviceSockets(app.config["REDIS_URL"], app.config["SOCKETIO_CHANNEL"])
        else:
            store = MemoryDeviceSockets()
        store = app.extensions.setdefault(_KEY, store)  # two first connects keep one store
    return store
