"""Tenancy cases for audio files (item and content) and delivery methods."""

from __future__ import annotations

from tests.api.tenancy_cases import TenantResource
from tests.factories_audio_delivery import AUDIO, DELIVERY, create_audio, create_delivery
from tests.support import ApiClient


def _audio(api: ApiClient) -> int:
    return create_audio(api)["id"]


def _delivery(api: ApiClient) -> int:
    return create_delivery(api, "sftp")["id"]


CASES = [
    TenantResource("audio_files", AUDIO, _audio, item_methods=("GET", "PATCH", "DELETE")),
    TenantResource(
        "audio_file_content",
        AUDIO,
        _audio,
        item_methods=("GET",),
        item_path="{collection}/{id}/content",
    ),
    TenantResource(
        "delivery_methods",
        DELIVERY,
        _delivery,
        item_methods=("GET", "PATCH", "DELETE"),
        body=lambda: {"name": "changed", "settings": {"port": 2222}},
    ),
]
