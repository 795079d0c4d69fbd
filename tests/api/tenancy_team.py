"""Tenancy cases for /team: another account's admin is not found."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.support import ApiClient

_n = iter(range(1, 10**6))


def _invite(api: ApiClient) -> int:
    body = {"email": f"tenancy{next(_n)}@example.com", "role": "admin"}
    response = api.post("/api/v1/team", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


CASES = [
    TenantResource(
        "team",
        "/api/v1/team",
        _invite,
        item_methods=("PATCH", "DELETE"),
        body=lambda: {"role": "viewer"},
    )
]
