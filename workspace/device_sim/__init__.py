"""A stand-in call.center softphone for the device API (`workspace device-sim`).

It does what the real app does over the network, and nothing else: activate with a code,
fetch its config (with If-None-Match), heartbeat with every line registered, and listen on
the `/device` Socket.IO namespace for `config.changed` to refetch. Admins use it to watch a
device follow their edits without a phone; the realtime tests drive it as a subprocess.

It is a pure HTTP client (requests + the python-socketio client): no app context, no
database. Every event is one flushed stdout line starting with ``[device-sim] ``, so a
person or a test can follow it line by line. Failures (a refused code, an unreachable
server) are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

from workspace.device_sim.client import DeviceSim, Options, SimError, Unreachable
from workspace.device_sim.display import config_changes, mask_secrets
from workspace.device_sim.runner import run

__all__ = [
    "DeviceSim",
    "Options",
    "SimError",
    "Unreachable",
    "config_changes",
    "mask_secrets",
    "run",
]
