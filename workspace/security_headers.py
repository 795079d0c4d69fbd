"""The security headers of every answer: CSP, nosniff, no framing, a referrer policy.

One ``after_request`` hook sets them, so the SPA, static assets, API JSON, errors and
404s, the device API and the docs page all carry them. A view that needs a stricter policy
sets the header on its own response (the public /activate page does); the hook only
fills in what a response lacks.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

from workspace.device_api.sip_connection import sip_connection

__all__ = ["NOTHING_POLICY", "init_app", "page_policy"]

# Said on every answer, whatever it is.
_ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # for browsers without CSP frame-ancestors
    # Paths name accounts' devices and codes: no other site learns them from a Referer.
    "Referrer-Policy": "same-origin",
}

# JSON, files, audio and plain text are never documents that load anything: a browser that
# opens one (or is tricked into rendering an uploaded SVG) runs no script and fetches nothing.
NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

# A Host header that is a plain name or address (with a port): anything else (a `;` would
# start a new directive) gets no Socket.IO source at all rather than an injected one.
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


def page_policy(host: str | None, sip_websocket: str | None = None) -> str:
    """The CSP of the app's HTML pages (the SPA, the API docs).

    - script-src 'self': only the built bundles; no inline script, no eval.
    - style-src adds 'unsafe-inline' on purpose: Mantine writes its CSS variables and
      responsive style props into <style> tags at run time (and Swagger UI sets inline
      styles). A nonce would need index.html rendered per request and handed to Mantine's
      getStyleNonce; scripts stay blocked either way, which is what stops XSS.
    - connect-src: the API and Socket.IO's polling are 'self'; its WebSocket is ws:/wss: to
      this same host (both: TLS may end at a proxy in front, so the scheme seen here may
      not be the browser's; older browsers do not count ws: as 'self'). The web phone's
      SIP server (`sip_websocket`, the device config's WebSocket URL) is added by its origin.
    - img-src data: blob: for QR codes and icons drawn in CSS.
    """
    sockets = f" ws://{host} wss://{host}" if host and _HOST.match(host) else ""
    sip = _ws_origin(sip_websocket)
    if sip and sip not in sockets.split():
        sockets += f" {sip}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:; connect-src 'self'{sockets}; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


def _ws_origin(url: str | None) -> str | None:
    """``ws://host:port`` of a WebSocket URL, or None when it is not one (no injection)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("ws", "wss") or not _HOST.match(parts.netloc or "-;"):
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _add_headers(response: Response) -> Response:
    for name, value in _ALWAYS.items():
        response.headers.setdefault(name, value)
    if "Content-Security-Policy" not in response.headers:
        html = response.mimetype == "text/html"
        sip = sip_connection(current_app.config)["websocket_url"] if html else None
        policy = page_policy(request.host, sip) if html else NOTHING_POLICY
        response.headers["Content-Security-Policy"] = policy
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
