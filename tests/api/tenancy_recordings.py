"""Tenancy cases for recordings (item and audio); retry is checked in test_delivery_worker."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_devices import account_id_of
from tests.factories_recordings import RECORDINGS, make_recording_user, upload_recording
from tests.support import ApiClient


def _recording(api: ApiClient) -> int:
    user = make_recording_user(api.client.application, account_id_of(api))
    response = upload_recording(api, user.token)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


CASES = [
    TenantResource("recordings", RECORDINGS, _recording, item_methods=("GET",)),
    TenantResource(
        "recording_audio",
        RECORDINGS,
        _recording,
        item_methods=("GET",),
        item_path="{collection}/{id}/audio",
    ),
]
