"""Tenancy case for schedules (another account's Time Router naming one is in test_schedules.py)."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.support import ApiClient


def _create_schedule(api: ApiClient) -> int:
    response = api.post("/api/v1/schedules", json={"name": "Office hours", "time_zone": "UTC"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


CASES = [
    TenantResource(
        "schedules", "/api/v1/schedules", _create_schedule, item_methods=("GET", "PATCH", "DELETE")
    )
]
