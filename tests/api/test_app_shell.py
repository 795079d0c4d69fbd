"""The app shell: health, OpenAPI, offline docs, SPA fallback, the one error shape."""

from __future__ import annotations

from tests.support import sqlite_begins


def test_when_api_path_unknown_then_json_404_not_the_spa(client):
    response = client.get("/api/v1/does-not-exist")
    assert response.status_code == 404
    assert response.get_json() == {
        "code": 404,
        "status": "Not Found",
        "message": response.get_json()["message"],
    }


def test_when_method_not_allowed_then_json_405(client):
    response = client.client.put("/api/v1/auth/me")
    assert response.status_code == 405
    assert response.get_json()["code"] == 405


def test_when_health_checked_then_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_when_openapi_requested_then_generated_document_lists_auth(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["info"]["title"] == "Callflow Workspace API"
    assert "/api/v1/auth/login" in spec["paths"]


def test_when_docs_opened_then_assets_are_served_locally(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert b"/api/v1/docs-assets/" in page.data
    asset = client.get("/api/v1/docs-assets/swagger-ui-bundle.js")
    assert asset.status_code == 200
    assert len(asset.data) > 100_000


def test_when_app_path_unknown_then_spa_index_is_served(client, app, tmp_path):
    (tmp_path / "index.html").write_text('<div id="root"></div>')
    (tmp_path / "app.js").write_text("console.log(1)")
    app.config["FRONTEND_DIST"] = str(tmp_path)
    deep = client.get("/contacts/42")
    assert deep.status_code == 200 and b'<div id="root">' in deep.data
    assert client.get("/app.js").data == b"console.log(1)"


def test_when_frontend_not_built_then_503_says_how_to_build(client, app, tmp_path):
    app.config["FRONTEND_DIST"] = str(tmp_path / "missing")
    response = client.get("/workspace")
    assert response.status_code == 503
    assert b"make run" in response.data


def test_when_item_id_is_beyond_32_bits_then_404_not_500(admin_client):
    for url in ("/api/v1/contacts/99999999999999999999", "/api/v1/tabs/2147483648"):
        response = admin_client.get(url)
        assert response.status_code == 404, (url, response.get_json())


def test_when_search_has_control_characters_then_422_naming_q(admin_client):
    response = admin_client.get("/api/v1/contacts?q=a%00b")
    assert response.status_code == 422
    assert "q" in response.get_json()["errors"]["query"]


def test_when_no_mail_server_but_an_outbox_then_mail_is_saved_as_eml(app, tmp_path):
    from workspace.mail import send_mail

    app.config.update(MAIL_SERVER="", MAIL_OUTBOX_DIR=str(tmp_path / "outbox"))
    with app.app_context():
        send_mail("ann@example.com", "Hello", "Your code is K7QM-4TZP-9XWD")
    (saved,) = (tmp_path / "outbox").glob("*.eml")
    text = saved.read_text()
    assert "To: ann@example.com" in text and "K7QM-4TZP-9XWD" in text


def test_when_requests_read_then_sqlite_begins_deferred_and_writes_take_the_lock(app):
    """GETs must not queue behind SQLite's single write lock; writes must take it at BEGIN."""
    with sqlite_begins(app) as begun:
        client = app.test_client()
        client.get("/healthz")
        reads = list(begun)
        client.post("/api/v1/auth/login", json={"email": "x@example.com", "password": "y" * 8})
    assert reads == ["BEGIN"]
    assert "BEGIN IMMEDIATE" in begun[len(reads) :]


def test_when_background_work_only_reads_then_sqlite_begins_deferred(app):
    """A draft validation on its thread must not hold the write lock logins wait on."""
    from sqlalchemy import text

    from workspace.database import reads_only
    from workspace.extensions import db

    with sqlite_begins(app) as begun, app.app_context():
        with reads_only():
            db.session.execute(text("SELECT 1"))
            db.session.rollback()
        db.session.execute(text("SELECT 1"))  # outside: background work writes
        db.session.rollback()
    assert begun == ["BEGIN", "BEGIN IMMEDIATE"]
