"""/api/v1/auth: registration, confirmation, login sessions, password, API tokens."""

from __future__ import annotations

from flask import after_this_request, current_app, request
from flask_smorest import Blueprint

from workspace.auth import invitations, schemas, service
from workspace.auth.current import Principal, require_admin, session_cookie_name
from workspace.extensions import limiter

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Accounts and sessions")


def _session_info(principal_admin, csrf_token: str | None) -> dict:
    return {"admin": principal_admin, "account": principal_admin.account, "csrf_token": csrf_token}


def _set_cookie(token: str, max_age: int | None) -> None:
    @after_this_request
    def _cookie(response):
        response.set_cookie(
            session_cookie_name(),
            token,
            max_age=max_age,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            path="/",
        )
        return response


@blp.post("/register")
@limiter.limit(lambda: current_app.config["REGISTER_RATE_LIMIT"])
@blp.arguments(schemas.RegisterSchema)
@blp.response(201, schemas.MessageSchema)
def register(data):
    """Create an account and its first admin; a confirmation link is emailed."""
    service.register_account(data)
    return {"message": "An account activation link was sent to your email."}


@blp.post("/confirm")
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"])
@blp.arguments(schemas.ConfirmSchema)
@blp.response(200, schemas.MessageSchema)
def confirm(data):
    """Confirm an email address with the token from the link."""
    service.confirm_email(data["token"])
    return {"message": "Your email has been confirmed. You can now log in."}


@blp.post("/login")
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"])
@blp.arguments(schemas.LoginSchema)
@blp.response(200, schemas.SessionInfoSchema)
def login(data):
    """Log in with email and password; starts a server-side session."""
    admin = service.authenticate(data["email"], data["password"])
    token, session = service.start_session(admin, request.headers.get("User-Agent", ""))
    hours = current_app.config["SESSION_LIFETIME_HOURS"]
    _set_cookie(token, hours * 3600)
    return _session_info(admin, session.csrf_token)


@blp.post("/invitation")
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"])
@blp.arguments(schemas.AcceptInvitationSchema)
@blp.response(200, schemas.SessionInfoSchema)
def accept_invitation(data):
    """Accept a team invitation: choose a password; logs the new admin in."""
    admin = invitations.accept(data)
    token, session = service.start_session(admin, request.headers.get("User-Agent", ""))
    _set_cookie(token, current_app.config["SESSION_LIFETIME_HOURS"] * 3600)
    return _session_info(admin, session.csrf_token)


@blp.post("/logout")
@blp.response(204)
def logout():
    """End this session (the cookie stops working at once)."""
    principal: Principal = require_admin()
    if principal.session is not None:
        service.end_session(principal.session)
    _set_cookie("", 0)


@blp.get("/me")
@blp.response(200, schemas.SessionInfoSchema)
def me():
    """The logged-in admin, the account and the CSRF token for writes."""
    principal = require_admin()
    csrf = principal.session.csrf_token if principal.session else None
    return _session_info(principal.admin, csrf)


@blp.post("/password")
# The current password is checked here: without a limit, a stolen session cookie could
# guess it at full speed and then lock the owner out.
@limiter.limit(lambda: current_app.config["PASSWORD_RATE_LIMIT"])
@blp.arguments(schemas.PasswordChangeSchema)
@blp.response(204)
def change_password(data):
    """Change the password; every other session of this admin ends."""
    principal = require_admin()
    service.change_password(
        principal.admin, data["current_password"], data["new_password"], keep=principal.session
    )


@blp.get("/tokens")
@blp.response(200, schemas.ApiTokenSchema(many=True))
def list_tokens():
    """API tokens of the account (the secret itself is shown only once, at creation)."""
    return service.list_api_tokens(require_admin().account_id)


@blp.post("/tokens")
@blp.arguments(schemas.ApiTokenCreateSchema)
@blp.response(201, schemas.ApiTokenCreatedSchema)
def create_token(data):
    """Create a bearer token for automation."""
    token, row = service.create_api_token(require_admin().admin, data["name"])
    row.token = token  # shown this once; only the hash is stored
    return row


@blp.delete("/tokens/<int:token_id>")
@blp.response(204)
def revoke_token(token_id: int):
    """Revoke an API token."""
    service.revoke_api_token(require_admin().account_id, token_id)
