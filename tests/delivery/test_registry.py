"""destination_for: one registry, every reason scrubbed of secrets, no raw exceptions out."""

from __future__ import annotations

import logging

import pytest

from tests.delivery.conftest import context
from workspace.delivery.destinations import (
    DeliveryError,
    Target,
    _Guarded,
    destination_for,
)
from workspace.delivery.destinations.dropbox import DropboxDestination

TARGET = Target(type="ftp", name="x", settings={}, secrets={"password": "hunter2-secret"})


class Leaky:
    """A destination with bugs of the kinds the wrapper exists for."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def deliver(self, target, upload, ctx):
        raise self.error

    def check(self, target, ctx):
        raise self.error


def test_when_type_is_unknown_then_key_error():
    with pytest.raises(KeyError):
        destination_for("carrier_pigeon")


def test_when_a_reason_holds_a_secret_then_it_is_scrubbed():
    leaky = _Guarded(Leaky(DeliveryError("login failed for hunter2-secret", kind="login")), "ftp")
    with pytest.raises(DeliveryError) as caught:
        leaky.check(TARGET, context())
    assert "hunter2-secret" not in caught.value.reason
    assert "hunter2-secret" not in str(caught.value)
    assert caught.value.kind == "login"


def test_when_something_unexpected_is_raised_then_delivery_error_and_no_secret_logged(caplog):
    leaky = _Guarded(Leaky(KeyError("hunter2-secret")), "ftp")
    with caplog.at_level(logging.DEBUG), pytest.raises(DeliveryError) as caught:
        leaky.check(TARGET, context())
    assert (caught.value.kind, caught.value.retry) == ("protocol", True)
    assert "KeyError" in caught.value.reason
    assert "hunter2-secret" not in caught.value.reason
    assert "hunter2-secret" not in caplog.text
    assert "KeyError" in caplog.text


@pytest.mark.parametrize("type_", ["email", "ftp", "sftp", "dropbox", "google_drive", "onedrive"])
def test_when_type_is_known_then_a_destination_with_deliver_and_check(type_):
    destination = destination_for(type_)
    assert callable(destination.deliver) and callable(destination.check)


def test_when_a_host_name_is_used_then_the_pinned_address_keeps_the_host_header(dropbox):
    by_name = dropbox.url.replace("127.0.0.1", "localhost")
    urls = {"dropbox": by_name, "dropbox_content": by_name}
    target = Target(
        type="dropbox",
        name="d",
        settings={"app_key": "app123", "folder": "/"},
        secrets={"access_token": dropbox.access_token},
    )
    with pytest.raises(DeliveryError) as caught:
        DropboxDestination().check(target, context(api_base_urls=urls, allow_private_hosts=False))
    assert caught.value.kind == "host_not_allowed"
    assert dropbox.calls == []

    DropboxDestination().check(target, context(api_base_urls=urls))
    assert dropbox.host_headers == {f"localhost:{dropbox.port}"}
