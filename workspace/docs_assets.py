"""Serves the Swagger UI files for /api/v1/docs from the installed swagger-ui-bundle.

flask-smorest points the docs page at a CDN by default; this machine's users may have no
internet, so the same files come from the Python package instead. The page's start-up
script is a file of ours (static/docs-init.js), so the page needs no inline script.
"""

from pathlib import Path

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("docs_assets", __name__)

_STATIC = Path(__file__).resolve().parent / "static"


@bp.get("/api/v1/docs-assets/<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


@bp.get("/api/v1/docs-init.js")
def init_script():
    return send_from_directory(_STATIC, "docs-init.js", mimetype="text/javascript", max_age=3600)
