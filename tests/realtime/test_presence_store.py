"""Presence stores: memory for one process, Redis for several (required on CI)."""

from __future__ import annotations

import json
import time
import uuid

import redis

from workspace.auth.sockets import SocketPrincipal
from workspace.objects.presence import STALE_SECONDS, MemoryPresence, RedisPresence

ADA = SocketPrincipal(account_id=1, admin_id=7, session_id=70, name="Ada")
GRACE = SocketPrincipal(account_id=1, admin_id=8, session_id=80, name="Grace")
TAB = (1, 5)


def test_when_a_socket_leaves_memory_presence_then_its_tab_is_forgotten():
    store = MemoryPresence()
    store.add(TAB, "sid-1", ADA)
    store.remove(TAB, "sid-1")
    assert store.members(TAB) == [] and store.snapshot() == {}


def test_when_a_process_died_then_its_stale_entries_are_ignored_and_swept(redis_url):
    channel = f"test-{uuid.uuid4().hex}"
    alive, dead = RedisPresence(redis_url, channel), RedisPresence(redis_url, channel)
    alive.add(TAB, "sid-a", ADA)
    dead.add(TAB, "sid-g", GRACE)
    assert {p.name for p in alive.members(TAB)} == {"Ada", "Grace"}
    # The dead process stops vouching: age its entry beyond STALE_SECONDS.
    client = redis.Redis.from_url(redis_url)
    key = f"{channel}:presence:1:5"
    field = next(f for f in client.hkeys(key) if f.endswith(b":sid-g"))
    entry = json.loads(client.hget(key, field))
    entry["seen"] = time.time() - STALE_SECONDS - 1
    client.hset(key, field, json.dumps(entry))
    try:
        assert [p.name for p in alive.members(TAB)] == ["Ada"]
        assert client.hexists(key, field) is False
        alive.refresh()  # a live process re-vouching keeps its own entry fresh
        assert [p.name for p in dead.members(TAB)] == ["Ada"]
    finally:
        client.delete(key)
