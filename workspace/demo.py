"""The demo account: a tour of the product for `make run` and for screenshots.

Each capability adds its part here (contacts, devices, a published call flow, ...), so a
newcomer who logs in sees the product at work.
"""

from __future__ import annotations

from workspace.auth.models import Account, Admin
from workspace.auth.service import ACCOUNT_CREATED_HOOKS
from workspace.database import utcnow
from workspace.demo_calls import build_calls
from workspace.demo_devices import build_devices_and_recordings
from workspace.demo_team import build_team
from workspace.demo_tour import build_tour
from workspace.extensions import db
from workspace.security import hash_password

DEMO_EMAIL = "demo@callflow.local"
DEMO_PASSWORD = "demo-password"


def demo_exists() -> bool:
    return (
        db.session.execute(db.select(Admin.id).where(Admin.email == DEMO_EMAIL)).first() is not None
    )


def create_demo_account(*, reset: bool = False) -> Admin:
    """Create the demo account, or with reset=True delete it and build it again."""
    existing = db.session.execute(
        db.select(Admin).where(Admin.email == DEMO_EMAIL)
    ).scalar_one_or_none()
    if existing is not None:
        if not reset:
            return existing
        db.session.delete(db.session.get(Account, existing.account_id))
        db.session.commit()
    now = utcnow()
    # A Californian company: its schedules and the simulator default to Pacific time.
    account = Account(
        name="Demo Company", setup_wizard_enabled=True, time_zone="America/Los_Angeles"
    )
    admin = Admin(
        account=account,
        email=DEMO_EMAIL,
        password_hash=hash_password(DEMO_PASSWORD),
        first_name="Dana",
        last_name="Demo",
        phone_number="+14155550123",
        country="US",
        terms_accepted_at=now,
        privacy_accepted_at=now,
        confirmed_at=now,
    )
    db.session.add_all([account, admin])
    db.session.flush()
    for hook in ACCOUNT_CREATED_HOOKS:
        hook(account)
    db.session.commit()
    build_tour(account, admin)
    build_devices_and_recordings(account)
    build_calls(account)
    build_team(account, admin)
    return admin
