"""Registration, confirmation, login sessions, password changes and API tokens."""

from __future__ import annotations

from datetime import timedelta

import phonenumbers
from flask import current_app

from workspace.auth.models import Account, Admin, AdminSession, ApiToken
from workspace.auth.sockets import close_session_sockets
from workspace.database import utcnow
from workspace.errors import FieldErrors, Forbidden, Unauthorized
from workspace.extensions import db
from workspace.mail import send_mail
from workspace.security import hash_password, hash_token, new_token, verify_password
from workspace.tenancy import get_owned, scoped

INVALID_LOGIN = "Invalid email or password."
# Called with (account) inside the registration transaction; later features add to it
# (contact_center creates the built-in provider), so auth imports none of them.
ACCOUNT_CREATED_HOOKS: list = []


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def register_account(data: dict) -> None:
    """Create an account with its first admin, unconfirmed, and mail the confirmation link.

    An address that already has an account gets the same answer, so registration does not
    tell who has an account here: nothing is created and the owner is told by mail instead.
    Both ways hash the password and send one mail, so neither answers faster.
    """
    email = _normalise_email(data["email"])
    password_hash = hash_password(data["password"])
    existing = db.session.execute(db.select(Admin).where(Admin.email == email)).scalar_one_or_none()
    if existing is not None:
        _send_already_registered(existing)
        return
    now = utcnow()
    phone = phonenumbers.parse(data["phone_number"], data["country"])
    account = Account(
        name=f"{data['first_name']} {data['last_name']}", time_zone=data.get("time_zone", "UTC")
    )
    token = new_token()
    admin = Admin(
        account=account,
        email=email,
        password_hash=password_hash,
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        phone_number=phonenumbers.format_number(phone, phonenumbers.PhoneNumberFormat.E164),
        country=data["country"],
        newsletter=data.get("newsletter", False),
        terms_accepted_at=now,
        privacy_accepted_at=now,
        confirm_token_hash=hash_token(token),
        confirm_expires_at=now + timedelta(hours=current_app.config["CONFIRMATION_HOURS"]),
    )
    db.session.add_all([account, admin])
    db.session.flush()
    for hook in ACCOUNT_CREATED_HOOKS:
        hook(account)
    db.session.commit()
    _send_confirmation(admin, token)


