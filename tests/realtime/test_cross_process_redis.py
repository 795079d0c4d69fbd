"""Two real server processes share state through Redis (required on CI)."""

from __future__ import annotations

import os
import uuid

import pytest
import redis
import requests

from tests.servers import prepare_instance, running_server, server_env
from tests.support import require_service

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url() -> str:
    require_service("REDIS_URL", REDIS_URL)
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {REDIS_URL} is unreachable: {exc}")
    return REDIS_URL


def test_when_bad_logins_alternate_between_processes_then_the_shared_limit_applies(
    tmp_path, redis_url
):
    # A fresh key prefix keeps this run's counters apart from any earlier run's.
    env = server_env(
        tmp_path,
        REDIS_URL=redis_url,
        WORKSPACE_LOGIN_RATE_LIMIT="6 per minute",
        RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
    )
    prepare_instance(tmp_path, env)
    with running_server(tmp_path, env) as first, running_server(tmp_path, env) as second:
        statuses = []
        for i in range(8):
            base = first if i % 2 == 0 else second
            response = requests.post(
                f"{base}/api/v1/auth/login",
                timeout=10,
                json={"email": "x@example.com", "password": "wrong-pass"},
            )
            statuses.append(response.status_code)
    # Each process alone would allow 6; together they allow 6 in all.
    assert statuses[:6] == [401] * 6
    assert statuses[6:] == [429, 429]
