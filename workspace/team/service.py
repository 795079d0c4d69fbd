"""Inviting, listing, re-roling and removing the admins of an account.

An invitation is an Admin row without a password: the emailed link carries a random
token (only its SHA-256 is stored, as for the sign-up confirmation) that expires after
INVITATION_HOURS; resending replaces it. An account always keeps one active owner.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from workspace.auth.models import Account, Admin
from workspace.auth.service import end_all_sessions
from workspace.database import utcnow
from workspace.errors import Conflict, FieldErrors
from workspace.extensions import db
from workspace.mail import send_mail
from workspace.security import hash_token, new_token
from workspace.tenancy import get_owned, scoped


def list_members(account_id: int) -> list[Admin]:
    return list(db.session.execute(scoped(Admin, account_id).order_by(Admin.id)).scalars())


def invite(inviter: Admin, data: dict) -> Admin:
    email = data["email"].strip().lower()
    if db.session.execute(db.select(Admin.id).where(Admin.email == email)).first():
        raise FieldErrors({"email": "This address already belongs to an admin."})
    now = utcnow()
    member = Admin(
        account_id=inviter.account_id,
        email=email,
        password_hash="",  # never verifies: no login until the invitation is accepted
        first_name=data.get("first_name", "").strip(),
        last_name=data.get("last_name", "").strip(),
        phone_number="",
        country=inviter.country,
        terms_accepted_at=now,
        privacy_accepted_at=now,
        role=data["role"],
        invited_by_id=inviter.id,
    )
    token = _new_invitation(member)
    db.session.add(member)
    db.session.commit()
    _send_invitation(member, inviter, token)
    return member


def resend(inviter: Admin, member_id: int) -> Admin:
    member = get_owned(Admin, member_id, inviter.account_id)
    if member.status != "invited":
        raise Conflict(f"{member.email} has already accepted the invitation.")
    token = _new_invitation(member)
    db.session.commit()
    _send_invitation(member, inviter, token)
    return member


def change_role(account_id: int, member_id: int, role: str) -> Admin:
    member = get_owned(Admin, member_id, account_id)
    if member.role == "owner" and role != "owner":
        _keep_an_owner(account_id, member)
    member.role = role
    db.session.commit()
    return member


def remove(account_id: int, member_id: int) -> None:
    member = get_owned(Admin, member_id, account_id)
    if member.role == "owner":
        _keep_an_owner(account_id, member)
    end_all_sessions(member)  # closes their sockets too; the rows would cascade anyway
    db.session.delete(member)
    db.session.commit()


def _keep_an_owner(account_id: int, leaving: Admin) -> None:
    owners = db.session.execute(
        scoped(Admin, account_id).where(
            Admin.role == "owner",
            Admin.id != leaving.id,
            Admin.confirmed_at.is_not(None),
            Admin.disabled.is_(False),
        )
    ).first()
    if owners is None:
        raise Conflict(
            f"{leaving.email} is the last owner of this account. Make another admin an owner first."
        )


def _new_invitation(member: Admin) -> str:
    token = new_token()
    member.invite_token_hash = hash_token(token)
    hours = current_app.config["INVITATION_HOURS"]
    member.invite_expires_at = utcnow() + timedelta(hours=hours)
    return token


def _send_invitation(member: Admin, inviter: Admin, token: str) -> None:
    account = db.session.get(Account, member.account_id)
    link = f"{current_app.config['PUBLIC_URL'].rstrip('/')}/invitation?token={token}"
    hours = current_app.config["INVITATION_HOURS"]
    who = inviter.full_name or inviter.email
    send_mail(
        member.email,
        f"{who} invited you to {account.name} on Callflow Workspace",
        f"Hello,\n\n{who} invited you to manage {account.name} as {member.role}.\n"
        f"Choose your password with this link (it works for {hours} hours):\n{link}\n\n"
        "If you did not expect this, ignore this message.\n",
        html=f"<p>{who} invited you to manage {account.name} as {member.role}.</p>"
        f'<p><a href="{link}">Accept the invitation</a></p>',
    )
