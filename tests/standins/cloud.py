"""Local stand-ins for the Dropbox, Google Drive and Microsoft Graph HTTP APIs.

Each is a small Flask app served by werkzeug in a thread on a free loopback port. They
implement the calls the destinations make, and CHECK each request's shape the way the
real service would refuse it (paths, Authorization, Dropbox-API-Arg JSON, Content-Range
continuity, no bearer token on a Graph upload URL, ...). A malformed request is answered
400 and recorded in ``problems``; tests assert that list stays empty.

Faults on demand: ``fail_next(path_part, status, ...)`` answers the next matching
request(s) with that status; ``expire_tokens()`` makes the current access tokens invalid
(401) until the client refreshes; ``quota`` (bytes) makes uploads over it fail the way
each service reports a full drive.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.serving import make_server

from tests.servers import free_port

_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


@dataclass
class Fault:
    path_part: str
    status: int
    times: int
    body: Any
    headers: dict[str, str]
    method: str | None


class StandIn:
    def __init__(self, name: str) -> None:
        self.app = Flask(name)
        self.problems: list[str] = []
        self.faults: list[Fault] = []
        self.calls: list[tuple[str, str]] = []  # (method, path) of every request
        self.host_headers: set[str] = set()
        self.valid_tokens: set[str] = set()
        self.token_count = 0
        self.quota: int | None = None
        self.lock = threading.Lock()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app.before_request(self._before)
        self.routes()
        self._server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # --- to override --------------------------------------------------------------------
    def routes(self) -> None:
        raise NotImplementedError

    def unauthorized(self) -> Response:
        return self.json_error(401, {"error": "invalid_token"})

    # --- test controls ------------------------------------------------------------------
    def fail_next(
        self,
        path_part: str,
        status: int,
        *,
        times: int = 1,
        body: Any = None,
        headers: dict[str, str] | None = None,
        method: str | None = None,
    ) -> None:
        self.faults.append(Fault(path_part, status, times, body, headers or {}, method))

    def issue_token(self) -> str:
        with self.lock:
            self.token_count += 1
            token = f"{self.app.name}-access-{self.token_count}-{secrets.token_hex(4)}"
            self.valid_tokens.add(token)
        return token

    def expire_tokens(self) -> None:
        self.valid_tokens.clear()

    def count(self, path_part: str, method: str | None = None) -> int:
        return sum(1 for m, p in self.calls if path_part in p and (method is None or m == method))

    # --- helpers for handlers -----------------------------------------------------------
    def _before(self) -> Response | None:
        self.calls.append((request.method, request.path))
        self.host_headers.add(request.headers.get("Host", ""))
        for fault in self.faults:
            if fault.times > 0 and fault.path_part in request.path:
                if fault.method and fault.method != request.method:
                    continue
                fault.times -= 1
                body = (
                    fault.body if fault.body is not None else {"error": f"stand-in {fault.status}"}
                )
                response = jsonify(body)
                response.status_code = fault.status
                response.headers.update(fault.headers)
                return response
        return None

    def problem(self, text: str) -> Response:
        self.problems.append(f"{request.method} {request.path}: {text}")
        return self.json_error(400, {"error": "bad_request", "problem": text})

    @staticmethod
    def json_error(status: int, body: Any) -> Response:
        response = jsonify(body)
        response.status_code = status
        return response

    def bearer_ok(self) -> bool:
        header = request.headers.get("Authorization", "")
        return header.startswith("Bearer ") and header[7:] in self.valid_tokens

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


def content_range(total_expected: int | None, received: int) -> tuple[int, int, int] | str:
    """(start, end, total) from Content-Range, or a problem text."""
    match = _RANGE.match(request.headers.get("Content-Range", ""))
    if not match:
        return f"Content-Range missing or malformed: {request.headers.get('Content-Range')!r}"
    start, end, total = (int(g) for g in match.groups())
    body = request.get_data()
    if start != received:
        return f"range starts at {start}, {received} bytes received so far"
    if end - start + 1 != len(body):
        return f"range {start}-{end} but {len(body)} bytes sent"
    if total_expected is not None and total != total_expected:
        return f"total {total} differs from the declared {total_expected}"
    if request.content_length is not None and request.content_length != len(body):
        return "Content-Length does not match the body"
    return start, end, total


# --- Dropbox ------------------------------------------------------------------------------


class DropboxStandIn(StandIn):
    """api and content hosts in one server. Files by path; ``files`` holds them."""

    def __init__(
        self,
        *,
        refresh_token: str = "dbx-refresh",
        app_key: str = "app123",
        app_secret: str | None = "dbx-app-secret",
    ) -> None:
        self.files: dict[str, bytes] = {}
        self.sessions: dict[str, bytearray] = {}
        self.refresh_token = refresh_token
        self.app_key = app_key
        self.app_secret = app_secret
        super().__init__("dropbox")
        self.access_token = self.issue_token()

    def unauthorized(self) -> Response:
        return self.json_error(
            401,
            {"error_summary": "expired_access_token/", "error": {".tag": "expired_access_token"}},
        )

    def _arg(self) -> dict[str, Any] | str:
        raw = request.headers.get("Dropbox-API-Arg")
        if raw is None:
            return "Dropbox-API-Arg header missing"
        if not raw.isascii():
            return "Dropbox-API-Arg must be ASCII (escape non-ASCII as \\uXXXX)"
        try:
            value = json.loads(raw)
        except ValueError:
            return "Dropbox-API-Arg is not JSON"
        if request.headers.get("Content-Type") != "application/octet-stream":
            return "content endpoints take Content-Type: application/octet-stream"
        return value if isinstance(value, dict) else "Dropbox-API-Arg must be an object"

    def _commit_ok(self, commit: Any) -> str | None:
        if not isinstance(commit, dict) or not str(commit.get("path", "")).startswith("/"):
            return "commit.path must start with /"
        if commit.get("mode") not in ("add", "overwrite", None):
            return "commit.mode must be add or overwrite"
        return None

    def _store(self, path: str, data: bytes) -> Response:
        used = sum(len(v) for k, v in self.files.items() if k != path)
        if self.quota is not None and used + len(data) > self.quota:
            return self.json_error(
                409,
                {
                    "error_summary": "path/insufficient_space/..",
                    "error": {".tag": "path", "reason": {".tag": "insufficient_space"}},
                },
            )
        self.files[path] = bytes(data)
        return jsonify({"name": path.rsplit("/", 1)[-1], "path_display": path, "size": len(data)})

    def _rpc_body(self) -> dict[str, Any] | str:
        if request.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return "RPC endpoints take Content-Type: application/json"
        body = request.get_json(silent=True)
        return body if isinstance(body, dict) else "RPC body must be a JSON object"

    def routes(self) -> None:
        app = self.app

        @app.post("/oauth2/token")
        def token():
            form = request.form
            if form.get("grant_type") != "refresh_token":
                return self.problem("grant_type must be refresh_token")
            good = (
                form.get("refresh_token") == self.refresh_token
                and form.get("client_id") == self.app_key
                and (self.app_secret is None or form.get("client_secret") == self.app_secret)
            )
            if not good:
                return self.json_error(400, {"error": "invalid_grant"})
            return jsonify(
                {"access_token": self.issue_token(), "token_type": "bearer", "expires_in": 14400}
            )

        @app.post("/2/files/upload")
        def upload():
            if not self.bearer_ok():
                return self.unauthorized()
            arg = self._arg()
            if isinstance(arg, str):
                return self.problem(arg)
            if problem := self._commit_ok(arg):
                return self.problem(problem)
            return self._store(arg["path"], request.get_data())

        @app.post("/2/files/upload_session/start")
        def start():
            if not self.bearer_ok():
                return self.unauthorized()
            arg = self._arg()
            if isinstance(arg, str):
                return self.problem(arg)
            session_id = secrets.token_hex(8)
            self.sessions[session_id] = bytearray(request.get_data())
            return jsonify({"session_id": session_id})

        def cursor_of(arg: dict[str, Any]) -> tuple[bytearray, None] | tuple[None, Response]:
            cursor = arg.get("cursor")
            if not isinstance(cursor, dict) or cursor.get("session_id") not in self.sessions:
                return None, self.problem("cursor.session_id unknown")
            data = self.sessions[cursor["session_id"]]
            if cursor.get("offset") != len(data):
                return None, self.json_error(
                    409,
                    {
                        "error_summary": "incorrect_offset/",
                        "error": {".tag": "incorrect_offset", "correct_offset": len(data)},
                    },
                )
            return data, None

        @app.post("/2/files/upload_session/append_v2")
        def append():
            if not self.bearer_ok():
                return self.unauthorized()
            arg = self._arg()
            if isinstance(arg, str):
                return self.problem(arg)
            data, error = cursor_of(arg)
            if error is not None:
                return error
            data.extend(request.get_data())
            return jsonify(None)

        @app.post("/2/files/upload_session/finish")
        def finish():
            if not self.bearer_ok():
                return self.unauthorized()
            arg = self._arg()
            if isinstance(arg, str):
                return self.problem(arg)
            if problem := self._commit_ok(arg.get("commit")):
                return self.problem(problem)
            data, error = cursor_of(arg)
            if error is not None:
                return error
            data.extend(request.get_data())
            del self.sessions[arg["cursor"]["session_id"]]
            return self._store(arg["commit"]["path"], bytes(data))

        @app.post("/2/files/move_v2")
        def move():
            if not self.bearer_ok():
                return self.unauthorized()
            body = self._rpc_body()
            if isinstance(body, str):
                return self.problem(body)
            source, target = body.get("from_path"), body.get("to_path")
            if source not in self.files:
                return self.json_error(409, {"error_summary": "from_lookup/not_found/"})
            if target in self.files:
                return self.json_error(409, {"error_summary": "to/conflict/file/.."})
            self.files[target] = self.files.pop(source)
            return jsonify({"metadata": {"path_display": target}})

        @app.post("/2/files/delete_v2")
        def delete():
            if not self.bearer_ok():
                return self.unauthorized()
            body = self._rpc_body()
            if isinstance(body, str):
                return self.problem(body)
            if self.files.pop(body.get("path"), None) is None:
                return self.json_error(409, {"error_summary": "path_lookup/not_found/"})
            return jsonify({"metadata": {"path_display": body["path"]}})


# --- Google Drive ---------------------------------------------------------------------------


@dataclass
class DriveFile:
    name: str
    parents: list[str]
    data: bytes


@dataclass
class _Resumable:
    name: str
    parents: list[str]
    size: int
    received: bytearray = field(default_factory=bytearray)


class GoogleStandIn(StandIn):
    """OAuth token endpoint and Drive v3 (resumable upload, rename, delete) in one server."""

    def __init__(
        self,
        *,
        client_id: str = "client.apps.googleusercontent.com",
        client_secret: str = "g-client-secret",
        refresh_token: str = "g-refresh",
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.drive: dict[str, DriveFile] = {}
        self.uploads: dict[str, _Resumable] = {}
        super().__init__("google")

    def unauthorized(self) -> Response:
        return self.json_error(
            401,
            {"error": {"code": 401, "status": "UNAUTHENTICATED", "message": "Invalid Credentials"}},
        )

    def by_name(self) -> dict[str, bytes]:
        return {f.name: f.data for f in self.drive.values()}

    def routes(self) -> None:
        app = self.app

        @app.post("/token")
        def token():
            form = request.form
            if form.get("grant_type") != "refresh_token":
                return self.problem("grant_type must be refresh_token")
            if (form.get("client_id"), form.get("client_secret")) != (
                self.client_id,
                self.client_secret,
            ):
                return self.json_error(401, {"error": "invalid_client"})
            if form.get("refresh_token") != self.refresh_token:
                return self.json_error(400, {"error": "invalid_grant"})
            return jsonify(
                {"access_token": self.issue_token(), "expires_in": 3599, "token_type": "Bearer"}
            )

        @app.post("/upload/drive/v3/files")
        def start():
            if request.args.get("uploadType") != "resumable":
                return self.problem("uploadType must be resumable")
            if not self.bearer_ok():
                return self.unauthorized()
            body = request.get_json(silent=True)
            if not isinstance(body, dict) or not body.get("name"):
                return self.problem("metadata JSON with a name expected")
            parents = body.get("parents")
            if not (isinstance(parents, list) and len(parents) == 1):
                return self.problem("exactly one parent folder expected")
            try:
                size = int(request.headers["X-Upload-Content-Length"])
            except (KeyError, ValueError):
                return self.problem("X-Upload-Content-Length missing")
            if not request.headers.get("X-Upload-Content-Type"):
                return self.problem("X-Upload-Content-Type missing")
            used = sum(len(f.data) for f in self.drive.values())
            if self.quota is not None and used + size > self.quota:
                return self.json_error(
                    403,
                    {
                        "error": {
                            "code": 403,
                            "message": "The user's Drive storage quota has been exceeded.",
                            "errors": [{"reason": "storageQuotaExceeded", "domain": "usageLimits"}],
                        }
                    },
                )
            upload_id = secrets.token_hex(8)
            self.uploads[upload_id] = _Resumable(body["name"], parents, size)
            response = jsonify({})
            response.headers["Location"] = (
                f"{self.url}/upload/drive/v3/files?uploadType=resumable&upload_id={upload_id}"
            )
            return response

        @app.put("/upload/drive/v3/files")
        def chunk():
            upload = self.uploads.get(request.args.get("upload_id", ""))
            if upload is None:
                return self.json_error(404, {"error": {"code": 404, "message": "No such upload"}})
            if not self.bearer_ok():
                return self.unauthorized()
            parsed = content_range(upload.size, len(upload.received))
            if isinstance(parsed, str):
                return self.problem(parsed)
            upload.received.extend(request.get_data())
            if len(upload.received) < upload.size:
                response = Response(status=308)
                response.headers["Range"] = f"bytes=0-{len(upload.received) - 1}"
                return response
            del self.uploads[request.args["upload_id"]]
            file_id = secrets.token_hex(6)
            self.drive[file_id] = DriveFile(upload.name, upload.parents, bytes(upload.received))
            return jsonify({"kind": "drive#file", "id": file_id, "name": upload.name})

        @app.route("/drive/v3/files/<file_id>", methods=["PATCH", "DELETE"])
        def item(file_id: str):
            if not self.bearer_ok():
                return self.unauthorized()
            found = self.drive.get(file_id)
            if found is None:
                return self.json_error(404, {"error": {"code": 404, "message": "File not found"}})
            if request.method == "DELETE":
                del self.drive[file_id]
                return Response(status=204)
            body = request.get_json(silent=True)
            if not isinstance(body, dict) or not body.get("name"):
                return self.problem("PATCH body with a name expected")
            found.name = body["name"]
            return jsonify({"id": file_id, "name": found.name})


# --- Microsoft identity platform + Graph -------------------------------------------------


@dataclass
class _GraphSession:
    path: str
    size: int | None = None
    received: bytearray = field(default_factory=bytearray)


class MicrosoftStandIn(StandIn):
    """Token endpoint (/{tenant}/oauth2/v2.0/token) and Graph drive uploads in one server."""

    def __init__(
        self,
        *,
        client_id: str = "0b1c2d3e-0000-4000-8000-000000000000",
        client_secret: str = "ms-client-secret",
        refresh_token: str = "ms-refresh",
        tenant: str = "common",
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.tenant = tenant
        self.items: dict[str, tuple[str, bytes]] = {}  # id -> (path, data)
        self.sessions: dict[str, _GraphSession] = {}
        super().__init__("microsoft")

    def unauthorized(self) -> Response:
        return self.json_error(
            401,
            {
                "error": {
                    "code": "InvalidAuthenticationToken",
                    "message": "Access token has expired.",
                }
            },
        )

    def by_path(self) -> dict[str, bytes]:
        return {path: data for path, data in self.items.values()}

    def routes(self) -> None:
        app = self.app

        @app.post("/<tenant>/oauth2/v2.0/token")
        def token(tenant: str):
            form = request.form
            if tenant != self.tenant:
                return self.problem(f"unexpected tenant {tenant}")
            if form.get("grant_type") != "refresh_token":
                return self.problem("grant_type must be refresh_token")
            if "offline_access" not in form.get("scope", ""):
                return self.problem("scope must include offline_access")
            if (form.get("client_id"), form.get("client_secret")) != (
                self.client_id,
                self.client_secret,
            ):
                return self.json_error(401, {"error": "invalid_client"})
            if form.get("refresh_token") != self.refresh_token:
                return self.json_error(400, {"error": "invalid_grant"})
            return jsonify(
                {"access_token": self.issue_token(), "token_type": "Bearer", "expires_in": 3600}
            )

        @app.post("/v1.0/me/drive/<path:rest>")
        def create_session(rest: str):
            if not (rest.startswith("root:/") and rest.endswith(":/createUploadSession")):
                return self.problem("expected root:/{path}:/createUploadSession")
            if not self.bearer_ok():
                return self.unauthorized()
            path = rest[len("root:/") : -len(":/createUploadSession")]
            body = request.get_json(silent=True)
            item = body.get("item") if isinstance(body, dict) else None
            if not isinstance(item, dict) or item.get("name") != path.rsplit("/", 1)[-1]:
                return self.problem("item.name must be the path's last part")
            if self.quota is not None and sum(len(d) for _, d in self.items.values()) >= self.quota:
                return self.json_error(
                    507,
                    {"error": {"code": "insufficientStorage", "message": "Insufficient Storage"}},
                )
            session_id = secrets.token_hex(8)
            self.sessions[session_id] = _GraphSession(path)
            return jsonify(
                {
                    "uploadUrl": f"{self.url}/upload-session/{session_id}",
                    "expirationDateTime": "2030-01-01T00:00:00Z",
                }
            )

        @app.route("/upload-session/<session_id>", methods=["PUT", "DELETE"])
        def upload(session_id: str):
            session = self.sessions.get(session_id)
            if session is None:
                return self.json_error(404, {"error": {"code": "itemNotFound"}})
            if "Authorization" in request.headers:
                return self.problem("an upload URL must not get an Authorization header")
            if request.method == "DELETE":
                del self.sessions[session_id]
                return Response(status=204)
            parsed = content_range(session.size, len(session.received))
            if isinstance(parsed, str):
                return self.problem(parsed)
            session.size = parsed[2]
            used = sum(len(d) for _, d in self.items.values())
            if self.quota is not None and used + session.size > self.quota:
                return self.json_error(
                    507,
                    {"error": {"code": "insufficientStorage", "message": "Insufficient Storage"}},
                )
            session.received.extend(request.get_data())
            if len(session.received) < session.size:
                response = jsonify(
                    {
                        "expirationDateTime": "2030-01-01T00:00:00Z",
                        "nextExpectedRanges": [f"{len(session.received)}-"],
                    }
                )
                response.status_code = 202
                return response
            del self.sessions[session_id]
            item_id = secrets.token_hex(6)
            self.items[item_id] = (session.path, bytes(session.received))
            response = jsonify(
                {"id": item_id, "name": session.path.rsplit("/", 1)[-1], "size": session.size}
            )
            response.status_code = 201
            return response

        @app.route("/v1.0/me/drive/items/<item_id>", methods=["PATCH", "DELETE"])
        def item(item_id: str):
            if not self.bearer_ok():
                return self.unauthorized()
            if item_id not in self.items:
                return self.json_error(404, {"error": {"code": "itemNotFound"}})
            if request.method == "DELETE":
                del self.items[item_id]
                return Response(status=204)
            body = request.get_json(silent=True)
            if not isinstance(body, dict) or not body.get("name"):
                return self.problem("PATCH body with a name expected")
            path, data = self.items[item_id]
            folder = path.rsplit("/", 1)[0] if "/" in path else ""
            new_path = f"{folder}/{body['name']}" if folder else body["name"]
            self.items[item_id] = (new_path, data)
            return jsonify({"id": item_id, "name": body["name"]})


@contextmanager
def running(stand_in: StandIn) -> Iterator[StandIn]:
    stand_in.start()
    try:
        yield stand_in
    finally:
        stand_in.stop()