def _confirm_link(token: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/confirm?token={token}"


def _send_confirmation(admin: Admin, token: str) -> None:
    link = _confirm_link(token)
    send_mail(
        admin.email,
        "Confirm your Callflow Workspace account",
        f"Hello {admin.first_name},\n\nConfirm your account by opening this link:\n{link}\n\n"
        "If you did not sign up, ignore this message.\n",
        html=f'<p>Hello {admin.first_name},</p><p><a href="{link}">Confirm my account</a></p>',
    )


def _send_already_registered(admin: Admin) -> None:
    """Tell the owner of an address that someone tried to sign up with it.

    Their account is left as it is (name, password); one still unconfirmed gets a fresh
    confirmation link, since an expired first link is the usual reason to sign up again.
    """
    login = f"{current_app.config['PUBLIC_URL'].rstrip('/')}/login"
    if admin.confirmed_at is None:
        token = new_token()
        admin.confirm_token_hash = hash_token(token)
        hours = current_app.config["CONFIRMATION_HOURS"]
        admin.confirm_expires_at = utcnow() + timedelta(hours=hours)
        db.session.commit()
        step = (
            "If it was you, confirm your address with this link, then log in with the "
            f"password you chose when you first signed up:\n{_confirm_link(token)}"
        )
    else:
        step = f"If it was you, log in instead:\n{login}"
    send_mail(
        admin.email,
        "Someone tried to sign up with your address",
        f"Hello {admin.first_name},\n\nSomeone tried to create a Callflow Workspace account "
        "with this email address. You already have an account, so no new one was made.\n\n"
        f"{step}\n\nIf it was not you, you can ignore this message.\n",
    )


def confirm_email(token: str) -> Admin:
    admin = db.session.execute(
        db.select(Admin).where(Admin.confirm_token_hash == hash_token(token))
    ).scalar_one_or_none()
    if admin is None or admin.confirm_expires_at is None or admin.confirm_expires_at < utcnow():
        raise FieldErrors({"token": "This confirmation link is invalid or has expired."})
    admin.confirmed_at = utcnow()
    admin.confirm_token_hash = None
    admin.confirm_expires_at = None
    db.session.commit()
    return admin


def authenticate(email: str, password: str) -> Admin:
    """The same answer for an unknown email and a wrong password (and the same work)."""
    admin = db.session.execute(
        db.select(Admin).where(Admin.email == _normalise_email(email))
    ).scalar_one_or_none()
    ok = verify_password(admin.password_hash if admin else None, password)
    if admin is None or not ok or admin.disabled:
        raise Unauthorized(INVALID_LOGIN)
    if admin.confirmed_at is None:
        raise Forbidden("Please confirm your email first: open the link we sent you.")
    return admin


def start_session(admin: Admin, user_agent: str = "") -> tuple[str, AdminSession]:
    """A fresh session id at every login; returns the cookie token (only its hash is stored)."""
    token = new_token()
    row = AdminSession(
        admin=admin,
        token_hash=hash_token(token),
        csrf_token=new_token(24),
        expires_at=utcnow() + timedelta(hours=current_app.config["SESSION_LIFETIME_HOURS"]),
        user_agent=user_agent[:300],
    )
    db.session.add(row)
    db.session.commit()
    return token, row


def end_session(session: AdminSession) -> None:
    session_id = session.id
    db.session.delete(session)
    db.session.commit()
    close_session_sockets([session_id])


def end_all_sessions(admin: Admin, *, keep: AdminSession | None = None) -> None:
    """Ends the admin's sessions (all, or all but `keep`) and their open sockets."""
    query = db.select(AdminSession.id).where(AdminSession.admin_id == admin.id)
    if keep is not None:
        query = query.where(AdminSession.id != keep.id)
    ids = list(db.session.execute(query).scalars())
    db.session.execute(db.delete(AdminSession).where(AdminSession.id.in_(ids)))
    db.session.commit()
    close_session_sockets(ids)


def change_password(admin: Admin, current: str, new: str, *, keep: AdminSession | None) -> None:
    """Ends every other session of the admin, so a leaked cookie stops working."""
    if not verify_password(admin.password_hash, current):
        raise FieldErrors({"current_password": "The current password is not correct."})
    admin.password_hash = hash_password(new)
    db.session.flush()
    end_all_sessions(admin, keep=keep)


def set_admin_disabled(admin: Admin, disabled: bool) -> None:
    admin.disabled = disabled
    db.session.flush()
    if disabled:
        end_all_sessions(admin)
    else:
        db.session.commit()


def list_api_tokens(account_id: int) -> list[ApiToken]:
    return list(db.session.execute(scoped(ApiToken, account_id).order_by(ApiToken.id)).scalars())


def create_api_token(admin: Admin, name: str) -> tuple[str, ApiToken]:
    token = "cfw_" + new_token()
    row = ApiToken(
        account_id=admin.account_id,
        admin=admin,
        name=name.strip(),
        token_hash=hash_token(token),
        prefix=token[:10],
    )
    db.session.add(row)
    db.session.commit()
    return token, row


def revoke_api_token(account_id: int, token_id: int) -> None:
    db.session.delete(get_owned(ApiToken, token_id, account_id))
    db.session.commit()


def create_confirmed_admin(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    account_name: str | None = None,
    same_account_as: str | None = None,
) -> Admin:
    """For the CLI: an admin who can log in at once, in a new account or, with
    `same_account_as` (another admin's email), in that admin's account."""
    email = _normalise_email(email)
    if db.session.execute(db.select(Admin.id).where(Admin.email == email)).first():
        raise FieldErrors({"email": "An account with this email already exists."})
    if len(password) < 8:
        raise FieldErrors({"password": "Use at least 8 characters."})
    now = utcnow()
    existing = None
    if same_account_as is not None:
        colleague = db.session.execute(
            db.select(Admin).where(Admin.email == _normalise_email(same_account_as))
        ).scalar_one_or_none()
        if colleague is None:
            raise FieldErrors({"same_account_as": "No admin has this email."})
        existing = colleague.account
    account = existing or Account(name=account_name or f"{first_name} {last_name}".strip())
    admin = Admin(
        account=account,
        email=email,
        password_hash=hash_password(password),
        first_name=first_name,
        last_name=last_name,
        phone_number="",
        country="US",
        terms_accepted_at=now,
        privacy_accepted_at=now,
        confirmed_at=now,
    )
    db.session.add_all([account, admin])
    db.session.flush()
    if existing is None:
        for hook in ACCOUNT_CREATED_HOOKS:
            hook(account)
    db.session.commit()
    return admin
