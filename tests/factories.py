"""Builders for test data, through the same services the API uses."""

from __future__ import annotations

from workspace.auth.service import create_confirmed_admin

DEFAULT_PASSWORD = "correct horse battery"


def make_admin(
    *,
    email: str,
    account_name: str = "Test Co",
    password: str = DEFAULT_PASSWORD,
    first_name: str = "Test",
    last_name: str = "Admin",
) -> dict:
    """A confirmed admin in a new account; returns plain ids (safe outside the app context)."""
    admin = create_confirmed_admin(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        account_name=account_name,
    )
    return {"id": admin.id, "email": admin.email, "account_id": admin.account_id}


def registration(**overrides) -> dict:
    """A valid registration body; override any field."""
    body = {
        "first_name": "Mike",
        "last_name": "Brown",
        "email": "mike.brown@example.com",
        "phone_number": "+1 415 555 0100",
        "country": "US",
        "password": "s3cret-password",
        "password_confirm": "s3cret-password",
        "accept_terms": True,
        "accept_privacy": True,
        "newsletter": False,
    }
    body.update(overrides)
    return body


def make_member(*, email: str, colleague: str, role: str, password: str = DEFAULT_PASSWORD) -> dict:
    """A confirmed admin with `role` in the account of the admin whose email is `colleague`."""
    from workspace.extensions import db

    admin = create_confirmed_admin(
        email=email,
        password=password,
        first_name="Team",
        last_name=role.title(),
        same_account_as=colleague,
    )
    admin.role = role
    db.session.commit()
    return {"id": admin.id, "email": admin.email, "account_id": admin.account_id}
