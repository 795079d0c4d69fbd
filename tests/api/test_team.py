"""The team: invitations through a real SMTP server, acceptance, roles, the last owner."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.factories import DEFAULT_PASSWORD, make_member
from tests.mailbox import Mailbox, smtp_server
from tests.support import ApiClient
from workspace.auth.models import Admin
from workspace.extensions import db

TEAM = "/api/v1/team"
ACCEPT = "/api/v1/auth/invitation"


@pytest.fixture
def mailbox(app):
    with smtp_server() as (box, port):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        yield box


def _token(mailbox: Mailbox, to: str, nth: int = 0) -> str:
    mailbox.wait_for(to)
    mails = [m for m in mailbox.messages if to in m.get("To", "")]
    return re.search(r"invitation\?token=(\S+)", Mailbox.text_of(mails[nth])).group(1)


def _invite(api: ApiClient, email="carol@example.com", role="viewer"):
    return api.post(TEAM, json={"email": email, "role": role, "first_name": "Carol"})


def _count(app) -> int:
    with app.app_context():
        return db.session.query(Admin).count()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "viewer"}, "email"),
        ({"email": "not-an-address", "role": "viewer"}, "email"),
        ({"email": "x@example.com"}, "role"),
        ({"email": "x@example.com", "role": "root"}, "role"),
    ],
)
def test_when_invite_invalid_then_422_names_field_and_no_admin_made(
    app, admin_client, mailbox, body, field
):
    before = _count(app)
    response = admin_client.post(TEAM, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    assert _count(app) == before and mailbox.messages == []


def test_when_address_already_an_admin_then_422(app, admin_client, admin, mailbox):
    response = _invite(admin_client, email=admin["email"].upper())
    assert response.status_code == 422
    assert "email" in response.get_json()["errors"]["json"]


def test_when_invitation_token_unknown_or_expired_then_422_and_no_login(
    app, client, admin_client, mailbox
):
    assert _invite(admin_client).status_code == 201
    token = _token(mailbox, "carol@example.com")
    unknown = client.post(ACCEPT, json={"token": "x" * 40, "password": "long enough pw"})
    assert unknown.status_code == 422 and "token" in unknown.get_json()["errors"]["json"]
    with app.app_context():
        row = db.session.execute(db.select(Admin).filter_by(email="carol@example.com")).scalar_one()
        row.invite_expires_at = row.invite_expires_at - timedelta(days=30)
        db.session.commit()
    expired = client.post(ACCEPT, json={"token": token, "password": "long enough pw"})
    assert expired.status_code == 422
    login = client.post(
        "/api/v1/auth/login", json={"email": "carol@example.com", "password": "long enough pw"}
    )
    assert login.status_code == 401


def test_when_invitation_password_short_then_422(client, admin_client, mailbox):
    _invite(admin_client)
    token = _token(mailbox, "carol@example.com")
    response = client.post(ACCEPT, json={"token": token, "password": "short"})
    assert response.status_code == 422 and "password" in response.get_json()["errors"]["json"]


def test_when_invited_then_listed_as_invited_and_cannot_log_in(client, admin_client, mailbox):
    created = _invite(admin_client).get_json()
    assert created["status"] == "invited" and created["role"] == "viewer"
    listed = {m["email"]: m for m in admin_client.get(TEAM).get_json()}
    assert listed["carol@example.com"]["status"] == "invited"
    assert listed["alice@example.com"]["role"] == "owner"
    login = client.post("/api/v1/auth/login", json={"email": "carol@example.com", "password": ""})
    assert login.status_code == 401


def test_when_resent_then_old_link_dead_and_new_link_logs_in(app, client, admin_client, mailbox):
    member = _invite(admin_client).get_json()
    first = _token(mailbox, "carol@example.com")
    assert admin_client.post(f"{TEAM}/{member['id']}/resend").status_code == 200
    mailbox.wait_for("carol@example.com")
    while len([m for m in mailbox.messages if "carol" in m["To"]]) < 2:
        mailbox.wait_for("carol@example.com")
    second = _token(mailbox, "carol@example.com", nth=1)
    assert (
        client.post(ACCEPT, json={"token": first, "password": "carols password"}).status_code == 422
    )
    accepted = client.post(ACCEPT, json={"token": second, "password": "carols password"})
    assert accepted.status_code == 200, accepted.get_json()
    assert accepted.get_json()["admin"]["role"] == "viewer"
    me = client.get("/api/v1/auth/me")
    assert me.status_code == 200 and me.get_json()["admin"]["email"] == "carol@example.com"
    # Used once: the same link does not work again, and resending is refused now.
    assert (
        client.post(ACCEPT, json={"token": second, "password": "other password"}).status_code == 422
    )
    assert admin_client.post(f"{TEAM}/{member['id']}/resend").status_code == 409


def test_when_last_owner_removed_or_demoted_then_409_and_unchanged(app, admin_client, admin):
    assert admin_client.delete(f"{TEAM}/{admin['id']}").status_code == 409
    demoted = admin_client.patch(f"{TEAM}/{admin['id']}", json={"role": "admin"})
    assert demoted.status_code == 409 and "last owner" in demoted.get_json()["message"]
    with app.app_context():
        assert db.session.get(Admin, admin["id"]).role == "owner"


def test_when_another_owner_exists_then_owner_can_be_removed_and_sessions_end(
    app, admin, admin_client
):
    with app.app_context():
        other = make_member(email="dave@example.com", colleague=admin["email"], role="owner")
    dave = ApiClient(app.test_client())
    dave.login("dave@example.com", DEFAULT_PASSWORD)
    assert admin_client.delete(f"{TEAM}/{other['id']}").status_code == 204
    assert dave.get("/api/v1/auth/me").status_code == 401
    assert [m["email"] for m in admin_client.get(TEAM).get_json()] == ["alice@example.com"]


@pytest.mark.parametrize("role", ["admin", "viewer"])
def test_when_not_owner_then_team_writes_403_but_list_allowed(app, admin, role):
    with app.app_context():
        make_member(email="erin@example.com", colleague=admin["email"], role=role)
    erin = ApiClient(app.test_client())
    erin.login("erin@example.com", DEFAULT_PASSWORD)
    assert erin.get(TEAM).status_code == 200
    response = _invite(erin)
    assert response.status_code == 403 and response.get_json()["code"] == 403
    assert erin.delete(f"{TEAM}/{admin['id']}").status_code == 403
    assert erin.patch("/api/v1/account/settings", json={}).status_code == 403


def test_when_admin_role_then_workspace_writes_allowed(app, admin):
    with app.app_context():
        make_member(email="erin@example.com", colleague=admin["email"], role="admin")
    erin = ApiClient(app.test_client())
    erin.login("erin@example.com", DEFAULT_PASSWORD)
    assert erin.post("/api/v1/tabs", json={"name": "Support"}).status_code == 201
