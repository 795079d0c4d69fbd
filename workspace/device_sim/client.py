"""The simulated device's HTTP side: activate, fetch the config, heartbeat."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from workspace.device_sim.display import config_changes, mask_secrets, summary

PREFIX = "[device-sim] "
TIMEOUT = 10


class SimError(Exception):
    """A failure worth one clear line to the person running the simulator."""


class Unreachable(SimError):
    """The server did not answer: fatal at start, retried at the next heartbeat later on."""


@dataclass
class Options:
    server: str
    code: str | None = None
    platform: str = "linux"
    app_version: str = "device-sim/1.0"
    heartbeat: float = 30.0
    once: bool = False
    show_secrets: bool = False
    token_file: Path | None = None
    sip: bool = False  # register the lines with baresip (softphone.py)
    answer_after: float | None = None
    sip_server: str | None = None  # host:port instead of each line's server


def say(message: str) -> None:
    print(PREFIX + message, flush=True)


def quoted(etag: str | None) -> str | None:
    """An entity tag as If-None-Match wants it (bodies may carry it bare)."""
    if not etag or etag.startswith(('"', "W/")):
        return etag
    return f'"{etag}"'


def _bare(etag: str) -> str:
    return etag.removeprefix("W/").strip('"')


class DeviceSim:
    """One simulated device: its token, its last config, and the calls it makes."""

    def __init__(self, options: Options, *, out: Callable[[str], None] = say) -> None:
        self.options = options
        self.base = options.server.rstrip("/") + "/device/v1"
        self.out = out
        self.http = requests.Session()
        self.http.headers["User-Agent"] = f"call.center-device-sim/{options.app_version}"
        self.token: str | None = None
        self.config: dict[str, Any] = {}
        self.etag: str | None = None
        self.failure: SimError | None = None  # set by a socket-thread refetch that failed
        # Socket events arrive on the client's thread, heartbeats on the main one.
        self._lock = threading.Lock()

    # -- activation and config ---------------------------------------------------------------

    def activate(self, code: str) -> None:
        body = {
            "code": code,
            "platform": self.options.platform,
            "app_version": self.options.app_version,
        }
        answer = self._call("POST", "/activate", json=body)
        if answer.status_code == 401:
            raise SimError(f"activation refused: {_message(answer)}")
        payload = self._json(answer, 200, "activation")
        self.token = payload["token"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        self.config = payload.get("config") or {}
        self.etag = quoted(self.config.get("etag"))
        device = payload.get("device") or {}
        self.out(f"activated device {device.get('id')} {json.dumps(device.get('name'))}")
        self.print_config()

    def use_token(self, token: str) -> None:
        self.token = token
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.out("using the saved device token")

    def print_config(self) -> None:
        shown = self.config if self.options.show_secrets else mask_secrets(self.config)
        self.out(f"config etag={self.etag} {json.dumps(shown, sort_keys=True)}")

    def fetch_config(self) -> bool:
        """GET /config with If-None-Match; True when the config changed."""
        with self._lock:
            headers = {"If-None-Match": self.etag} if self.etag else {}
            answer = self._call("GET", "/config", headers=headers)
            if answer.status_code == 304:
                self.out(f"config unchanged (304) etag={self.etag}")
                return False
            if answer.status_code == 401:
                raise SimError(f"the device token was refused: {_message(answer)}")
            config = self._json(answer, 200, "config")
            first = not self.config
            changes = config_changes(self.config, config)
            self.config = config
            self.etag = answer.headers.get("ETag") or quoted(config.get("etag"))
            what = "first fetch" if first else f"changed: {summary(changes)}"
            self.out(f"fetched config etag={self.etag} ({what})")
            self.print_config()
            return True

    def heartbeat(self) -> None:
        lines = [
            {"sip_account": line["sip_account"], "registered": True}
            for line in self.config.get("lines") or []
            if isinstance(line, dict) and "sip_account" in line
        ]
        body = {"app_version": self.options.app_version, "lines": lines}
        answer = self._call("POST", "/heartbeat", json=body)
        if answer.status_code == 401:
            raise SimError(f"the device token was refused: {_message(answer)}")
        state = self._json(answer, 200, "heartbeat")
        pending = bool(state.get("pending_update"))
        server_etag = quoted(state.get("config_etag"))
        self.out(
            f"heartbeat status={state.get('status')} lines={len(lines)} registered "
            f"pending_update={str(pending).lower()} config_etag={server_etag}"
        )
        # A missed socket event must not leave the device stale: the heartbeat says so too.
        if pending or (server_etag and self.etag and _bare(server_etag) != _bare(self.etag)):
            self.out("heartbeat says the config moved: refetching")
            self.fetch_config()

    # -- plumbing ----------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            return self.http.request(method, self.base + path, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise Unreachable(f"cannot reach {self.options.server}: {_reason(exc)}") from None

    @staticmethod
    def _json(answer: requests.Response, expected: int, what: str) -> dict[str, Any]:
        if answer.status_code != expected:
            raise SimError(f"{what} failed: HTTP {answer.status_code} {_message(answer)}")
        try:
            payload = answer.json()
        except ValueError:
            raise SimError(f"{what} failed: the server did not answer JSON") from None
        if not isinstance(payload, dict):
            raise SimError(f"{what} failed: unexpected answer {payload!r:.200}")
        return payload


def _message(answer: requests.Response) -> str:
    try:
        return str(answer.json().get("message") or answer.reason)
    except (ValueError, AttributeError):
        return answer.reason or f"HTTP {answer.status_code}"


def _reason(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.ConnectionError):
        return "connection refused or host unknown"
    if isinstance(exc, requests.Timeout):
        return f"no answer within {TIMEOUT} s"
    return type(exc).__name__
