"""The product as `make run` starts it: `workspace serve --demo` and `workspace sip run` side
by side. Kamailio answers OPTIONS; a device activated from the portal registers its line with
`device-sim --sip`; the trunk (SIPp) calls the demo's main number; the device answers; the call
reaches the Calls log as answered and ended, through the events spool and the forwarder.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import uuid
from types import SimpleNamespace

from tests.portal import Portal
from tests.servers import BIN, prepare_instance, running_server, server_env
from tests.sim_process import Sim
from tests.sip.agents import Sipp


def _options(port: int) -> str:
    """The first line of Kamailio's answer to an OPTIONS ping (a trunk's keepalive)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(2)
        mine = sock.getsockname()[1]
        ping = (
            f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{mine};branch=z9hG4bK{uuid.uuid4().hex}\r\n"
            "Max-Forwards: 70\r\n"
            f"To: <sip:127.0.0.1:{port}>\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\n"
            f"Call-ID: {uuid.uuid4().hex}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
        sock.sendto(ping.encode(), ("127.0.0.1", port))
        return sock.recv(4096).decode(errors="replace").split("\r\n")[0]


def _wait_options(port: int, sip_log, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return _options(port)
        except OSError:
            time.sleep(0.3)
    raise AssertionError("Kamailio never answered OPTIONS:\n" + sip_log())


def _logged_call(portal: Portal, call_id: str, timeout: float = 30) -> dict:
    """The call log's row for the SIP call, once it has ended."""
    deadline = time.monotonic() + timeout
    row: dict = {}
    while time.monotonic() < deadline:
        items = portal.get("/api/v1/calls?per_page=20").json()["items"]
        row = next((c for c in items if c["call_id"] == call_id), {})
        if row.get("state") == "ended":
            return row
        time.sleep(0.3)
    raise AssertionError(f"call {call_id} did not end in the call log: {row}")


def test_when_the_product_runs_as_make_run_then_a_trunk_call_rings_the_demo_and_is_logged(
    tmp_path, ports
):
    sip_port, ws_port, trunk_port = ports.take(2), ports.take(2), ports.take(2)
    ng_port, rtp = ports.take(), ports.take(10)  # `sip run` starts rtpengine when installed
    env = server_env(
        tmp_path,
        WORKSPACE_SIP_PORT=str(sip_port),
        WORKSPACE_SIP_WS_PORT=str(ws_port),
        WORKSPACE_SIP_DOMAIN="127.0.0.1",
        WORKSPACE_SIP_TRUSTED=f"127.0.0.1:{trunk_port}",
        WORKSPACE_SIP_RTPENGINE_NG_PORT=str(ng_port),
        WORKSPACE_SIP_RTP_PORTS=f"{rtp}-{rtp + 9}",
    )
    prepare_instance(tmp_path, env)
    sip_log = tmp_path / "sip-run.log"
    with running_server(tmp_path, env, demo=True) as base, open(sip_log, "wb") as log:
        sip = subprocess.Popen(
            [BIN / "workspace", "sip", "run", "--app-url", base],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its Kamailio goes with it when the group is signalled
        )
        sim = None
        try:
            assert _wait_options(sip_port, sip_log.read_text).startswith("SIP/2.0 200")
            portal = Portal(base)
            code = portal.fresh_code(portal.device("Mike's laptop")["id"])  # first in the group
            sim = Sim(
                "--server", base, "--code", code, "--sip", "--answer-after", "1",
                "--sip-server", f"127.0.0.1:{sip_port}",
            )  # fmt: skip
            sim.wait_for("line 101: REGISTER_OK", timeout=30)

            trunk = Sipp(
                SimpleNamespace(port=sip_port, trunk_port=trunk_port, untrusted_port=None),
                tmp_path,
            )
            result = trunk.call("+14155550100", hold_ms=1500)

            assert result["code"] == 200, result["messages"][-3000:]
            sim.wait_for("line 101: CALL_ESTABLISHED")
            logged = _logged_call(portal, result["call_id"])
            assert logged["route"] == "+14155550100" and logged["cause"] == "answered", logged
            assert logged["answered_by"]["device"]["name"] == "Mike's laptop", logged
            assert logged["talk_s"] >= 1.0
        finally:
            if sim is not None:
                sim.proc.terminate()  # device-sim stops its baresip on SIGTERM
                sim.proc.wait(timeout=15)
            os.killpg(sip.pid, signal.SIGTERM)
            sip.wait(timeout=20)
