"""Fixtures of the sip tests: one Kamailio and three baresip devices per session, on a block
of loopback ports of its own. Every test here carries the ``sip`` marker; without kamailio,
baresip or sipp they are skipped, except on CI (CI=true) where they fail (make test installs
the Debian packages, see APT_PACKAGES in the Makefile)."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from tests.sip.agents import Device, Kamailio, PortBlock, Sipp, missing_binaries
from tests.sip.plans import PASSWORDS, write_plan
from tests.support import ON_CI


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/tests/sip/" in str(item.fspath):
            item.add_marker(pytest.mark.sip)


def _require_binaries() -> None:
    missing = missing_binaries()
    if not missing:
        return
    text = f"the sip tests need {', '.join(missing)} (make system-packages installs them)"
    if ON_CI:
        pytest.fail(text + "; on CI they may not be skipped.")
    pytest.skip(text)


@pytest.fixture(scope="session")
def ports() -> PortBlock:
    return PortBlock()


@pytest.fixture(scope="session")
def kamailio(tmp_path_factory, ports):
    _require_binaries()
    server = Kamailio(tmp_path_factory.mktemp("sip"), ports).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def devices(kamailio, ports, tmp_path_factory):
    """Devices 101 (Mike), 102 (Sarah), 103 (Omar): registered, answering nothing."""
    home = tmp_path_factory.mktemp("devices")
    write_plan(kamailio, {})  # the lines must be in a plan before they can register
    started = {u: Device(home, ports, kamailio.port, u, PASSWORDS[u]) for u in PASSWORDS}
    for device in started.values():
        device.wait_registered()
    yield started
    for device in started.values():
        device.stop()


@pytest.fixture()
def phones(devices):
    """The session's devices, reset: nobody answers unless a test says so."""
    for device in devices.values():
        device.answer_after = device.decline_after = None
    yield devices
    time.sleep(0.3)  # let CANCELs and BYEs of the test's last call settle


@pytest.fixture()
def trunk(kamailio, tmp_path):
    return Sipp(kamailio, tmp_path)


@pytest.fixture()
def clock(kamailio):
    """Set the SIP server's clock for routing decisions (the clock file its settings name);
    the real clock again afterwards."""
    path = kamailio.folder / "run" / "clock"

    def set_to(moment: datetime) -> None:
        path.write_text(str(moment.timestamp()), encoding="ascii")

    yield set_to
    path.unlink(missing_ok=True)
