"""Tenancy cases for devices and feature codes (the move endpoint is in test_devices.py)."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_devices import account_id_of, create_device, make_contact, make_sip_accounts
from tests.support import ApiClient


def _create_device(api: ApiClient) -> int:
    app, account_id = api.client.application, account_id_of(api)
    contact = make_contact(app, account_id)
    return create_device(api, contact, make_sip_accounts(app, account_id, 1))["id"]


def _create_feature_code(api: ApiClient) -> int:
    response = api.post("/api/v1/feature-codes", json={"code": "*7", "purpose": "record_on_demand"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


CASES = [
    TenantResource(
        "devices",
        "/api/v1/devices",
        _create_device,
        item_methods=("GET", "PATCH", "DELETE"),
        body=lambda: {"name": "changed"},
    ),
    TenantResource(
        "feature_codes",
        "/api/v1/feature-codes",
        _create_feature_code,
        item_methods=("GET", "PATCH", "DELETE"),
        body=lambda: {"enabled": False},
    ),
]
