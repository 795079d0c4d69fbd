"""Serves the Swagger UI files for /api/v1/docs from the installed swagger-ui-bundle.

flask-smorest points the docs page at a CDN by default; this machine's users may have no
internet, so the same files come from the Python package instead.
"""

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("docs_assets", __name__)


@bp.get("/api/v1/docs-assets/<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
