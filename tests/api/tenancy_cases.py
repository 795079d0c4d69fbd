"""The tenancy matrix registry: each tenant-owned resource registers one case.

A case says how admin A creates an item and which item methods exist; the matrix in
test_tenancy.py checks that admin B gets 404 on every one and never sees A's items.
Resources register in a module `tests/api/tenancy_<resource>.py` that defines CASES;
they are collected here, so adding a resource touches no shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import ApiClient


@dataclass(frozen=True)
class TenantResource:
    name: str
    collection: str
    create: Callable[[ApiClient], int]  # as admin A; returns the new item's id
    item_methods: tuple[str, ...] = ("GET", "PATCH", "PUT", "DELETE")
    body: Callable[[], dict] = field(default=lambda: {"name": "changed"})
    item_path: str = "{collection}/{id}"

    def item_url(self, item_id: int) -> str:
        return self.item_path.format(collection=self.collection, id=item_id)


def _create_api_token(api: ApiClient) -> int:
    response = api.post("/api/v1/auth/tokens", json={"name": "tenancy"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def _collect() -> list[TenantResource]:
    found = [
        TenantResource(
            "api_tokens", "/api/v1/auth/tokens", _create_api_token, item_methods=("DELETE",)
        )
    ]
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("tenancy_") and info.name != "tenancy_cases":
            found.extend(importlib.import_module(f"tests.api.{info.name}").CASES)
    return found


RESOURCES: list[TenantResource] = _collect()
