"""The delivery worker in process: leases, backoff, dead jobs, retry, retention, events.

Destinations are reached through the worker's `resolve_destination` seam: a small stand-in
that fails as told and then keeps what it was given, so the tests count deliveries. The
email test at the end goes through the real email destination and a real SMTP server.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.factories_audio_delivery import wav_bytes
from tests.factories_recordings import (
    RECORDINGS,
    make_email_method,
    make_recording_user,
    recording_files,
    upload_recording,
)
from tests.mailbox import smtp_server
from tests.support import etag
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.database import utcnow
from workspace.delivery.destinations.base import DeliveryError
from workspace.delivery.models import DeliveryJob, Recording
from workspace.delivery.retention import sweep_delivered_files
from workspace.delivery.worker import claim_next, deliver_claim, run_once
from workspace.extensions import db, socketio

BASE = 0.4  # backoff base for these tests, seconds


class StandIn:
    """A destination that raises the queued errors first, then keeps each file it gets."""

    def __init__(self, *failures: DeliveryError) -> None:
        self.failures = list(failures)
        self.delivered: list[tuple[str, bytes]] = []

    def deliver(self, target, upload, ctx) -> str:
        if self.failures:
            raise self.failures.pop(0)
        self.delivered.append((upload.final_name, upload.path.read_bytes()))
        return f"standin:/{upload.final_name}"

    def resolve(self, type_: str) -> StandIn:
        assert type_ == "email"
        return self


@pytest.fixture
def setup(app, admin, admin_client):
    app.config.update(DELIVERY_BACKOFF_BASE=BASE, DELIVERY_BACKOFF_MAX=60, DELIVERY_MAX_ATTEMPTS=5)
    return make_recording_user(app, admin["account_id"])


def _upload(admin_client, setup, content: bytes | None = None) -> int:
    response = upload_recording(admin_client, setup.token, content)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def _turn(app, worker: str = "w1", resolve=None) -> bool:
    with app.app_context():
        try:
            return run_once(worker, resolve)
        finally:
            db.session.remove()


def _job(app, recording_id: int) -> DeliveryJob:
    with app.app_context():
        job = db.session.execute(
            db.select(DeliveryJob).where(DeliveryJob.recording_id == recording_id)
        ).scalar_one()
        db.session.expunge(job)
        return job


def _get(admin_client, recording_id: int) -> dict:
    response = admin_client.get(f"{RECORDINGS}/{recording_id}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _wait_until_due(app, recording_id: int) -> None:
    due = _job(app, recording_id).next_attempt_at
    time.sleep(max(0.0, (due - utcnow()).total_seconds()) + 0.01)


# --- failures first ------------------------------------------------------------------------


def test_when_nothing_is_due_then_a_turn_does_nothing(app, setup):
    assert _turn(app, resolve=StandIn().resolve) is False


def test_when_destination_fails_then_backoff_doubles_and_delivery_happens_once(
    app, admin_client, setup
):
    stand_in = StandIn(
        DeliveryError("The FTP server did not answer in time.", kind="timeout"),
        DeliveryError("The FTP server refused the connection.", kind="refused"),
    )
    content = wav_bytes(seconds=0.25)
    rid = _upload(admin_client, setup, content)

    before = utcnow()
    assert _turn(app, resolve=stand_in.resolve)
    first = _job(app, rid)
    assert _get(admin_client, rid)["status"] == "failed"
    assert first.attempts == 1 and first.last_error_kind == "timeout"
    assert BASE / 2 <= (first.next_attempt_at - before).total_seconds() <= BASE + 0.5
    assert _turn(app, resolve=stand_in.resolve) is False  # not due yet: backoff holds

    _wait_until_due(app, rid)
    before = utcnow()
    assert _turn(app, resolve=stand_in.resolve)
    second = _job(app, rid)
    assert second.attempts == 2 and second.last_error == "The FTP server refused the connection."
    assert BASE <= (second.next_attempt_at - before).total_seconds() <= 2 * BASE + 0.5

    _wait_until_due(app, rid)
    assert _turn(app, resolve=stand_in.resolve)
    assert _turn(app, resolve=stand_in.resolve) is False
    body = _get(admin_client, rid)
    assert stand_in.delivered == [(body["file_name"], content)]
    assert body["status"] == "delivered" and body["delivery"]["attempts"] == 3
    assert body["delivery"]["remote_location"] == f"standin:/{body['file_name']}"
    assert body["delivery"]["last_error"] is None and body["delivery"]["delivered_at"]
    assert body["audio_url"] is None and recording_files(app) == []  # removed once delivered
    assert admin_client.get(f"{RECORDINGS}/{rid}/audio").status_code == 404


def test_when_attempts_are_used_up_then_dead_with_the_reason_in_the_api(app, admin_client, setup):
    app.config["DELIVERY_MAX_ATTEMPTS"] = 2
    reason = "Login refused by ftp.example.com: check the user name and password."
    stand_in = StandIn(*[DeliveryError(reason, kind="login") for _ in range(5)])
    rid = _upload(admin_client, setup)
    assert _turn(app, resolve=stand_in.resolve)
    _wait_until_due(app, rid)
    assert _turn(app, resolve=stand_in.resolve)
    body = _get(admin_client, rid)
    assert body["status"] == "dead"
    assert body["delivery"]["last_error"] == reason
    assert body["delivery"]["last_error_kind"] == "login"
    assert (body["delivery"]["attempts"], body["delivery"]["max_attempts"]) == (2, 2)
    assert body["delivery"]["next_attempt_at"] is None
    assert body["audio_url"] and len(recording_files(app)) == 1  # kept for a retry
    assert _turn(app, resolve=stand_in.resolve) is False
    assert stand_in.delivered == []


def test_when_error_says_no_retry_then_dead_after_one_attempt(app, admin_client, setup):
    stand_in = StandIn(DeliveryError("The file is over the mail limit.", kind="size", retry=False))
    rid = _upload(admin_client, setup)
    assert _turn(app, resolve=stand_in.resolve)
    body = _get(admin_client, rid)
    assert body["status"] == "dead" and body["delivery"]["attempts"] == 1
    assert body["delivery"]["last_error"] == "The file is over the mail limit."


def test_when_retry_after_is_asked_then_next_attempt_waits_at_least_that(app, admin_client, setup):
    stand_in = StandIn(DeliveryError("Slow down.", kind="rate_limited", retry_after=120))
    rid = _upload(admin_client, setup)
    before = utcnow()
    _turn(app, resolve=stand_in.resolve)
    assert (_job(app, rid).next_attempt_at - before).total_seconds() >= 120


def test_when_destination_raises_unexpectedly_then_failed_without_its_text(
    app, admin_client, setup
):
    class Broken:
        def deliver(self, target, upload, ctx):
            raise RuntimeError("https://user:CANARY-pass@host/")

    rid = _upload(admin_client, setup)
    assert _turn(app, resolve=lambda _type: Broken())
    body = _get(admin_client, rid)
    assert body["status"] == "failed"
    assert "CANARY" not in str(body) and "unexpectedly" in body["delivery"]["last_error"]


def test_when_delivery_method_was_deleted_then_dead_and_retry_takes_the_current_one(
    app, admin_client, setup
):
    rid = _upload(admin_client, setup)
    with app.app_context():
        db.session.execute(sa.update(CallCenterSettings).values(delivery_method_id=None))
        db.session.execute(sa.delete(DeliveryMethod))
        db.session.commit()
    stand_in = StandIn()
    assert _turn(app, resolve=stand_in.resolve)
    body = _get(admin_client, rid)
    assert (
        body["status"] == "dead" and "delivery method was deleted" in body["delivery"]["last_error"]
    )
    assert body["delivery"]["method"] is None

    refused = admin_client.post(f"{RECORDINGS}/{rid}/retry", headers=etag(body["version"]))
    assert refused.status_code == 409 and "no delivery method" in refused.get_json()["message"]

    new_method = make_email_method(app, setup.account_id)
    with app.app_context():
        db.session.execute(sa.update(CallCenterSettings).values(delivery_method_id=new_method))
        db.session.commit()
    retried = admin_client.post(f"{RECORDINGS}/{rid}/retry", headers=etag(body["version"]))
    assert retried.status_code == 200, retried.get_json()
    assert retried.get_json()["delivery"]["method"]["id"] == new_method
    assert _turn(app, resolve=stand_in.resolve)
    assert _get(admin_client, rid)["status"] == "delivered" and len(stand_in.delivered) == 1


def test_when_file_is_gone_then_dead_with_reason(app, admin_client, setup):
    rid = _upload(admin_client, setup)
    for path in recording_files(app):
        path.unlink()
    assert _turn(app, resolve=StandIn().resolve)
    body = _get(admin_client, rid)
    assert body["status"] == "dead" and "no longer on this server" in body["delivery"]["last_error"]


# --- retry ---------------------------------------------------------------------------------


def _dead(app, admin_client, setup) -> dict:
    app.config["DELIVERY_MAX_ATTEMPTS"] = 1
    rid = _upload(admin_client, setup)
    _turn(app, resolve=StandIn(DeliveryError("Host unreachable.", kind="refused")).resolve)
    body = _get(admin_client, rid)
    assert body["status"] == "dead"
    return body


def test_when_retry_without_if_match_then_428_and_unchanged(app, admin_client, setup):
    body = _dead(app, admin_client, setup)
    response = admin_client.post(f"{RECORDINGS}/{body['id']}/retry")
    assert response.status_code == 428
    assert _get(admin_client, body["id"])["status"] == "dead"


def test_when_retry_with_stale_version_then_412(app, admin_client, setup):
    body = _dead(app, admin_client, setup)
    response = admin_client.post(
        f"{RECORDINGS}/{body['id']}/retry", headers=etag(body["version"] - 1)
    )
    assert response.status_code == 412
    assert _get(admin_client, body["id"])["status"] == "dead"


def test_when_retry_of_queued_or_unknown_then_409_or_404(app, admin_client, setup):
    rid = _upload(admin_client, setup)
    queued = _get(admin_client, rid)
    response = admin_client.post(f"{RECORDINGS}/{rid}/retry", headers=etag(queued["version"]))
    assert response.status_code == 409
    assert admin_client.post(f"{RECORDINGS}/99999/retry", headers=etag(1)).status_code == 404
    assert admin_client.post(f"{RECORDINGS}/{2**40}/retry", headers=etag(1)).status_code == 404


def test_when_retry_without_csrf_then_403(app, admin_client, setup):
    body = _dead(app, admin_client, setup)
    response = admin_client.post(
        f"{RECORDINGS}/{body['id']}/retry", csrf=False, headers=etag(body["version"])
    )
    assert response.status_code == 403


def test_when_dead_is_retried_then_queued_with_fresh_attempts_and_delivered(
    app, admin_client, setup
):
    body = _dead(app, admin_client, setup)
    response = admin_client.post(f"{RECORDINGS}/{body['id']}/retry", headers=etag(body["version"]))
    assert response.status_code == 200, response.get_json()
    retried = response.get_json()
    assert retried["status"] == "queued" and retried["delivery"]["attempts"] == 0
    assert response.headers["ETag"] == f'"{retried["version"]}"'
    stand_in = StandIn()
    assert _turn(app, resolve=stand_in.resolve)
    assert _get(admin_client, body["id"])["status"] == "delivered"
    assert len(stand_in.delivered) == 1


# --- leases --------------------------------------------------------------------------------


def test_when_lease_is_live_then_no_other_worker_takes_the_job(app, admin_client, setup):
    _upload(admin_client, setup)
    with app.app_context():
        first = claim_next("w1")
        second = claim_next("w2")
        db.session.remove()
    assert first is not None and second is None


def test_when_lease_ran_out_then_job_is_taken_again_and_only_the_holder_marks_it(
    app, admin_client, setup
):
    rid = _upload(admin_client, setup)
    stand_in = StandIn()
    with app.app_context():
        stale = claim_next("w1")
        assert _get(admin_client, rid)["status"] == "delivering"
        # w1 stalls past its lease (as a SIGKILLed worker would); w2 takes the job over.
        db.session.execute(
            sa.update(DeliveryJob).values(locked_until=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        fresh = claim_next("w2")
        assert fresh is not None and fresh.job_id == stale.job_id and fresh.attempt == 2
        assert deliver_claim(stale, "w1", stand_in.resolve) == "delivering"  # not its job now
        assert _get(admin_client, rid)["status"] == "delivering"
        assert deliver_claim(fresh, "w2", stand_in.resolve) == "delivered"
        db.session.remove()
    assert _get(admin_client, rid)["status"] == "delivered"
    assert _turn(app, "w3", stand_in.resolve) is False


def test_when_delivery_outlasts_the_lease_then_the_lease_is_renewed_meanwhile(
    app, admin_client, setup
):
    app.config["DELIVERY_LEASE_SECONDS"] = 0.6
    rid = _upload(admin_client, setup)
    started = threading.Event()

    class Slow(StandIn):
        def deliver(self, target, upload, ctx) -> str:
            started.set()
            time.sleep(1.8)  # three leases long
            return super().deliver(target, upload, ctx)

    slow = Slow()
    outcome: list[str] = []

    def work() -> None:
        with app.app_context():
            claim = claim_next("w1")
            outcome.append(deliver_claim(claim, "w1", slow.resolve))
            db.session.remove()

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(10)
    time.sleep(1.0)  # past the first lease
    with app.app_context():
        assert claim_next("w2") is None
        db.session.remove()
    thread.join(10)
    assert outcome == ["delivered"] and len(slow.delivered) == 1
    assert _job(app, rid).attempts == 1


# --- retention, playback, listing ----------------------------------------------------------


def test_when_retention_is_set_then_file_is_kept_playable_then_swept(app, admin_client, setup):
    app.config["RECORDING_RETENTION_SECONDS"] = 3600
    content = wav_bytes(seconds=0.25)
    rid = _upload(admin_client, setup, content)
    assert _turn(app, resolve=StandIn().resolve)
    body = _get(admin_client, rid)
    assert body["status"] == "delivered" and body["audio_url"] == f"{RECORDINGS}/{rid}/audio"

    part = admin_client.get(body["audio_url"], headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.data == content[:100]
    assert part.headers["Content-Type"] == "audio/wav"
    whole = admin_client.get(body["audio_url"])
    assert whole.status_code == 200 and whole.data == content

    with app.app_context():
        assert sweep_delivered_files() == 0  # not old enough yet
        db.session.execute(
            sa.update(DeliveryJob).values(delivered_at=utcnow() - timedelta(hours=2))
        )
        db.session.commit()
        assert sweep_delivered_files() == 1
        db.session.remove()
    assert recording_files(app) == []
    assert _get(admin_client, rid)["audio_url"] is None
    assert admin_client.get(f"{RECORDINGS}/{rid}/audio").status_code == 404


def test_when_listing_then_filters_by_status_and_q_and_pages(app, admin_client, setup):
    app.config["DELIVERY_MAX_ATTEMPTS"] = 1
    dead = _upload(admin_client, setup)
    _turn(app, resolve=StandIn(DeliveryError("No.", kind="refused")).resolve)
    response = upload_recording(admin_client, setup.token, remote_number="+4930123456")
    queued = response.get_json()["id"]

    listed = admin_client.get(RECORDINGS).get_json()
    assert listed["total"] == 2 and {i["id"] for i in listed["items"]} == {dead, queued}
    only_dead = admin_client.get(f"{RECORDINGS}?status=dead").get_json()
    assert [i["id"] for i in only_dead["items"]] == [dead]
    found = admin_client.get(f"{RECORDINGS}?q=4930").get_json()
    assert [i["id"] for i in found["items"]] == [queued]
    paged = admin_client.get(f"{RECORDINGS}?per_page=1&page=2").get_json()
    assert paged["total"] == 2 and len(paged["items"]) == 1
    item = found["items"][0]
    assert item["contact"]["name"] == "Mike Brown" and item["device"]["name"] == "Android"
    assert item["delivery"]["method"]["name"] == "Recordings by mail"
    assert admin_client.get(f"{RECORDINGS}?status=lost").status_code == 422
    assert admin_client.get(f"{RECORDINGS}?q=%00").status_code == 422


def test_when_not_logged_in_then_401(client):
    assert client.get(RECORDINGS).status_code == 401


# --- events --------------------------------------------------------------------------------


def test_when_status_changes_then_account_hears_recording_updated(
    app, admin_client, other_client, setup
):
    mine = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    theirs = socketio.test_client(
        app, namespace="/workspace", flask_test_client=other_client.client
    )
    rid = _upload(admin_client, setup)
    _turn(app, resolve=StandIn().resolve)
    events = [
        e["args"][0]["recording"]
        for e in mine.get_received("/workspace")
        if e["name"] == "recording.updated"
    ]
    heard_by_other = [e["name"] for e in theirs.get_received("/workspace")]
    mine.disconnect(namespace="/workspace")
    theirs.disconnect(namespace="/workspace")
    assert [(e["id"], e["status"]) for e in events] == [
        (rid, "queued"),
        (rid, "delivering"),
        (rid, "delivered"),
    ]
    assert events[0]["version"] < events[1]["version"] < events[2]["version"]
    assert "recording.updated" not in heard_by_other


# --- a real destination --------------------------------------------------------------------


def test_when_method_is_email_then_recording_arrives_as_attachment(app, admin_client, setup):
    content = wav_bytes(seconds=0.25)
    with smtp_server() as (mailbox, port):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        rid = _upload(admin_client, setup, content)
        assert _turn(app)  # the real destination_for("email")
        message = mailbox.wait_for("rec@example.com")
    body = _get(admin_client, rid)
    assert body["status"] == "delivered", body["delivery"]
    assert body["delivery"]["remote_location"] == "email:rec@example.com"
    attachments = [p for p in message.walk() if p.get_filename()]
    assert [(p.get_filename(), p.get_payload(decode=True)) for p in attachments] == [
        (body["file_name"], content)
    ]
    assert "+14155550123" in message["Subject"]
    assert len(mailbox.messages) == 1


def test_when_mail_server_is_down_then_failed_with_plain_reason(app, admin_client, setup):
    from tests.servers import free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    rid = _upload(admin_client, setup)
    assert _turn(app)
    body = _get(admin_client, rid)
    assert body["status"] == "failed"
    assert body["delivery"]["last_error_kind"] == "refused"
    with app.app_context():
        assert db.session.get(Recording, rid).storage_name is not None


def test_when_other_account_retries_then_404_and_unchanged(app, admin_client, other_client, setup):
    body = _dead(app, admin_client, setup)
    response = other_client.post(f"{RECORDINGS}/{body['id']}/retry", headers=etag(body["version"]))
    assert response.status_code == 404
    assert _get(admin_client, body["id"])["status"] == "dead"
