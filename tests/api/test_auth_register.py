"""Registration: every refusal names its field and creates nothing."""

from __future__ import annotations

import pytest

from tests.factories import registration
from workspace.auth.models import Account, Admin
from workspace.extensions import db

REGISTER = "/api/v1/auth/register"
REQUIRED = [
    "first_name",
    "last_name",
    "email",
    "phone_number",
    "country",
    "password",
    "password_confirm",
    "accept_terms",
    "accept_privacy",
]


def _counts(app) -> tuple[int, int]:
    with app.app_context():
        accounts = db.session.scalar(db.select(db.func.count()).select_from(Account))
        admins = db.session.scalar(db.select(db.func.count()).select_from(Admin))
        return accounts, admins


@pytest.mark.parametrize("field", REQUIRED)
def test_when_required_field_missing_then_422_names_it_and_nothing_is_created(app, client, field):
    body = registration()
    del body[field]
    response = client.post(REGISTER, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    assert _counts(app) == (0, 0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password_confirm": "something-else"}, "password_confirm"),
        ({"accept_terms": False}, "accept_terms"),
        ({"accept_privacy": False}, "accept_privacy"),
        ({"phone_number": "12"}, "phone_number"),
        ({"phone_number": "+1 415 555 0100", "country": "XX"}, "country"),
        ({"email": "not-an-email"}, "email"),
        ({"password": "short", "password_confirm": "short"}, "password"),
        ({"first_name": ""}, "first_name"),
        ({"newsletter": "maybe"}, "newsletter"),
        ({"is_admin": True}, "is_admin"),
    ],
)
def test_when_field_invalid_then_422_names_it_and_nothing_is_created(app, client, overrides, field):
    response = client.post(REGISTER, json=registration(**overrides))
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == 422 and body["status"] == "Unprocessable Entity"
    assert field in body["errors"]["json"]
    assert _counts(app) == (0, 0)


def test_when_body_is_not_json_then_400_or_422_and_nothing_is_created(app, client):
    response = client.client.post(REGISTER, data="{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.get_json()["code"] == response.status_code
    assert _counts(app) == (0, 0)


def test_when_email_already_registered_then_422_on_email(app, client):
    assert client.post(REGISTER, json=registration()).status_code == 201
    response = client.post(REGISTER, json=registration(email="MIKE.BROWN@example.com"))
    assert response.status_code == 422
    assert "email" in response.get_json()["errors"]["json"]
    assert _counts(app) == (1, 1)


def test_when_registered_then_login_refused_until_confirmed(app, client, caplog):
    caplog.set_level("WARNING")
    response = client.post(REGISTER, json=registration())
    assert response.status_code == 201
    assert "activation link" in response.get_json()["message"]
    login = {"email": "mike.brown@example.com", "password": "s3cret-password"}
    refused = client.post("/api/v1/auth/login", json=login)
    assert refused.status_code == 403
    assert "confirm" in refused.get_json()["message"].lower()

    # Embedded mode without SMTP logs the link instead of sending it.
    link = next(r.getMessage() for r in caplog.records if "/confirm?token=" in r.getMessage())
    token = link.split("/confirm?token=")[1].split()[0]
    confirmed = client.post("/api/v1/auth/confirm", json={"token": token})
    assert confirmed.status_code == 200
    assert client.post("/api/v1/auth/login", json=login).status_code == 200
    with app.app_context():
        admin = db.session.execute(db.select(Admin)).scalar_one()
        assert admin.phone_number == "+14155550100"
        assert admin.password_hash.startswith("$argon2id$")
        assert admin.account.name == "Mike Brown"


def test_when_confirm_token_unknown_or_reused_then_422(app, client, caplog):
    caplog.set_level("WARNING")
    assert client.post("/api/v1/auth/confirm", json={"token": "x" * 40}).status_code == 422
    client.post(REGISTER, json=registration())
    link = next(r.getMessage() for r in caplog.records if "/confirm?token=" in r.getMessage())
    token = link.split("/confirm?token=")[1].split()[0]
    assert client.post("/api/v1/auth/confirm", json={"token": token}).status_code == 200
    assert client.post("/api/v1/auth/confirm", json={"token": token}).status_code == 422
