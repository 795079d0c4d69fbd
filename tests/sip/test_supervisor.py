"""`workspace sip run`: Kamailio as a managed child process, its call events posted to the app
(a stand-in HTTP server here: the call log's endpoint lives elsewhere), and SIGTERM stops both.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

from tests.sip.agents import Sipp, _options_ok
from workspace.sip.supervisor import ng_ping, rtpengine_binary

ROOT = Path(__file__).parents[2]


class EventsApp(BaseHTTPRequestHandler):
    posts: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        EventsApp.posts.append((self.path, self.headers["Authorization"], body["events"]))
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_when_sip_run_then_kamailio_answers_events_reach_the_app_and_sigterm_stops_it(
    kamailio, ports, tmp_path
):
    app = HTTPServer(("127.0.0.1", 0), EventsApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = ports.take(2)
    ng_port, rtp = ports.take(), ports.take(10)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "WORKSPACE_INSTANCE": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "WORKSPACE_SECRETS_KEY": base64.urlsafe_b64encode(b"k" * 32).decode(),
        "WORKSPACE_SIP_EVENTS_TOKEN": "events-token",
        "WORKSPACE_SIP_PORT": str(port),
        "WORKSPACE_SIP_WS_PORT": str(port + 1),
        "WORKSPACE_SIP_TRUSTED": f"127.0.0.1:{kamailio.trunk_port}",
        "WORKSPACE_SIP_RTPENGINE_NG_PORT": str(ng_port),
        "WORKSPACE_SIP_RTP_PORTS": f"{rtp}-{rtp + 9}",
    }
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from workspace import create_app\nfrom workspace.extensions "
            "import db\napp = create_app()\nwith app.app_context(): db.create_all()",
        ],
        env=env,
        check=True,
        cwd=tmp_path,
        timeout=120,
    )
    supervisor = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from workspace.cli import cli; cli()",
            "sip",
            "run",
            "--app-url",
            f"http://127.0.0.1:{app.server_port}",
        ],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        while not _options_ok(port):
            assert supervisor.poll() is None and time.time() < deadline, supervisor.stdout.read()
            time.sleep(0.2)
        kamailio_pid = int((tmp_path / "sip" / "run" / "kamailio.pid").read_text())
        with_media = rtpengine_binary() is not None
        if with_media:  # started before Kamailio, answering on its ng port, its module loaded
            rtpengine_pid = int((tmp_path / "sip" / "run" / "rtpengine.pid").read_text())
            assert ng_ping(ng_port)
            assert "#!define WITH_RTPENGINE" in (tmp_path / "sip" / "kamailio.cfg").read_text()

        through = SimpleNamespace(  # the session's trunk addresses, toward this Kamailio
            port=port, trunk_port=kamailio.trunk_port, untrusted_port=kamailio.untrusted_port
        )
        result = Sipp(through, tmp_path).call("+14155550100")
        while not EventsApp.posts and time.time() < deadline:
            time.sleep(0.2)
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(30)
        app.shutdown()

    assert result["code"] == 404  # nothing published in this app
    path, auth, events = EventsApp.posts[0]
    assert (path, auth) == ("/sip/v1/events", "Bearer events-token")
    assert (events[0]["call_id"], events[0]["cause"]) == (result["call_id"], "not_found")
    time.sleep(0.5)
    assert not Path(f"/proc/{kamailio_pid}").exists(), "kamailio outlived its supervisor"
    if with_media:
        assert not Path(f"/proc/{rtpengine_pid}").exists(), "rtpengine outlived its supervisor"
        assert not ng_ping(ng_port)


def test_when_rtpengine_is_off_then_sip_run_starts_none_and_the_cfg_does_not_load_it(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "WORKSPACE_INSTANCE": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "WORKSPACE_SECRETS_KEY": base64.urlsafe_b64encode(b"k" * 32).decode(),
        "WORKSPACE_SIP_RTPENGINE": "off",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from workspace.cli import cli; cli()", "sip", "render"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    cfg = Path(done.stdout.strip().splitlines()[-1]).read_text()
    assert "#!define WITH_RTPENGINE" not in cfg
