"""Tenancy cases of the workspace editor: tabs, objects (and their position), cables."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_workspace import new_cable, new_object, new_tab
from tests.support import ApiClient


def _tab(api: ApiClient) -> int:
    return new_tab(api, "Tenancy")["id"]


def _object(api: ApiClient) -> int:
    return new_object(api, _tab(api), "ring_group")["id"]


def _cable(api: ApiClient) -> int:
    tab = _tab(api)
    number = new_object(api, tab, "phone_number")["id"]
    group = new_object(api, tab, "ring_group")["id"]
    return new_cable(api, number, "calls", group, "calls")["id"]


CASES = [
    TenantResource(
        "tabs",
        "/api/v1/tabs",
        _tab,
        item_methods=("GET", "PATCH", "DELETE"),
        item_path="{collection}/{id}?confirm=true",
    ),
    TenantResource("objects", "/api/v1/objects", _object, item_methods=("GET", "PATCH", "DELETE")),
    TenantResource(
        "object_position",
        "/api/v1/objects",
        _object,
        item_methods=("PATCH",),
        body=lambda: {"x": 1, "y": 2},
        item_path="{collection}/{id}/position",
    ),
    TenantResource("cables", "/api/v1/cables", _cable, item_methods=("GET", "DELETE")),
]
