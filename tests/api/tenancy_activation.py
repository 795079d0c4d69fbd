"""Tenancy cases for a device's activation (send and reset: test_activation.py)."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.api.tenancy_devices import _create_device

CASES = [
    TenantResource(
        f"device_activation{suffix.replace('/', '_').replace('.', '_')}",
        "/api/v1/devices",
        _create_device,
        item_methods=("GET",),
        item_path="{collection}/{id}/activation" + suffix,
    )
    for suffix in ("", "/qr.svg", "/qr.png")
]
