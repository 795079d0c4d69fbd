"""/api/v1/wizard/contact: set up a contact, its numbers, device and call flow in one request."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect, require_admin
from workspace.objects.api import actor
from workspace.wizard import service
from workspace.wizard.schemas import WizardContactSchema, WizardOptionsSchema, WizardResultSchema

blp = Blueprint(
    "wizard", __name__, url_prefix="/api/v1/wizard", description="The contact Setup Wizard"
)
protect(blp)


@blp.get("/contact/options")
@blp.response(200, WizardOptionsSchema)
def contact_options():
    """What the wizard's steps offer: numbers (free or why taken), tabs, SIP accounts."""
    return service.options(current_account_id())


@blp.post("/contact")
@blp.arguments(WizardContactSchema)
@blp.response(201, WizardResultSchema)
def setup_contact(data):
    """Create the contact, its caller IDs, a device and its call flow; then publish.

    All or nothing: a refusal at any step (422/404 naming `<step>.<field>`) writes nothing.
    Publishing follows when the whole workspace validates; otherwise `published` is null
    and `problems` says why.
    """
    principal = require_admin()
    return service.setup_contact(principal.account_id, principal.admin, data, actor=actor())
