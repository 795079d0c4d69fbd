"""Google Drive (v3): a resumable upload under a temporary name, then a rename.

The saved refresh token is exchanged for an access token at the OAuth token endpoint on
every delivery. The upload session is opened with the temporary name in folder_id, the
bytes go up in chunks with Content-Range (the server's Range answer says what arrived),
and the finished file is renamed with PATCH files/{id}. Drive only creates the file when
the last byte has arrived, so an interrupted upload leaves nothing behind.
"""

from __future__ import annotations

import re
from contextlib import suppress
from functools import partial
from typing import Any

import requests

from workspace.delivery.destinations._common import temp_name
from workspace.delivery.destinations._http import (
    BearerClient,
    CloudDestination,
    Http,
    identifier,
    json_of,
    oauth_refresh,
)
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload

SERVICE = "Google Drive"
_RANGE = re.compile(r"bytes=0-(\d+)")
_QUANTUM = 256 * 1024  # Drive wants chunks in multiples of 256 KiB (except the last)


def _error_code(response: requests.Response) -> str:
    error = json_of(response).get("error")
    if isinstance(error, dict):
        for item in error.get("errors") or []:
            if isinstance(item, dict) and identifier(item.get("reason")):
                return identifier(item.get("reason"))
        return identifier(error.get("status"))
    return identifier(error)


class _Client:
    def __init__(self, target: Target, ctx: DeliveryContext) -> None:
        self.target = target
        self.oauth = ctx.api_base_urls["google_oauth"].rstrip("/")
        self.api = ctx.api_base_urls["google"].rstrip("/")
        size = max(1, ctx.chunk_size)
        self.chunk_size = size - size % _QUANTUM if size >= _QUANTUM else size
        self.http = Http(ctx, SERVICE)
        self.bearer = BearerClient(self.http, self._token, _error_code)

    def _token(self, refresh: bool) -> str:
        del refresh  # the access token is never stored: every call gets a new one
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self.target.secrets["refresh_token"],
            "client_id": str(self.target.settings["client_id"]),
            "client_secret": self.target.secrets["client_secret"],
        }
        return oauth_refresh(self.http, f"{self.oauth}/token", form)

    def _session(self, upload: Upload, name: str) -> str:
        folder = str(self.target.settings.get("folder_id") or "root")
        response = self.bearer.call(
            "POST",
            f"{self.api}/upload/drive/v3/files",
            "start the upload",
            params={"uploadType": "resumable", "supportsAllDrives": "true"},
            headers={
                "X-Upload-Content-Type": upload.content_type,
                "X-Upload-Content-Length": str(upload.size),
            },
            json={"name": name, "parents": [folder]},
        )
        location = response.headers.get("Location", "")
        if not location:
            raise DeliveryError("Google Drive did not open an upload session.", kind="protocol")
        return location

    def _send(self, session: str, upload: Upload) -> str:
        """PUT the bytes in chunks; the new file's id."""
        offset = 0
        with upload.path.open("rb") as handle:
            while True:
                handle.seek(offset)
                chunk = handle.read(self.chunk_size)
                end = offset + len(chunk) - 1
                span = f"bytes {offset}-{end}/{upload.size}" if chunk else f"bytes */{upload.size}"
                # The session URL is the authorization for these PUTs, but Drive also
                # accepts (and checks) the bearer token, so it goes along.
                response = self.bearer.call(
                    "PUT",
                    session,
                    "upload a part of the file",
                    ok=(200, 201, 308, 404, 410),
                    headers={"Content-Range": span, "Content-Type": upload.content_type},
                    data=chunk,
                )
                if response.status_code in (404, 410):
                    raise DeliveryError(
                        "Google Drive's upload session expired; the upload starts over.",
                        kind="server",
                    )
                if response.status_code in (200, 201):
                    file_id = json_of(response).get("id")
                    if not isinstance(file_id, str) or not file_id:
                        raise DeliveryError(
                            "Google Drive did not say which file it made.", kind="protocol"
                        )
                    return file_id
                match = _RANGE.match(response.headers.get("Range", ""))
                received = int(match.group(1)) + 1 if match else 0
                if not chunk or received <= offset:
                    raise DeliveryError(
                        "Google Drive stopped taking the file's bytes before the end.",
                        kind="server",
                    )
                offset = received

    def _rename(self, file_id: str, name: str) -> dict[str, Any]:
        response = self.bearer.call(
            "PATCH",
            f"{self.api}/drive/v3/files/{file_id}",
            "rename the uploaded file",
            params={"supportsAllDrives": "true"},
            json={"name": name},
        )
        return json_of(response)

    def delete(self, file_id: str) -> None:
        self.bearer.call(
            "DELETE",
            f"{self.api}/drive/v3/files/{file_id}",
            "remove a file",
            ok=(200, 204),
            params={"supportsAllDrives": "true"},
        )

    def put(self, upload: Upload) -> str:
        file_id = self._send(self._session(upload, temp_name(upload.final_name)), upload)
        try:
            self._rename(file_id, upload.final_name)
        except DeliveryError:
            with suppress(DeliveryError):
                self.delete(file_id)  # leave no temporary file behind; the retry re-uploads
            raise
        return file_id


# A factory, like the other modules' Destination classes.
GoogleDriveDestination = partial(CloudDestination, "google_drive", "Google Drive", _Client)
