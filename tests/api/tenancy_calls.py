"""Tenancy case for the call log (calls are created by the SIP server's events)."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_calls import answered_call, post_events
from tests.factories_devices import account_id_of
from tests.support import ApiClient


def _call(api: ApiClient) -> int:
    app = api.client.application
    response = post_events(api, app, answered_call(account_id_of(api)))
    assert response.status_code == 200, response.get_json()
    return api.get("/api/v1/calls").get_json()["items"][0]["id"]


CASES = [TenantResource("calls", "/api/v1/calls", _call, item_methods=("GET",))]
