"""The ways an activation code reaches the app: links and QR codes.

`callcenter://activate?server=...&code=...` opens the installed app directly (Click to
Activate, and what the QR code holds); the https fallback `<server>/activate?code=...` is a
public page for a browser without the app, explaining how to install it and enter the code.
Pure functions: no database, no request.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno

__all__ = ["SCHEME", "app_link", "qr_png", "qr_svg", "web_link"]

SCHEME = "callcenter"


def _server(public_url: str) -> str:
    return public_url.rstrip("/")


def app_link(public_url: str, code: str) -> str:
    """The custom-scheme link the app registers for.

    >>> app_link("https://pbx.example.com/", "K7QM-4TZP-9XWD")
    'callcenter://activate?server=https%3A%2F%2Fpbx.example.com&code=K7QM-4TZP-9XWD'
    """
    return f"{SCHEME}://activate?" + urlencode({"server": _server(public_url), "code": code})


def web_link(public_url: str, code: str) -> str:
    """The https page that explains the activation where the app is not installed yet.

    >>> web_link("https://pbx.example.com", "K7QM-4TZP-9XWD")
    'https://pbx.example.com/activate?code=K7QM-4TZP-9XWD'
    """
    return f"{_server(public_url)}/activate?" + urlencode({"code": code})


def _qr(data: str) -> segno.QRCode:
    # Level M survives a smudged or glared screen; the link is short enough for a small symbol.
    return segno.make_qr(data, error="m")


def qr_svg(data: str) -> bytes:
    """An SVG QR code, dark on white, sized by the viewBox so it scales in an <img>."""
    out = io.BytesIO()
    _qr(data).save(out, kind="svg", scale=1, border=4, omitsize=True, xmldecl=True)
    return out.getvalue()


def qr_png(data: str, *, scale: int = 8) -> bytes:
    """A PNG QR code (for mail, where SVG is often not shown)."""
    out = io.BytesIO()
    _qr(data).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
