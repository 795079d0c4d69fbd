"""Google Drive delivery against the local OAuth + Drive v3 stand-in."""

from __future__ import annotations

import pytest

from tests.delivery.conftest import context, sha
from workspace.delivery.destinations import DeliveryError, Target, destination_for

DRIVE = destination_for("google_drive")


def target(**secrets) -> Target:
    return Target(
        type="google_drive",
        name="Drive",
        settings={"client_id": "client.apps.googleusercontent.com", "folder_id": "1AbC_def"},
        secrets={"client_secret": "g-client-secret", "refresh_token": "g-refresh"} | secrets,
    )


def ctx(server, **overrides):
    return context(api_base_urls={"google": server.url, "google_oauth": server.url}, **overrides)


def test_when_refresh_token_is_revoked_then_login_error_without_secrets(google, make_upload):
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(refresh_token="revoked-token"), make_upload(), ctx(google))
    assert caught.value.kind == "login"
    assert "invalid_grant" in caught.value.reason
    assert (
        "revoked-token" not in caught.value.reason and "g-client-secret" not in caught.value.reason
    )


def test_when_host_is_private_and_not_allowed_then_refused(google, make_upload):
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), make_upload(), ctx(google, allow_private_hosts=False))
    assert caught.value.kind == "host_not_allowed"
    assert google.calls == []


def test_when_drive_is_full_then_quota(google, make_upload):
    google.quota = 1000
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), make_upload(5000), ctx(google))
    assert caught.value.kind == "quota"
    assert "storageQuotaExceeded" in caught.value.reason


def test_when_rate_limited_then_retryable_with_retry_after(google, make_upload):
    google.fail_next("/upload/drive/v3/files", 429, headers={"Retry-After": "30"}, method="POST")
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), make_upload(), ctx(google))
    assert (caught.value.kind, caught.value.retry, caught.value.retry_after) == (
        "rate_limited",
        True,
        30.0,
    )


def test_when_a_chunk_hits_a_server_error_then_retryable_and_nothing_left(google, make_upload):
    upload = make_upload(100_000)
    google.fail_next("/upload/drive/v3/files", 500, method="PUT")
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), upload, ctx(google, chunk_size=40_000))
    assert (caught.value.kind, caught.value.retry) == ("server", True)
    assert google.drive == {}

    DRIVE.deliver(target(), upload, ctx(google, chunk_size=40_000))
    assert {name: sha(data) for name, data in google.by_name().items()} == {
        upload.final_name: upload.sha256
    }


def test_when_access_token_is_rejected_then_refreshed_once_and_delivered(google, make_upload):
    upload = make_upload()
    google.fail_next("/upload/drive/v3/files", 401, method="POST")
    DRIVE.deliver(target(), upload, ctx(google))
    assert google.count("/token") == 2
    assert sha(google.by_name()[upload.final_name]) == upload.sha256


def test_when_file_spans_chunks_then_content_ranges_continue(google, make_upload):
    upload = make_upload(100_000)
    file_id = DRIVE.deliver(target(), upload, ctx(google, chunk_size=30_000)).split(":", 1)[1]
    assert google.count("/upload/drive/v3/files", "PUT") == 4
    stored = google.drive[file_id]
    assert (stored.name, stored.parents, sha(stored.data)) == (
        upload.final_name,
        ["1AbC_def"],
        upload.sha256,
    )


def test_when_delivered_then_named_final_after_upload_as_temporary(google, make_upload):
    upload = make_upload()
    DRIVE.deliver(target(), upload, ctx(google))
    assert list(google.by_name()) == [upload.final_name]
    assert google.count("/drive/v3/files/", "PATCH") == 1


def test_when_checked_then_test_file_is_written_and_removed(google):
    assert "removed" in DRIVE.check(target(), ctx(google))
    assert google.drive == {}


def test_when_the_upload_session_expired_then_retryable(google, make_upload):
    google.fail_next("/upload/drive/v3/files", 404, method="PUT")
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), make_upload(), ctx(google))
    assert (caught.value.kind, caught.value.retry) == ("server", True)
    assert "expired" in caught.value.reason


def test_when_api_rate_quota_is_exceeded_then_rate_limited_not_storage(google, make_upload):
    body = {"error": {"code": 403, "errors": [{"reason": "userRateLimitExceeded"}]}}
    google.fail_next("/upload/drive/v3/files", 403, body=body, method="POST")
    with pytest.raises(DeliveryError) as caught:
        DRIVE.deliver(target(), make_upload(), ctx(google))
    assert (caught.value.kind, caught.value.retry) == ("rate_limited", True)
