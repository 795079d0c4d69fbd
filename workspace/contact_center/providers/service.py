"""Service providers: the SIP servers of an account, and the built-in one for its own PBX."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.orm import selectinload

from workspace.auth.models import Account
from workspace.auth.service import ACCOUNT_CREATED_HOOKS
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.providers.models import Provider
from workspace.errors import Conflict, FieldErrors
from workspace.extensions import db
from workspace.signals import announce_devices_may_change
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

# The account's own phone.systems PBX (the guide's default service provider).
BUILTIN_NAME = "phone.systems"
BUILTIN_SERVER = "sip.phone.systems"


def create_builtin_provider(account: Account) -> Provider:
    """Add the built-in provider inside the account's creation transaction (no commit)."""
    # The account's own PBX is this product's SIP server (workspace/sip): its SIP domain.
    server = current_app.config.get("SIP_DOMAIN") or BUILTIN_SERVER
    row = Provider(account_id=account.id, name=BUILTIN_NAME, server=server, builtin=True)
    db.session.add(row)
    return row


if create_builtin_provider not in ACCOUNT_CREATED_HOOKS:
    ACCOUNT_CREATED_HOOKS.append(create_builtin_provider)


def list_providers(
    account_id: int, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> tuple[list[Provider], int]:
    """The built-in provider first, then the others in creation order."""
    stmt = scoped(Provider, account_id).order_by(Provider.builtin.desc(), Provider.id)
    search = contains(q, Provider.name, Provider.server)
    if search is not None:
        stmt = stmt.where(search)
    return paged(stmt, page=page, per_page=per_page, options=[selectinload(Provider.sip_accounts)])


def get_provider(account_id: int, provider_id: int) -> Provider:
    return get_owned(Provider, provider_id, account_id)


def create_provider(account_id: int, data: dict) -> Provider:
    row = Provider(account_id=account_id, builtin=False, **data)
    db.session.add(row)
    db.session.commit()
    return row


def update_provider(
    account_id: int, provider_id: int, data: dict, expected_version: int | None
) -> Provider:
    """The built-in provider's server is the account's own PBX: it cannot be moved (422)."""
    row = get_owned(Provider, provider_id, account_id)
    check_version(row, expected_version)
    if row.builtin and "server" in data and data["server"] != row.server:
        raise FieldErrors(
            {
                "server": f"The SIP server of the built-in {row.name} provider is your own PBX "
                f"({row.server}) and cannot be changed. Add a provider for another server."
            }
        )
    for key, value in data.items():
        setattr(row, key, value)
    db.session.commit()
    # Server, port and proxy are in devices' lines
    announce_devices_may_change(account_id, "provider")
    return row


def delete_provider(account_id: int, provider_id: int, expected_version: int | None) -> None:
    row = get_owned(Provider, provider_id, account_id)
    check_version(row, expected_version)
    if row.builtin:
        raise Conflict(
            f"The built-in {row.name} provider is your own PBX and cannot be deleted.",
            {"builtin": True},
        )
    if row.sip_accounts:
        names = ", ".join(_sip_label(s) for s in row.sip_accounts)
        raise Conflict(
            f"Service provider {row.name} still has SIP accounts: {names}. "
            "Delete them or move them to another provider first.",
            {
                "used_by": [
                    {"type": "sip_account", "id": s.id, "name": _sip_label(s)}
                    for s in row.sip_accounts
                ]
            },
        )
    db.session.delete(row)
    db.session.commit()


def _sip_label(sip) -> str:
    return sip.friendly_name or sip.username
