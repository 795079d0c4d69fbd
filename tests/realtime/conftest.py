"""Fixtures of the realtime tests: the Redis that cross-process tests share."""

from __future__ import annotations

import os

import pytest
import redis

from tests.support import require_service


@pytest.fixture
def redis_url() -> str:
    """REDIS_URL, reachable; skipped locally without it, failed on CI."""
    url = os.environ.get("REDIS_URL", "")
    require_service("REDIS_URL", url)
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {url} is unreachable: {exc}")
    return url
