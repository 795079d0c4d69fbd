"""Email delivery through a real aiosmtpd server: attachment intact, size limit, drops."""

from __future__ import annotations

import email
import email.policy

import pytest

from tests.delivery.conftest import context, sha
from tests.servers import free_port
from tests.standins.smtp_server import smtp_server
from workspace.delivery.destinations import DeliveryError, Target, destination_for

EMAIL = destination_for("email")
TARGET = Target(
    type="email",
    name="Boss inbox",
    settings={"addresses": ["rec@example.com", "boss@example.org"]},
    secrets={},
)


def mail_context(port: int, **mail):
    settings = {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": port,
        "MAIL_FROM": "Callflow <no-reply@callflow.test>",
        "MAIL_MAX_BYTES": 10 * 1024 * 1024,
    }
    return context(mail=settings | mail)


def attachments(message):
    return [part for part in message.walk() if part.get_filename()]


def test_when_message_would_exceed_the_limit_then_size_error_and_nothing_sent(make_upload):
    with smtp_server() as (mailbox, port):
        upload = make_upload(200_000)
        with pytest.raises(DeliveryError) as caught:
            EMAIL.deliver(TARGET, upload, mail_context(port, MAIL_MAX_BYTES=150_000))
        assert (caught.value.kind, caught.value.retry) == ("size", False)
        assert "mail size limit" in caught.value.reason
        assert "146 KB" in caught.value.reason  # the limit, in words an admin reads
        assert mailbox.messages == []


def test_when_no_mail_server_is_configured_then_not_retried(make_upload):
    with pytest.raises(DeliveryError) as caught:
        EMAIL.deliver(TARGET, make_upload(), context(mail={"MAIL_SERVER": ""}))
    assert caught.value.retry is False
    assert "MAIL_SERVER" in caught.value.reason


def test_when_outbox_cannot_be_written_then_retryable_error(make_upload, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    mail = {"MAIL_SERVER": "", "MAIL_OUTBOX_DIR": str(blocker / "outbox")}
    with pytest.raises(DeliveryError) as caught:
        EMAIL.deliver(TARGET, make_upload(), context(mail=mail))
    assert caught.value.retry is True and "outbox" in caught.value.reason


def test_when_only_a_mail_outbox_is_set_then_the_message_is_saved_there(make_upload, tmp_path):
    upload = make_upload(5000)
    outbox = tmp_path / "outbox"
    EMAIL.deliver(TARGET, upload, context(mail={"MAIL_SERVER": "", "MAIL_OUTBOX_DIR": outbox}))
    (saved,) = outbox.glob("*.eml")
    message = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert message["To"] == "rec@example.com, boss@example.org"
    (attached,) = attachments(message)
    assert attached.get_filename() == upload.final_name
    assert sha(attached.get_payload(decode=True)) == upload.sha256
    assert not list(outbox.glob(".*"))


def test_when_nothing_listens_then_refused(make_upload):
    with pytest.raises(DeliveryError) as caught:
        EMAIL.deliver(TARGET, make_upload(), mail_context(free_port()))
    assert (caught.value.kind, caught.value.retry) == ("refused", True)


def test_when_server_drops_during_data_then_retryable_and_second_attempt_delivers(make_upload):
    with smtp_server() as (mailbox, port):
        upload = make_upload(80_000)
        mailbox.drop_next()
        with pytest.raises(DeliveryError) as caught:
            EMAIL.deliver(TARGET, upload, mail_context(port))
        assert (caught.value.kind, caught.value.retry) == ("server", True)
        assert mailbox.dropped == 1 and mailbox.messages == []

        EMAIL.deliver(TARGET, upload, mail_context(port))
        message = mailbox.wait_for("boss@example.org")
        (attached,) = attachments(message)
        assert sha(attached.get_payload(decode=True)) == upload.sha256


def test_when_delivered_then_recording_is_attached_under_its_final_name(make_upload):
    with smtp_server() as (mailbox, port):
        upload = make_upload(120_000)
        where = EMAIL.deliver(TARGET, upload, mail_context(port))
        message = mailbox.wait_for("rec@example.com")
        (attached,) = attachments(message)
        assert attached.get_filename() == upload.final_name
        assert attached.get_content_type() == "audio/wav"
        assert sha(attached.get_payload(decode=True)) == upload.sha256
        assert message["Subject"] == f"Call recording: {upload.summary}"
        assert where == "email:rec@example.com, boss@example.org"


def test_when_checked_then_a_test_message_is_sent(make_upload):
    with smtp_server() as (mailbox, port):
        message_text = EMAIL.check(TARGET, mail_context(port))
        message = mailbox.wait_for("boss@example.org")
        assert "test" in message["Subject"]
        assert "rec@example.com" in message_text
