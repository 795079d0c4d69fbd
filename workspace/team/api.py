"""/api/v1/team: the account's admins. Reading is for everyone; writes are for owners
(roles.py says so, before these views run)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect, require_admin
from workspace.team import schemas, service

blp = Blueprint("team", __name__, url_prefix="/api/v1/team", description="The team")
protect(blp)


@blp.get("")
@blp.response(200, schemas.MemberSchema(many=True))
def list_members():
    """The admins of the account, invited ones included."""
    return service.list_members(current_account_id())


@blp.post("")
@blp.arguments(schemas.InviteSchema)
@blp.response(201, schemas.MemberSchema)
def invite(data):
    """Invite an admin by email: they choose their password through the emailed link."""
    return service.invite(require_admin().admin, data)


@blp.post("/<int:member_id>/resend")
@blp.response(200, schemas.MemberSchema)
def resend(member_id: int):
    """Send a fresh invitation link (the old one stops working)."""
    return service.resend(require_admin().admin, member_id)


@blp.patch("/<int:member_id>")
@blp.arguments(schemas.RoleChangeSchema)
@blp.response(200, schemas.MemberSchema)
def change_role(data, member_id: int):
    """Change an admin's role (the account keeps at least one owner)."""
    return service.change_role(current_account_id(), member_id, data["role"])


@blp.delete("/<int:member_id>")
@blp.response(204)
def remove(member_id: int):
    """Remove an admin (never the last owner); their sessions end at once."""
    service.remove(current_account_id(), member_id)
