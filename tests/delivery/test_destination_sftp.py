"""SFTP delivery against a real asyncssh server: pinned host key, password or key login."""

from __future__ import annotations

import asyncssh
import pytest

from tests.delivery.conftest import context, sha
from tests.standins.sftp_server import PASSWORD, USER
from workspace.delivery.destinations import DeliveryError, Target, destination_for

SFTP = destination_for("sftp")


def target(server, *, secrets=None, **settings) -> Target:
    base = {
        "host": server.host,
        "port": server.port,
        "username": USER,
        "host_key": server.host_key_line,
        "folder": ".",
    }
    return Target(
        type="sftp",
        name="Vault",
        settings=base | settings,
        secrets={"password": PASSWORD} if secrets is None else secrets,
    )


def test_when_host_key_differs_then_refused_before_login(sftp, make_upload):
    stranger = asyncssh.generate_private_key("ssh-ed25519").export_public_key().decode()
    with pytest.raises(DeliveryError) as caught:
        SFTP.deliver(target(sftp, host_key=stranger), make_upload(), context())
    assert caught.value.kind == "host_key"
    assert caught.value.retry is False
    assert sftp.login_attempts == 0  # the password never left
    assert sftp.files() == {}


def test_when_private_hosts_are_not_allowed_then_loopback_is_refused(sftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        SFTP.deliver(target(sftp), make_upload(), context(allow_private_hosts=False))
    assert caught.value.kind == "host_not_allowed"
    assert sftp.login_attempts == 0


def test_when_password_is_wrong_then_login_error_without_the_password(sftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        SFTP.deliver(target(sftp, secrets={"password": "nope-9876"}), make_upload(), context())
    assert caught.value.kind == "login"
    assert "nope-9876" not in caught.value.reason


def test_when_login_is_refused_once_then_retryable_and_second_attempt_delivers(sftp, make_upload):
    upload = make_upload(200_000)
    sftp.refuse_logins(1)
    with pytest.raises(DeliveryError) as caught:
        SFTP.deliver(target(sftp), upload, context())
    assert (caught.value.kind, caught.value.retry) == ("login", True)
    assert sftp.files() == {}

    SFTP.deliver(target(sftp), upload, context())
    assert {name: sha(data) for name, data in sftp.files().items()} == {
        upload.final_name: upload.sha256
    }


def test_when_folder_is_missing_then_not_retried(sftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        SFTP.deliver(target(sftp, folder="nowhere"), make_upload(), context())
    assert (caught.value.kind, caught.value.retry) == ("permission", False)


def test_when_delivered_with_private_key_then_intact_under_final_name(sftp, make_upload):
    (sftp.root / "calls").mkdir()
    upload = make_upload(1_000_000)
    key_only = target(sftp, secrets={"private_key": sftp.client_key_text}, folder="calls")
    where = SFTP.deliver(key_only, upload, context())
    files = sftp.files()
    assert list(files) == [f"calls/{upload.final_name}"]
    assert sha(files[f"calls/{upload.final_name}"]) == upload.sha256
    assert where.endswith(f"/calls/{upload.final_name}")


def test_when_a_copy_exists_then_it_is_replaced(sftp, make_upload):
    upload = make_upload(10_000)
    (sftp.root / upload.final_name).write_bytes(b"older attempt")
    SFTP.deliver(target(sftp), upload, context())
    assert sha(sftp.files()[upload.final_name]) == upload.sha256


def test_when_checked_then_a_test_file_is_written_and_removed(sftp):
    message = SFTP.check(target(sftp), context())
    assert "host key matches" in message
    assert sftp.files() == {}
