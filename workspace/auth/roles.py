"""Who may write what: the one place that maps a role to the API operations it may call.

Enforced before any view runs (an app-wide before_request), keyed by the Flask endpoint
("blueprint.view"), so a new view is covered the day it is added: writes need `admin`,
the team and the account settings need `owner`, and a `viewer` writes nothing but the
few operations listed in VIEWER_WRITES. tests/api/test_roles.py walks the OpenAPI
document so no write operation can be forgotten.
"""

from __future__ import annotations

from flask import Flask, request

from workspace.errors import Forbidden

ROLES = ("owner", "admin", "viewer")
RANK = {"viewer": 0, "admin": 1, "owner": 2}
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Writes anyone may attempt, logged in or not: the view itself decides (login, sign-up...).
PUBLIC_WRITES = frozenset({"auth.register", "auth.confirm", "auth.login", "auth.accept_invitation"})
# A viewer may still leave, change their own password and ask questions that change nothing.
VIEWER_WRITES = frozenset(
    {
        "auth.logout",
        "auth.change_password",
        "workspace_draft.validate_workspace",
        "publishing.simulate",
    }
)
# Blueprints whose writes only an owner may call: the team and the account settings.
OWNER_BLUEPRINTS = frozenset({"team", "account"})


def required_role(endpoint: str) -> str:
    """The least role that may call this write endpoint."""
    if endpoint in VIEWER_WRITES:
        return "viewer"
    if endpoint.partition(".")[0] in OWNER_BLUEPRINTS:
        return "owner"
    return "admin"


def authorize(role: str, endpoint: str) -> None:
    needed = required_role(endpoint)
    if RANK.get(role, -1) < RANK[needed]:
        raise Forbidden(
            f"Your role ({role}) cannot do this; it needs an {needed}."
            if needed != "viewer"
            else "You cannot do this."
        )


def _enforce() -> None:
    if request.method not in MUTATING or not request.path.startswith("/api/v1/"):
        return
    endpoint = request.endpoint or ""
    if endpoint in PUBLIC_WRITES or not endpoint:
        return
    from workspace.auth.current import load_principal  # current imports models only

    principal = load_principal()
    if principal is None:
        return  # the view (or its blueprint) answers 401
    authorize(principal.admin.role, endpoint)


def init_app(app: Flask) -> None:
    app.before_request(_enforce)
