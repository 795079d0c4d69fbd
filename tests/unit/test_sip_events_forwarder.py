"""`workspace sip run` forwards the event spool: batches with the bearer token, retries while
the app is down, never resends what was accepted, never sends a half-written line."""

from __future__ import annotations

import json
import threading
import urllib.error
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from workspace.calls.schemas import MAX_BATCH
from workspace.sip.kemi.events import Spool
from workspace.sip.supervisor import BATCH, EventForwarder, events_token


class App(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        App.received.append((self.path, self.headers["Authorization"], body["events"]))
        # As the app does: a bad event refuses the batch, named by index and field.
        refuse = [i for i, e in enumerate(body["events"]) if e.get("call_id") == "refuse-me"]
        bad = {str(i): {"at": ["bad"]} for i in refuse}
        if bad:
            answer = json.dumps({"code": 400, "errors": {"json": {"events": bad}}}).encode()
            self.send_response(400)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
            return
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def app_url():
    App.received = []
    server = HTTPServer(("127.0.0.1", 0), App)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/sip/v1/events"
    server.shutdown()


def test_when_app_down_then_error_and_nothing_marked_sent(tmp_path):
    Spool(str(tmp_path)).emit("start", {"call_id": "c1"})
    forwarder = EventForwarder(tmp_path, "http://127.0.0.1:9/sip/v1/events", "t")

    with pytest.raises(urllib.error.URLError):
        forwarder.send_once()

    assert forwarder.offsets == {} and len(forwarder.pending()) == 1


def test_when_app_up_then_batch_posted_once_with_token(tmp_path, app_url):
    spool = Spool(str(tmp_path))
    spool.emit("start", {"call_id": "c1"})
    spool.emit("ended", {"call_id": "c1"}, cause="no_answer", sip_code=480)
    with open(next(tmp_path.glob("*.jsonl")), "a") as f:
        f.write('{"half": ')  # a line still being written

    sent = EventForwarder(tmp_path, app_url, "tok").send_once()
    again = EventForwarder(tmp_path, app_url, "tok").send_once()  # offsets survive a restart

    assert (sent, again) == (2, 0)
    ((path, auth, events),) = App.received
    assert (path, auth) == ("/sip/v1/events", "Bearer tok")
    assert [e["type"] for e in events] == ["start", "ended"]


def test_when_no_token_configured_then_derived_from_secrets_key():
    config = {"SECRETS_KEY_BYTES": b"k" * 32}

    assert events_token(config) == events_token(dict(config))
    assert events_token({**config, "SIP_EVENTS_TOKEN": "set"}) == "set"
    assert len(events_token(config)) == 64


def test_when_writer_gone_and_file_sent_then_file_removed(tmp_path, app_url):
    gone = tmp_path / "999999999.jsonl"  # no such pid
    gone.write_text('{"id": "1", "type": "start", "at": 1}\n')
    Spool(str(tmp_path)).emit("start", {"call_id": "c2"})  # this process: still writing

    EventForwarder(tmp_path, app_url, "tok").send_once()

    assert not gone.exists() and len(list(tmp_path.glob("*.jsonl"))) == 1
    assert "999999999.jsonl" not in json.loads((tmp_path / "offsets.json").read_text())


def test_when_the_app_refuses_one_event_then_it_is_set_aside_and_the_rest_delivered(
    tmp_path, app_url
):
    """Resending a refused batch can never succeed: it would hold back every later event."""
    spool = Spool(str(tmp_path))
    spool.emit("start", {"call_id": "c1"})
    spool.emit("answered", {"call_id": "refuse-me"})
    spool.emit("ended", {"call_id": "c1"}, cause="answered")

    sent = EventForwarder(tmp_path, app_url, "tok").send_once()
    again = EventForwarder(tmp_path, app_url, "tok").send_once()

    assert (sent, again) == (2, 0)
    refused, delivered = App.received
    assert [e["type"] for e in refused[2]] == ["start", "answered", "ended"]
    assert [e["type"] for e in delivered[2]] == ["start", "ended"]
    [kept] = [json.loads(line) for line in (tmp_path / "refused.log").read_text().splitlines()]
    assert kept["event"]["type"] == "answered" and kept["reason"] == {"at": ["bad"]}


def test_when_a_backlog_is_sent_then_in_batches_as_large_as_the_app_takes(tmp_path, app_url):
    """A batch past the app's limit would be refused whole (and set aside): never larger."""
    spool = Spool(str(tmp_path))
    for n in range(BATCH * 2 + 5):
        spool.emit("node", {"call_id": f"c{n}"})

    sent = EventForwarder(tmp_path, app_url, "tok").send_once()

    assert sent == BATCH * 2 + 5
    assert [len(events) for _, _, events in App.received] == [BATCH, BATCH, 5]
    assert BATCH == MAX_BATCH
