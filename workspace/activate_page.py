"""GET /activate: the public https fallback of an activation link (no login).

Opened from the instructions email or a QR code on a device where the call.center app may
not be installed yet. It explains how to install the app and enter the code, shows the code
from the query string and offers the Click to Activate (custom scheme) button. It never
reads the database: the code in the URL is only checked for its shape, so the page reveals
nothing about which codes exist.
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from workspace.contact_center.devices.activation_instructions import instructions
from workspace.contact_center.devices.activation_links import app_link
from workspace.contact_center.devices.codes import GROUP, code_hash, normalize_code

bp = Blueprint("activate_page", __name__)

# A page with a credential in its URL: no caching, no referrer, no scripts at all. These
# override the app-wide policy (workspace.security_headers), which adds nosniff and DENY.
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}


def _display_code(raw: str) -> str | None:
    """The code grouped for reading (K7QM-4TZP-9XWD), or None when it cannot be a code."""
    if code_hash(raw) is None:
        return None
    code = normalize_code(raw)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


@bp.get("/activate")
def activate():
    raw = request.args.get("code", "")
    code = _display_code(raw)
    server = current_app.config["PUBLIC_URL"].rstrip("/")
    html = render_template(
        "activation/activate.html",
        code=code,
        invalid=bool(raw) and code is None,
        app_link=app_link(server, code) if code else None,
        server=server,
        instructions=instructions(),
    )
    return html, 200, {"Content-Type": "text/html; charset=utf-8", **_HEADERS}
