"""The demo account's team: a viewer who can log in, and an invitation still open, so the
Team page shows every state and the Activity page has more than one author."""

from __future__ import annotations

from datetime import timedelta

from workspace.auth.models import Account, Admin
from workspace.database import utcnow
from workspace.extensions import db
from workspace.security import hash_password, hash_token, new_token

DEMO_VIEWER_EMAIL = "viewer@callflow.local"
DEMO_VIEWER_PASSWORD = "demo-viewer"


def build_team(account: Account, owner: Admin) -> None:
    now = utcnow()
    common = dict(
        account=account,
        phone_number="",
        country="US",
        terms_accepted_at=now,
        privacy_accepted_at=now,
        invited_by_id=owner.id,
    )
    viewer = Admin(
        email=DEMO_VIEWER_EMAIL,
        password_hash=hash_password(DEMO_VIEWER_PASSWORD),
        first_name="Vic",
        last_name="Viewer",
        role="viewer",
        confirmed_at=now,
        **common,
    )
    invited = Admin(
        email="new.admin@callflow.local",
        password_hash="",
        first_name="",
        last_name="",
        role="admin",
        invite_token_hash=hash_token(new_token()),
        invite_expires_at=now + timedelta(days=3),
        **common,
    )
    db.session.add_all([viewer, invited])
    db.session.commit()
