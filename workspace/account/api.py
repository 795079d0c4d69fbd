"""/api/v1/account/settings: the account's name, time zone and switches (If-Match to change)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.account import schemas, service
from workspace.auth.current import current_account_id, protect
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint("account", __name__, url_prefix="/api/v1/account", description="Account settings")
protect(blp)


@blp.get("/settings")
@blp.response(200, schemas.AccountSettingsSchema)
def get_settings():
    """The account's settings."""
    account = service.get_settings(current_account_id())
    set_etag(account)
    return account


@blp.patch("/settings")
@needs_if_match
@blp.arguments(schemas.AccountSettingsUpdateSchema)
@blp.response(200, schemas.AccountSettingsSchema)
def update_settings(data):
    """Change the account's settings (If-Match)."""
    account = service.update_settings(current_account_id(), data, if_match())
    set_etag(account)
    return account
