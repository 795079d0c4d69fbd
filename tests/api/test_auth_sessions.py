"""Login, logout, sessions, CSRF, rate limits, password change, API tokens."""

from __future__ import annotations

from tests.factories import DEFAULT_PASSWORD
from tests.support import ApiClient
from workspace.auth.models import AdminSession, ApiToken
from workspace.extensions import db

LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"


def test_when_email_unknown_or_password_wrong_then_identical_401(client, admin):
    unknown = client.post(LOGIN, json={"email": "nobody@example.com", "password": "whatever1"})
    wrong = client.post(LOGIN, json={"email": admin["email"], "password": "wrong-password"})
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.get_json() == wrong.get_json()


def test_when_not_logged_in_then_me_is_401(client):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.get_json()["code"] == 401


def test_when_20_bad_logins_then_429(client, admin):
    statuses = [
        client.post(LOGIN, json={"email": admin["email"], "password": f"bad-{i}"}).status_code
        for i in range(20)
    ]
    assert statuses[0] == 401
    assert 429 in statuses
    last = client.post(LOGIN, json={"email": admin["email"], "password": DEFAULT_PASSWORD})
    assert last.status_code == 429
    assert last.get_json()["code"] == 429


def test_when_csrf_header_missing_then_403_and_nothing_changes(app, admin_client):
    response = admin_client.post("/api/v1/auth/tokens", json={"name": "ci"}, csrf=False)
    assert response.status_code == 403
    assert "CSRF" in response.get_json()["message"]
    wrong = admin_client.post(
        "/api/v1/auth/tokens", json={"name": "ci"}, csrf=False, headers={"X-CSRF-Token": "nope"}
    )
    assert wrong.status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 0


def test_when_logged_out_then_replayed_cookie_is_401(app, admin_client):
    cookie = admin_client.client.get_cookie("cfw_session")
    assert cookie is not None
    assert admin_client.get(ME).status_code == 200
    assert admin_client.post("/api/v1/auth/logout").status_code == 204
    replay = ApiClient(app.test_client())
    replay.client.set_cookie("cfw_session", cookie.value)
    assert replay.get(ME).status_code == 401
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(AdminSession)) == 0


def test_when_logged_in_then_cookie_is_httponly_samesite_and_me_answers(client, admin):
    response = client.post(LOGIN, json={"email": admin["email"], "password": DEFAULT_PASSWORD})
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header
    me = client.get(ME).get_json()
    assert me["admin"]["email"] == admin["email"]
    assert me["account"]["name"] == "Acme"
    assert me["csrf_token"]


def test_when_logging_in_twice_then_a_new_session_id_each_time(client, admin):
    body = {"email": admin["email"], "password": DEFAULT_PASSWORD}
    first = client.post(LOGIN, json=body).headers["Set-Cookie"]
    second = client.post(LOGIN, json=body).headers["Set-Cookie"]
    assert first.split(";")[0] != second.split(";")[0]


def test_when_current_password_wrong_then_422_and_password_unchanged(client, admin_client, admin):
    response = admin_client.post(
        "/api/v1/auth/password",
        json={
            "current_password": "not-it",
            "new_password": "brand-new-pass",
            "new_password_confirm": "brand-new-pass",
        },
    )
    assert response.status_code == 422
    assert "current_password" in response.get_json()["errors"]["json"]
    ok = client.post(LOGIN, json={"email": admin["email"], "password": DEFAULT_PASSWORD})
    assert ok.status_code == 200


def test_when_current_password_guessed_past_the_limit_then_429_and_the_right_one_is_refused(
    admin_client,
):
    def change(current: str):
        body = {
            "current_password": current,
            "new_password": "brand-new-pass",
            "new_password_confirm": "brand-new-pass",
        }
        return admin_client.post("/api/v1/auth/password", json=body)

    statuses = [change(f"guess-{i}").status_code for i in range(10)]  # the default: 10 per hour
    assert statuses == [422] * 10
    refused = change(DEFAULT_PASSWORD)
    assert refused.status_code == 429
    assert refused.get_json() == {
        "code": 429,
        "status": "Too Many Requests",
        "message": "Too many attempts. Please wait and try again.",
    }
    assert admin_client.get(ME).status_code == 200  # the session itself is untouched


def test_when_password_changed_then_other_sessions_end(app, admin_client, admin):
    other = ApiClient(app.test_client())
    other.login(admin["email"], DEFAULT_PASSWORD)
    response = admin_client.post(
        "/api/v1/auth/password",
        json={
            "current_password": DEFAULT_PASSWORD,
            "new_password": "brand-new-pass",
            "new_password_confirm": "brand-new-pass",
        },
    )
    assert response.status_code == 204
    assert admin_client.get(ME).status_code == 200
    assert other.get(ME).status_code == 401


def test_when_api_token_created_then_bearer_works_without_csrf_until_revoked(app, admin_client):
    created = admin_client.post("/api/v1/auth/tokens", json={"name": "automation"})
    assert created.status_code == 201
    token = created.get_json()["token"]
    assert token.startswith("cfw_")
    listed = admin_client.get("/api/v1/auth/tokens").get_json()
    assert [t["name"] for t in listed] == ["automation"]
    assert "token" not in listed[0]

    bearer = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    assert bearer.get(ME, headers=auth).status_code == 200
    made = bearer.post("/api/v1/auth/tokens", json={"name": "from-bot"}, headers=auth)
    assert made.status_code == 201  # bearer tokens need no CSRF header

    token_id = created.get_json()["id"]
    assert admin_client.delete(f"/api/v1/auth/tokens/{token_id}").status_code == 204
    assert bearer.get(ME, headers=auth).status_code == 401
    with app.app_context():
        stored = db.session.execute(db.select(ApiToken.token_hash)).scalars().all()
        assert token not in stored


def test_when_unknown_api_path_then_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["code"] == 404
