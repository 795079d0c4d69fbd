"""FTP delivery against a real pyftpdlib server: temp name + rename, faults, the test file."""

from __future__ import annotations

import pytest

from tests.delivery.conftest import context, sha
from tests.standins.ftp_server import PASSWORD, USER
from workspace.delivery.destinations import DeliveryError, Target, destination_for

FTP = destination_for("ftp")


def target(server, **settings) -> Target:
    base = {"host": server.host, "port": server.port, "username": USER, "folder": "/", "tls": False}
    secrets = {"password": settings.pop("password", PASSWORD)}
    return Target(type="ftp", name="Archive", settings=base | settings, secrets=secrets)


def test_when_password_is_wrong_then_login_error_without_the_password(ftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(target(ftp, password="wrong-pass-123"), make_upload(), context())
    assert caught.value.kind == "login"
    assert caught.value.retry is True
    assert "wrong-pass-123" not in caught.value.reason
    assert ftp.files() == {}


def test_when_private_hosts_are_not_allowed_then_loopback_is_refused(ftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(target(ftp), make_upload(), context(allow_private_hosts=False))
    assert caught.value.kind == "host_not_allowed"
    assert caught.value.retry is False


def test_when_tls_is_on_but_server_has_none_then_password_is_not_sent(ftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(target(ftp, tls=True), make_upload(), context())
    assert (caught.value.kind, caught.value.retry) == ("protocol", False)
    assert "does not offer TLS" in caught.value.reason
    assert ftp.files() == {}


def test_when_nothing_listens_then_refused(make_upload):
    from tests.servers import free_port

    dead = Target(
        type="ftp",
        name="x",
        settings={"host": "127.0.0.1", "port": free_port(), "username": USER, "tls": False},
        secrets={"password": PASSWORD},
    )
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(dead, make_upload(), context())
    assert caught.value.kind == "refused"
    assert caught.value.retry is True


def test_when_folder_does_not_exist_then_permission_error(ftp, make_upload):
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(target(ftp, folder="/missing"), make_upload(), context())
    assert caught.value.kind == "permission"


def test_when_server_cuts_halfway_then_retryable_and_no_file_under_final_name(ftp, make_upload):
    upload = make_upload(600_000)
    ftp.cut_next(upload.size // 2)
    with pytest.raises(DeliveryError) as caught:
        FTP.deliver(target(ftp), upload, context())
    assert caught.value.retry is True
    assert caught.value.kind == "server"
    assert upload.final_name not in ftp.files()

    FTP.deliver(target(ftp), upload, context())  # the second attempt
    files = ftp.files()
    assert sha(files[upload.final_name]) == upload.sha256
    assert list(files) == [upload.final_name]  # the partial temporary file was replaced


def test_when_delivered_then_file_is_intact_under_final_name_and_no_temp_remains(ftp, make_upload):
    (ftp.root / "calls").mkdir()
    upload = make_upload(300_000)
    where = FTP.deliver(target(ftp, folder="/calls"), upload, context())
    files = ftp.files()
    assert list(files) == [f"calls/{upload.final_name}"]
    assert sha(files[f"calls/{upload.final_name}"]) == upload.sha256
    assert where == f"ftp://127.0.0.1:{ftp.port}/calls/{upload.final_name}"


def test_when_checked_then_a_test_file_is_written_and_removed(ftp):
    message = FTP.check(target(ftp), context())
    assert "removed" in message
    assert ftp.files() == {}
