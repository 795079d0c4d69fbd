"""Dropbox (HTTP API v2): upload to a hidden temporary path, then move it to the final name.

Small files go up in one files/upload call; larger ones (over ctx.chunk_size) through an
upload session (start, append_v2, finish). The access token is used as stored; on a 401,
when a refresh token and app key are saved, a new access token is fetched once.
"""

from __future__ import annotations

import json
import posixpath
from functools import partial
from typing import Any

import requests

from workspace.delivery.destinations._common import read_chunks, temp_name
from workspace.delivery.destinations._http import (
    BearerClient,
    CloudDestination,
    Http,
    identifier,
    json_of,
    oauth_refresh,
)
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload

SERVICE = "Dropbox"


def _folder(target: Target) -> str:
    folder = "/" + str(target.settings.get("folder") or "/").strip().strip("/")
    return folder.rstrip("/") or ""


def _error_code(response: requests.Response) -> str:
    summary = json_of(response).get("error_summary")
    return identifier(summary.rstrip("/.")) if isinstance(summary, str) else ""


def _arg(value: dict[str, Any]) -> dict[str, str]:
    # Dropbox wants the argument as ASCII-only JSON in a header (non-ASCII as \\uXXXX).
    return {
        "Dropbox-API-Arg": json.dumps(value, ensure_ascii=True),
        "Content-Type": "application/octet-stream",
    }


class _Client:
    def __init__(self, target: Target, ctx: DeliveryContext) -> None:
        self.target = target
        self.api = ctx.api_base_urls["dropbox"].rstrip("/")
        self.content = ctx.api_base_urls["dropbox_content"].rstrip("/")
        self.chunk_size = max(1, ctx.chunk_size)
        self.http = Http(ctx, SERVICE)
        self.bearer = BearerClient(self.http, self._token, _error_code)

    def _token(self, refresh: bool) -> str | None:
        secrets = self.target.secrets
        if not refresh:
            return secrets["access_token"]
        if not (secrets.get("refresh_token") and self.target.settings.get("app_key")):
            return None
        form = {
            "grant_type": "refresh_token",
            "refresh_token": secrets["refresh_token"],
            "client_id": str(self.target.settings["app_key"]),
        }
        if secrets.get("app_secret"):
            form["client_secret"] = secrets["app_secret"]
        return oauth_refresh(self.http, f"{self.api}/oauth2/token", form)

    def _content(
        self, endpoint: str, action: str, arg: dict[str, Any], data: bytes
    ) -> dict[str, Any]:
        response = self.bearer.call(
            "POST", f"{self.content}/2/{endpoint}", action, headers=_arg(arg), data=data
        )
        return json_of(response)

    def _rpc(self, endpoint: str, action: str, body: dict[str, Any], ok: tuple[int, ...] = (200,)):
        return self.bearer.call("POST", f"{self.api}/2/{endpoint}", action, json=body, ok=ok)

    def upload(self, upload: Upload, path: str) -> None:
        commit = {"path": path, "mode": "overwrite", "autorename": False, "mute": True}
        if upload.size <= self.chunk_size:
            self._content("files/upload", "upload the file", commit, upload.path.read_bytes())
            return
        chunks = read_chunks(upload.path, self.chunk_size)
        _, first = next(chunks)
        started = self._content(
            "files/upload_session/start", "start an upload", {"close": False}, first
        )
        session_id = str(started.get("session_id") or "")
        if not session_id:
            raise DeliveryError("Dropbox did not open an upload session.", kind="protocol")
        sent, last = len(first), b""
        for offset, chunk in chunks:
            if offset + len(chunk) >= upload.size:
                last = chunk  # the last piece goes with finish
                break
            self._content(
                "files/upload_session/append_v2",
                "upload a part of the file",
                {"cursor": {"session_id": session_id, "offset": offset}, "close": False},
                chunk,
            )
            sent = offset + len(chunk)
        self._content(
            "files/upload_session/finish",
            "finish the upload",
            {"cursor": {"session_id": session_id, "offset": sent}, "commit": commit},
            last,
        )

    def move(self, source: str, destination: str) -> None:
        body = {
            "from_path": source,
            "to_path": destination,
            "autorename": False,
            "allow_ownership_transfer": False,
        }
        try:
            self._rpc("files/move_v2", "rename the uploaded file", body)
        except DeliveryError as exc:
            if "to/conflict" not in exc.reason:
                raise
            # An earlier attempt got this far before it was cut off: replace that copy.
            self.delete(destination)
            self._rpc("files/move_v2", "rename the uploaded file", body)

    def delete(self, path: str) -> None:
        self._rpc("files/delete_v2", "remove a file", {"path": path})

    def put(self, upload: Upload) -> str:
        folder = _folder(self.target)
        temporary = posixpath.join(folder or "/", temp_name(upload.final_name))
        final = posixpath.join(folder or "/", upload.final_name)
        self.upload(upload, temporary)
        self.move(temporary, final)
        return final


# A factory, like the other modules' Destination classes.
DropboxDestination = partial(
    CloudDestination, "dropbox", "Dropbox", _Client, where=lambda target: _folder(target) or "/"
)
