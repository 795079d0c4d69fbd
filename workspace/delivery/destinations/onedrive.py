"""OneDrive (Microsoft Graph): an upload session for a temporary name, then a rename.

The refresh token is exchanged at the Microsoft identity platform's token endpoint of the
tenant. createUploadSession at /me/drive/root:/{folder}/{temp}:/ hands back an upload
URL that is its own authorization (Graph rejects a bearer token there), the bytes go up in
Content-Range pieces, and the finished item is renamed with PATCH. A failed upload cancels
the session, so nothing is left under any name.
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from urllib.parse import quote

import requests

from workspace.delivery.destinations._common import read_chunks, temp_name
from workspace.delivery.destinations._http import (
    BearerClient,
    CloudDestination,
    Http,
    http_error,
    identifier,
    json_of,
    oauth_refresh,
)
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target, Upload

SERVICE = "OneDrive"
SCOPE = "https://graph.microsoft.com/Files.ReadWrite offline_access"
_QUANTUM = 320 * 1024  # Graph wants pieces in multiples of 320 KiB (except the last)


def _error_code(response: requests.Response) -> str:
    error = json_of(response).get("error")
    if isinstance(error, dict):
        return identifier(error.get("code"))
    return identifier(error)


def _item_path(folder: str, name: str) -> str:
    parts = [p for p in folder.replace("\\", "/").split("/") if p and p != "."] + [name]
    return "/".join(quote(part, safe="") for part in parts)


class _Client:
    def __init__(self, target: Target, ctx: DeliveryContext) -> None:
        self.target = target
        self.login = ctx.api_base_urls["microsoft_login"].rstrip("/")
        self.graph = ctx.api_base_urls["graph"].rstrip("/") + "/v1.0"
        size = max(1, ctx.chunk_size)
        self.chunk_size = size - size % _QUANTUM if size >= _QUANTUM else size
        self.http = Http(ctx, SERVICE)
        self.bearer = BearerClient(self.http, self._token, _error_code)

    def _token(self, refresh: bool) -> str:
        del refresh  # never stored: each delivery gets a new access token
        tenant = quote(str(self.target.settings.get("tenant") or "common"), safe="")
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self.target.secrets["refresh_token"],
            "client_id": str(self.target.settings["client_id"]),
            "client_secret": self.target.secrets["client_secret"],
            "scope": SCOPE,
        }
        return oauth_refresh(self.http, f"{self.login}/{tenant}/oauth2/v2.0/token", form)

    def _open(self, name: str) -> str:
        path = _item_path(str(self.target.settings.get("folder") or "/"), name)
        response = self.bearer.call(
            "POST",
            f"{self.graph}/me/drive/root:/{path}:/createUploadSession",
            "start the upload",
            json={"item": {"@microsoft.graph.conflictBehavior": "replace", "name": name}},
        )
        url = json_of(response).get("uploadUrl")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise DeliveryError("OneDrive did not open an upload session.", kind="protocol")
        return url

    def _send(self, session: str, upload: Upload) -> str:
        """PUT the pieces to the session URL (no Authorization header there); the item id."""
        for offset, chunk in read_chunks(upload.path, self.chunk_size):
            end = offset + len(chunk) - 1
            response = self.http.request(
                "PUT",
                session,
                headers={"Content-Range": f"bytes {offset}-{end}/{upload.size}"},
                data=chunk,
            )
            if response.status_code in (200, 201):
                item_id = json_of(response).get("id")
                if not isinstance(item_id, str) or not item_id:
                    raise DeliveryError("OneDrive did not say which file it made.", kind="protocol")
                return item_id
            if response.status_code in (404, 410):
                raise DeliveryError(
                    "OneDrive's upload session expired; the upload starts over.", kind="server"
                )
            if response.status_code != 202:
                raise http_error(
                    response, SERVICE, "upload a part of the file", _error_code(response)
                )
        raise DeliveryError("OneDrive did not finish the upload.", kind="server")

    def _cancel(self, session: str) -> None:
        with suppress(DeliveryError):  # otherwise the session expires on its own
            self.http.request("DELETE", session)

    def delete(self, item_id: str) -> None:
        self.bearer.call(
            "DELETE", f"{self.graph}/me/drive/items/{item_id}", "remove a file", ok=(200, 204)
        )

    def put(self, upload: Upload) -> str:
        session = self._open(temp_name(upload.final_name))
        try:
            item_id = self._send(session, upload)
        except DeliveryError:
            self._cancel(session)
            raise
        try:
            self.bearer.call(
                "PATCH",
                f"{self.graph}/me/drive/items/{item_id}",
                "rename the uploaded file",
                params={"@microsoft.graph.conflictBehavior": "replace"},
                json={"name": upload.final_name},
            )
        except DeliveryError:
            with suppress(DeliveryError):
                self.delete(item_id)  # no temporary file left; the retry uploads again
            raise
        return item_id


# A factory, like the other modules' Destination classes.
OneDriveDestination = partial(CloudDestination, "onedrive", "OneDrive", _Client)
