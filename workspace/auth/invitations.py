"""Accepting a team invitation: the invitee proves the link and chooses a password.

It lives in auth (not team) because it ends in a login session; team only issues links.
"""

from __future__ import annotations

from workspace.auth.models import Admin
from workspace.database import utcnow
from workspace.errors import FieldErrors
from workspace.extensions import db
from workspace.security import hash_password, hash_token

INVALID_LINK = "This invitation link is invalid or has expired. Ask for a new one."


def accept(data: dict) -> Admin:
    member = db.session.execute(
        db.select(Admin).where(Admin.invite_token_hash == hash_token(data["token"]))
    ).scalar_one_or_none()
    if member is None or member.invite_expires_at is None or member.invite_expires_at < utcnow():
        raise FieldErrors({"token": INVALID_LINK})
    member.password_hash = hash_password(data["password"])
    if data.get("first_name"):
        member.first_name = data["first_name"].strip()
    if "last_name" in data:
        member.last_name = data["last_name"].strip()
    member.confirmed_at = utcnow()  # the link reached their mailbox: the address is theirs
    member.invite_token_hash = None
    member.invite_expires_at = None
    db.session.commit()
    return member
