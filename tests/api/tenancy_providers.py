"""Tenancy cases: providers, SIP accounts, phone numbers and internal numbers."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_providers import (
    INTERNAL_NUMBERS,
    PHONE_NUMBERS,
    PROVIDERS,
    SIP_ACCOUNTS,
    make_internal_number,
    make_phone_number,
    make_provider,
    make_sip_account,
)

ITEM_METHODS = ("GET", "PATCH", "DELETE")

CASES = [
    TenantResource(
        "providers",
        PROVIDERS,
        lambda api: make_provider(api)["id"],
        item_methods=ITEM_METHODS,
        body=lambda: {"name": "changed"},
    ),
    TenantResource(
        "sip_accounts",
        SIP_ACCOUNTS,
        lambda api: make_sip_account(api, password="s3cret")["id"],
        item_methods=ITEM_METHODS,
        body=lambda: {"username": "changed", "password": "changed"},
    ),
    TenantResource(
        "phone_numbers",
        PHONE_NUMBERS,
        lambda api: make_phone_number(api)["id"],
        item_methods=ITEM_METHODS,
        body=lambda: {"label": "changed"},
    ),
    TenantResource(
        "internal_numbers",
        INTERNAL_NUMBERS,
        lambda api: make_internal_number(api)["id"],
        item_methods=ITEM_METHODS,
        body=lambda: {"number": "999"},
    ),
]
