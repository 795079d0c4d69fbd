"""Call events, one JSON object per line, appended to ``<events dir>/<pid>.jsonl``.

Each Kamailio worker process owns its file, and each event is a single ``os.write`` on an
O_APPEND descriptor, so a reader (``workspace sip run``) never sees half a line from a
writer in the middle of one. The event shape is the contract of decisions.md #4.
"""

import json
import os
import time
import uuid

TYPES = ("start", "ringing", "answered", "ended", "node")


class Spool:
    def __init__(self, directory):
        self.directory = directory
        self._fd = None
        self._pid = None

    def _descriptor(self):
        pid = os.getpid()
        if self._fd is None or self._pid != pid:  # Kamailio forks its workers after mod_init
            os.makedirs(self.directory, exist_ok=True)
            path = os.path.join(self.directory, f"{pid}.jsonl")
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._pid = pid
        return self._fd

    def emit(self, kind, call, **fields):
        """Append one event; ``call`` holds the fields common to a call's events."""
        event = make_event(kind, call, **fields)
        line = (json.dumps(event, separators=(",", ":")) + "\n").encode()
        try:
            os.write(self._descriptor(), line)
        except OSError:
            self._fd = None  # a removed directory: reopen next time, never break a call
        return event


def make_event(kind, call, **fields):
    """The event dict: every contract key present, unknown ones left null.

    >>> e = make_event("start", {"call_id": "c1", "account": 3, "route": "ext:101"})
    >>> sorted(e)[:5], e["type"], e["member"]
    (['account', 'at', 'call_id', 'callee', 'caller'], 'start', None)
    """
    if kind not in TYPES:
        raise ValueError(f"unknown event type {kind!r}")
    event = {
        "id": str(uuid.uuid4()),
        "call_id": call.get("call_id"),
        "account": call.get("account"),
        "revision": call.get("revision"),
        "route": call.get("route"),
        "type": kind,
        "at": time.time(),
        "caller": call.get("caller"),
        "caller_name": call.get("caller_name"),
        "callee": call.get("callee"),
        "node": None,
        "object": None,
        "member": None,
        "cause": None,
        "sip_code": None,
    }
    event.update(fields)
    return event
