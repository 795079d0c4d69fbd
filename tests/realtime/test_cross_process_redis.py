"""Two real server processes share state through Redis (required on CI)."""

from __future__ import annotations

import pytest
import requests

from tests.servers import prepare_instance, redis_env, running_server

pytestmark = pytest.mark.redis


def test_when_bad_logins_alternate_between_processes_then_the_shared_limit_applies(
    tmp_path, redis_url
):
    env = redis_env(tmp_path, redis_url, WORKSPACE_LOGIN_RATE_LIMIT="6 per minute")
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
