"""Who is calling: an admin session cookie or a bearer API token, and the CSRF rule.

Loaded once per request into flask.g; views and blueprints call require_admin().
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app, g, request

from workspace.auth.models import Admin, AdminSession, ApiToken
from workspace.database import utcnow, writes_follow
from workspace.errors import Forbidden, Unauthorized
from workspace.extensions import db
from workspace.security import hash_token, tokens_equal

CSRF_HEADER = "X-CSRF-Token"
MUTATING = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class Principal:
    admin: Admin
    account_id: int
    session: AdminSession | None  # None when authenticated by an API token
    token_prefix: str | None = None  # the API token's visible prefix (the audit log names it)


def session_cookie_name() -> str:
    return "__Host-cfw_session" if current_app.config["SESSION_COOKIE_SECURE"] else "cfw_session"


def _from_bearer(token: str) -> Principal | None:
    row = db.session.execute(
        db.select(ApiToken).where(ApiToken.token_hash == hash_token(token))
    ).scalar_one_or_none()
    if row is None or row.admin.disabled:
        return None
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        # Coarse, so polling scripts do not write on every call; a plain UPDATE after the
        # read transaction ends, so a GET's deferred SQLite transaction never upgrades.
        token_id = row.id
        writes_follow()
        db.session.execute(
            db.update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now)
        )
        db.session.commit()
        row = db.session.get(ApiToken, token_id)
    return Principal(
        admin=row.admin, account_id=row.account_id, session=None, token_prefix=row.prefix
    )


def session_from_token(token: str | None) -> AdminSession | None:
    if not token:
        return None
    row = db.session.execute(
        db.select(AdminSession).where(AdminSession.token_hash == hash_token(token))
    ).scalar_one_or_none()
    if row is None or row.expires_at < utcnow() or row.admin.disabled:
        return None
    return row


def load_principal() -> Principal | None:
    if "principal" in g:
        return g.principal
    principal = None
    auth = request.headers.get("Authorization", "")
    if auth.lower().startswith("bearer "):
        principal = _from_bearer(auth[7:].strip())
    else:
        row = session_from_token(request.cookies.get(session_cookie_name()))
        if row is not None:
            principal = Principal(admin=row.admin, account_id=row.admin.account_id, session=row)
    g.principal = principal
    return principal


def require_admin() -> Principal:
    """401 without a valid login; 403 for a cookie-authenticated write without the CSRF header."""
    principal = load_principal()
    if principal is None:
        raise Unauthorized("Please log in.")
    if principal.session is not None and request.method in MUTATING:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not tokens_equal(sent, principal.session.csrf_token):
            raise Forbidden("The CSRF token is missing or invalid. Reload the page and retry.")
    return principal


def current_account_id() -> int:
    return require_admin().account_id


def protect(blueprint) -> None:
    """Every view of the blueprint needs a logged-in admin (and CSRF on cookie writes)."""
    blueprint.before_request(lambda: require_admin() and None)
