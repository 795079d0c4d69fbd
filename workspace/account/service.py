"""Account settings (name, time zone, switches), and the check features make before they run.

"Setup using Wizard" is off for a new account, as the guide has it; an admin turns it on
under Settings -> Account, and the wizard refuses (403) until then.
"""

from __future__ import annotations

from workspace.auth.models import Account
from workspace.errors import Forbidden
from workspace.extensions import db
from workspace.versioning import check_version

WIZARD_OFF = (
    "Setup using Wizard is turned off for this account. An admin can turn it on under "
    "Settings -> Account."
)


def get_settings(account_id: int) -> Account:
    return db.session.get(Account, account_id)


def update_settings(account_id: int, data: dict, expected_version: int | None) -> Account:
    account = db.session.get(Account, account_id)
    check_version(account, expected_version)
    if "name" in data:
        account.name = data["name"]
    if "setup_wizard" in data:
        account.setup_wizard_enabled = data["setup_wizard"]
    if "time_zone" in data:
        account.time_zone = data["time_zone"]
    db.session.commit()
    return account


def require_setup_wizard(account_id: int) -> None:
    if not db.session.get(Account, account_id).setup_wizard_enabled:
        raise Forbidden(WIZARD_OFF)
