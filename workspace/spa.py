"""Serves the built single-page app; unknown paths outside the API fall back to index.html."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory

bp = Blueprint("spa", __name__)

# Paths that belong to the server; a miss there is a JSON 404, never the SPA.
SERVER_PREFIXES = ("api/", "device/", "socket.io", "healthz")


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def index(path: str):
    if path.startswith(SERVER_PREFIXES):
        abort(404)
    dist = Path(current_app.config["FRONTEND_DIST"])
    if path and (dist / path).is_file():
        return send_from_directory(dist, path)
    if not (dist / "index.html").is_file():
        return (
            "The frontend is not built yet: run `make run` (or `npm run build` in frontend/).",
            503,
            {"Content-Type": "text/plain"},
        )
    response = send_from_directory(dist, "index.html")
    response.headers["Cache-Control"] = "no-cache"
    return response
