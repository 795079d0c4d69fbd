"""Registration: every refusal names its field and creates nothing."""

from __future__ import annotations

import pytest

from tests.factories import make_admin, registration
from tests.mailbox import Mailbox, smtp_server
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
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
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


@pytest.fixture
def mailbox(app):
    """A real SMTP server the app sends to."""
    with smtp_server() as (box, port):
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        yield box


def test_when_email_already_registered_then_the_answer_is_the_one_for_a_new_address(
    app, client, mailbox
):
    new = client.post(REGISTER, json=registration())
    taken = client.post(REGISTER, json=registration(email="MIKE.BROWN@example.com"))
    assert taken.status_code == new.status_code == 201
    assert taken.get_json() == new.get_json()
    assert taken.headers.get("Content-Length") == new.headers.get("Content-Length")
    assert _counts(app) == (1, 1)


def test_when_a_confirmed_admins_email_is_registered_again_then_the_owner_is_told_by_mail(
    app, client, mailbox
):
    with app.app_context():
        make_admin(email="ann@example.com", first_name="Ann", password="anns-own-password")
    response = client.post(REGISTER, json=registration(email="ann@example.com", first_name="X"))
    assert response.status_code == 201
    message = mailbox.wait_for("ann@example.com")
    text = Mailbox.text_of(message)
    assert message["Subject"] == "Someone tried to sign up with your address"
    assert "Hello Ann" in text and "http://127.0.0.1:5000/login" in text
    assert "/confirm?token=" not in text
    assert _counts(app) == (1, 1)
    with app.app_context():
        admin = db.session.execute(db.select(Admin)).scalar_one()
        assert admin.first_name == "Ann"  # the attempt changed nothing of the account
    login = {"email": "ann@example.com", "password": "anns-own-password"}
    assert client.post("/api/v1/auth/login", json=login).status_code == 200


def test_when_an_unconfirmed_email_is_registered_again_then_the_owner_gets_a_new_link(
    app, client, mailbox
):
    assert client.post(REGISTER, json=registration()).status_code == 201
    first = mailbox.wait_for("mike.brown@example.com")
    again = registration(first_name="Someone", password="other-password-1")
    again["password_confirm"] = again["password"]
    assert client.post(REGISTER, json=again).status_code == 201
    assert len(mailbox.messages) == 2
    text = Mailbox.text_of(mailbox.messages[1])
    assert "Someone tried to create" in text and "Hello Mike" in text
    token = text.split("/confirm?token=")[1].split()[0]
    assert token not in Mailbox.text_of(first)
    assert client.post("/api/v1/auth/confirm", json={"token": token}).status_code == 200
    login = {"email": "mike.brown@example.com", "password": "s3cret-password"}
    assert client.post("/api/v1/auth/login", json=login).status_code == 200
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
        assert admin.account.time_zone == "UTC"  # left out of the form


def test_when_registered_with_a_time_zone_then_the_account_keeps_it(app, client):
    response = client.post(REGISTER, json=registration(time_zone="Europe/Berlin"))
    assert response.status_code == 201
    with app.app_context():
        assert db.session.execute(db.select(Admin)).scalar_one().account.time_zone == (
            "Europe/Berlin"
        )


def test_when_confirm_token_unknown_or_reused_then_422(app, client, caplog):
    caplog.set_level("WARNING")
    assert client.post("/api/v1/auth/confirm", json={"token": "x" * 40}).status_code == 422
    client.post(REGISTER, json=registration())
    link = next(r.getMessage() for r in caplog.records if "/confirm?token=" in r.getMessage())
    token = link.split("/confirm?token=")[1].split()[0]
    assert client.post("/api/v1/auth/confirm", json={"token": token}).status_code == 200
    assert client.post("/api/v1/auth/confirm", json={"token": token}).status_code == 422
