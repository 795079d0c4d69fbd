"""Every answer carries the security headers: errors and 404s, API JSON, the device API, the
SPA and its assets, the API docs; the public /activate page keeps its stricter policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workspace.config import Config

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def _policy(response) -> dict[str, str]:
    """The response's CSP as {directive: sources}."""
    header = response.headers["Content-Security-Policy"]
    pairs = (part.strip().partition(" ") for part in header.split(";") if part.strip())
    return {name: sources for name, _, sources in pairs}


def _assert_protected(response) -> dict[str, str]:
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value, (name, response.headers)
    assert response.headers.get("Referrer-Policy") in {"same-origin", "no-referrer"}
    policy = _policy(response)
    assert policy["frame-ancestors"] == "'none'"
    scripts = policy.get("script-src", policy["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    return policy


def _inline_scripts(html: str) -> list[str]:
    """<script> elements without a src: what script-src 'self' would block."""
    return [tag for tag in re.findall(r"<script\b[^>]*>", html, re.I) if "src=" not in tag]


@pytest.fixture
def dist(app, tmp_path) -> Path:
    """A built SPA of two files, served by the app."""
    folder = tmp_path / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(
        '<div id="root"></div><script type="module" src="/assets/app.js"></script>'
    )
    (folder / "assets" / "app.js").write_text("console.log(1)")
    app.config["FRONTEND_DIST"] = str(folder)
    return folder


# ---- refusals and errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v1/does-not-exist", 404),
        ("get", "/device/v1/does-not-exist", 404),
        ("get", "/api/v1/auth/me", 401),
        ("put", "/api/v1/auth/me", 405),
        ("post", "/api/v1/auth/login", 422),
        ("get", "/device/v1/config", 401),
    ],
)
def test_when_a_request_is_refused_then_the_error_carries_the_headers(client, method, url, status):
    response = getattr(client.client, method)(url, json={} if method == "post" else None)
    assert response.status_code == status
    assert response.get_json()["code"] == status
    policy = _assert_protected(response)
    assert policy["default-src"] == "'none'"  # JSON loads nothing


def test_when_the_host_header_is_not_a_host_then_no_socket_source_is_made_of_it(client, dist):
    response = client.get("/", headers={"Host": "evil.example; script-src *"})
    policy = _assert_protected(response)
    assert policy["connect-src"] == "'self' ws://127.0.0.1:8088"  # only the web phone's SIP
    assert policy["script-src"] == "'self'"


# ---- API and device API -----------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/healthz", "/api/v1/openapi.json", "/api/v1/object-types"])
def test_when_json_is_answered_then_it_carries_the_headers_and_allows_nothing(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    policy = _assert_protected(response)
    assert policy["default-src"] == "'none'"
    assert response.headers["Referrer-Policy"] == "same-origin"


# ---- pages and files --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/contacts/42"])
def test_when_the_spa_is_served_then_only_its_own_scripts_may_run(client, dist, path):
    response = client.get(path, headers={"Host": "pbx.example.com:8443"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = _assert_protected(response)
    assert policy["script-src"] == "'self'"
    assert policy["connect-src"] == (
        "'self' ws://pbx.example.com:8443 wss://pbx.example.com:8443 ws://127.0.0.1:8088"
    )  # the last: the web phone's SIP server (tests/api/test_web_phone_device.py)
    assert policy["img-src"] == "'self' data: blob:"
    assert policy["object-src"] == "'none'"


def test_when_a_static_asset_is_served_then_it_carries_the_headers(client, dist):
    response = client.get("/assets/app.js")
    assert response.status_code == 200 and response.data == b"console.log(1)"
    _assert_protected(response)


def test_when_the_built_spa_is_served_then_it_has_no_inline_script(client):
    index = Path(Config.FRONTEND_DIST) / "index.html"
    if not index.is_file():
        pytest.skip("frontend/dist is not built (make builds it before the tests)")
    response = client.get("/")
    assert response.status_code == 200
    assert _inline_scripts(response.get_data(as_text=True)) == []
    assert _assert_protected(response)["script-src"] == "'self'"


def test_when_the_docs_page_is_served_then_swagger_ui_starts_without_inline_script(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert _inline_scripts(html) == []
    assert _assert_protected(page)["script-src"] == "'self'"
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert sources[-1] == "/api/v1/docs-init.js"
    for source in sources:  # every script the page names is served here, same origin
        script = client.get(source)
        assert script.status_code == 200, source
        _assert_protected(script)
    assert b"SwaggerUIBundle(" in client.get("/api/v1/docs-init.js").data
    assert 'data-spec-url="/api/v1/openapi.json"' in html


def test_when_the_activate_page_is_served_then_its_stricter_policy_wins(client):
    response = client.get("/activate?code=k7qm4tzp9xwd")
    assert response.status_code == 200
    policy = _assert_protected(response)
    assert policy["default-src"] == "'none'" and "script-src" not in policy
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers.getlist("Content-Security-Policy") == [
        response.headers["Content-Security-Policy"]
    ]
