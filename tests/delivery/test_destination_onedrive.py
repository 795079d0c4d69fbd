"""OneDrive delivery against the local Microsoft identity + Graph stand-in."""

from __future__ import annotations

import pytest

from tests.delivery.conftest import context, sha
from workspace.delivery.destinations import DeliveryError, Target, destination_for

ONEDRIVE = destination_for("onedrive")


def target(**secrets) -> Target:
    return Target(
        type="onedrive",
        name="OneDrive",
        settings={
            "client_id": "0b1c2d3e-0000-4000-8000-000000000000",
            "tenant": "common",
            "folder": "/Call Recordings",
        },
        secrets={"client_secret": "ms-client-secret", "refresh_token": "ms-refresh"} | secrets,
    )


def ctx(server, **overrides):
    urls = {"graph": server.url, "microsoft_login": server.url}
    return context(api_base_urls=urls, **overrides)


def test_when_client_secret_is_wrong_then_login_error_without_it(microsoft, make_upload):
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(client_secret="bad-secret-77"), make_upload(), ctx(microsoft))
    assert caught.value.kind == "login"
    assert "bad-secret-77" not in caught.value.reason


def test_when_host_is_private_and_not_allowed_then_refused(microsoft, make_upload):
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(), make_upload(), ctx(microsoft, allow_private_hosts=False))
    assert caught.value.kind == "host_not_allowed"
    assert microsoft.calls == []


def test_when_drive_is_full_then_quota(microsoft, make_upload):
    microsoft.quota = 1000
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(), make_upload(5000), ctx(microsoft))
    assert caught.value.kind == "quota"
    assert microsoft.sessions == {}  # the failed session was cancelled


def test_when_rate_limited_then_retryable_with_retry_after(microsoft, make_upload):
    microsoft.fail_next("createUploadSession", 429, headers={"Retry-After": "12"})
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(), make_upload(), ctx(microsoft))
    assert (caught.value.kind, caught.value.retry, caught.value.retry_after) == (
        "rate_limited",
        True,
        12.0,
    )


def test_when_a_piece_hits_a_server_error_then_retryable_and_nothing_left(microsoft, make_upload):
    upload = make_upload(90_000)
    microsoft.fail_next("/upload-session/", 503, method="PUT")
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(), upload, ctx(microsoft, chunk_size=40_000))
    assert (caught.value.kind, caught.value.retry) == ("server", True)
    assert microsoft.items == {} and microsoft.sessions == {}

    ONEDRIVE.deliver(target(), upload, ctx(microsoft, chunk_size=40_000))
    assert {p: sha(d) for p, d in microsoft.by_path().items()} == {
        f"Call Recordings/{upload.final_name}": upload.sha256
    }


def test_when_access_token_is_rejected_then_refreshed_once_and_delivered(microsoft, make_upload):
    upload = make_upload()
    microsoft.fail_next("createUploadSession", 401)
    ONEDRIVE.deliver(target(), upload, ctx(microsoft))
    assert microsoft.count("/oauth2/v2.0/token") == 2
    assert list(microsoft.by_path()) == [f"Call Recordings/{upload.final_name}"]


def test_when_file_spans_pieces_then_ranges_continue_without_bearer(microsoft, make_upload):
    upload = make_upload(100_000)
    ONEDRIVE.deliver(target(), upload, ctx(microsoft, chunk_size=30_000))
    assert microsoft.count("/upload-session/", "PUT") == 4
    assert {p: sha(d) for p, d in microsoft.by_path().items()} == {
        f"Call Recordings/{upload.final_name}": upload.sha256
    }


def test_when_delivered_then_temporary_item_renamed_to_final(microsoft, make_upload):
    upload = make_upload()
    ONEDRIVE.deliver(target(), upload, ctx(microsoft))
    created = [p for m, p in microsoft.calls if p.endswith("createUploadSession")]
    assert created == [
        f"/v1.0/me/drive/root:/Call Recordings/.{upload.final_name}.part:/createUploadSession"
    ]
    assert list(microsoft.by_path()) == [f"Call Recordings/{upload.final_name}"]


def test_when_checked_then_test_file_is_written_and_removed(microsoft):
    assert "removed" in ONEDRIVE.check(target(), ctx(microsoft))
    assert microsoft.items == {}


def test_when_the_upload_session_expired_then_retryable(microsoft, make_upload):
    microsoft.fail_next("/upload-session/", 404, method="PUT")
    with pytest.raises(DeliveryError) as caught:
        ONEDRIVE.deliver(target(), make_upload(), ctx(microsoft))
    assert (caught.value.kind, caught.value.retry) == ("server", True)
    assert "expired" in caught.value.reason
