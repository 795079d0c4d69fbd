"""Dropbox delivery against the local API stand-in (request shapes are checked there)."""

from __future__ import annotations

import pytest

from tests.delivery.conftest import context, sha
from workspace.delivery.destinations import DeliveryError, Target, destination_for

DROPBOX = destination_for("dropbox")


def target(server, **secrets) -> Target:
    return Target(
        type="dropbox",
        name="Team Dropbox",
        settings={"app_key": "app123", "folder": "/Recordings/Calls"},
        secrets={
            "access_token": server.access_token,
            "refresh_token": "dbx-refresh",
            "app_secret": "dbx-app-secret",
        }
        | secrets,
    )


def ctx(server, **overrides):
    urls = {"dropbox": server.url, "dropbox_content": server.url}
    return context(api_base_urls=urls, **overrides)


def test_when_host_is_private_and_not_allowed_then_refused(dropbox, make_upload):
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox), make_upload(), ctx(dropbox, allow_private_hosts=False))
    assert (caught.value.kind, caught.value.retry) == ("host_not_allowed", False)
    assert dropbox.calls == []


def test_when_token_expired_and_cannot_refresh_then_login_error(dropbox, make_upload):
    dropbox.expire_tokens()
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox, refresh_token="revoked"), make_upload(), ctx(dropbox))
    assert caught.value.kind == "login"
    assert "revoked" not in caught.value.reason
    assert dropbox.files == {}


def test_when_rate_limited_then_retryable_with_retry_after(dropbox, make_upload):
    dropbox.fail_next("/2/files/upload", 429, headers={"Retry-After": "7"})
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox), make_upload(), ctx(dropbox))
    assert (caught.value.kind, caught.value.retry, caught.value.retry_after) == (
        "rate_limited",
        True,
        7.0,
    )
    assert "slow down" in caught.value.reason


def test_when_server_errors_then_retryable_and_no_file_under_final_name(dropbox, make_upload):
    upload = make_upload()
    dropbox.fail_next("/2/files/move_v2", 500)
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox), upload, ctx(dropbox))
    assert (caught.value.kind, caught.value.retry) == ("server", True)
    assert "HTTP 500" in caught.value.reason
    assert f"/Recordings/Calls/{upload.final_name}" not in dropbox.files

    DROPBOX.deliver(target(dropbox), upload, ctx(dropbox))
    assert list(dropbox.files) == [f"/Recordings/Calls/{upload.final_name}"]


def test_when_drive_is_full_then_quota(dropbox, make_upload):
    dropbox.quota = 10_000
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox), make_upload(20_000), ctx(dropbox))
    assert caught.value.kind == "quota"
    assert "insufficient_space" in caught.value.reason


def test_when_access_token_expired_then_refreshed_once_and_delivered(dropbox, make_upload):
    upload = make_upload()
    dropbox.expire_tokens()
    DROPBOX.deliver(target(dropbox), upload, ctx(dropbox))
    assert dropbox.count("/oauth2/token") == 1
    assert sha(dropbox.files[f"/Recordings/Calls/{upload.final_name}"]) == upload.sha256


def test_when_file_is_larger_than_a_chunk_then_upload_session_is_used(dropbox, make_upload):
    upload = make_upload(100_000, name="Überweisung_call.wav")  # non-ASCII: escaped in the header
    DROPBOX.deliver(target(dropbox), upload, ctx(dropbox, chunk_size=30_000))
    assert dropbox.count("/upload_session/start") == 1
    assert dropbox.count("/upload_session/append_v2") == 2
    assert dropbox.count("/upload_session/finish") == 1
    assert ("POST", "/2/files/upload") not in dropbox.calls  # no single-shot upload
    assert {path: sha(data) for path, data in dropbox.files.items()} == {
        f"/Recordings/Calls/{upload.final_name}": upload.sha256
    }


def test_when_delivered_then_intact_under_final_name_and_no_temp_remains(dropbox, make_upload):
    upload = make_upload()
    where = DROPBOX.deliver(target(dropbox), upload, ctx(dropbox))
    assert where == f"dropbox:/Recordings/Calls/{upload.final_name}"
    assert {path: sha(data) for path, data in dropbox.files.items()} == {
        f"/Recordings/Calls/{upload.final_name}": upload.sha256
    }
    assert dropbox.count("/2/files/move_v2") == 1


def test_when_checked_then_test_file_is_written_and_removed(dropbox):
    assert "removed" in DROPBOX.check(target(dropbox), ctx(dropbox))
    assert dropbox.files == {}
    assert dropbox.count("/2/files/delete_v2") == 1


@pytest.mark.parametrize(
    ("status", "kind", "retry"),
    [
        (403, "permission", True),
        (404, "permission", False),
        (413, "size", False),
        (400, "protocol", False),
        (502, "server", True),
        (503, "server", True),
        (507, "quota", True),
    ],
)
def test_when_service_answers_an_error_then_its_kind_follows(
    dropbox, make_upload, status, kind, retry
):
    dropbox.fail_next("/2/files/upload", status, body={"error_summary": "stand_in/"})
    with pytest.raises(DeliveryError) as caught:
        DROPBOX.deliver(target(dropbox), make_upload(), ctx(dropbox))
    assert (caught.value.kind, caught.value.retry) == (kind, retry)
    assert f"HTTP {status}" in caught.value.reason or kind == "quota"
    assert dropbox.access_token not in caught.value.reason
