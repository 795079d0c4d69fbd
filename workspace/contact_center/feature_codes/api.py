"""/api/v1/feature-codes: dialable codes such as *1 (record on demand)."""

from __future__ import annotations

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.feature_codes import schemas, service
from workspace.versioning import if_match, needs_if_match, set_etag

blp = Blueprint(
    "feature_codes", __name__, url_prefix="/api/v1/feature-codes", description="Feature codes"
)
protect(blp)


@blp.get("")
@blp.arguments(schemas.FeatureCodeListArgsSchema, location="query")
@blp.response(200, schemas.FeatureCodeListSchema)
def list_feature_codes(args):
    """Feature codes of the account, by code."""
    return service.list_feature_codes(current_account_id(), **args)


@blp.post("")
@blp.arguments(schemas.FeatureCodeCreateSchema)
@blp.response(201, schemas.FeatureCodeSchema)
def create_feature_code(data):
    """Create a feature code; it may not be a prefix of another code or an internal number."""
    row = service.create_feature_code(current_account_id(), data)
    set_etag(row)
    return row


@blp.get("/<int:code_id>")
@blp.response(200, schemas.FeatureCodeSchema)
def get_feature_code(code_id: int):
    """One feature code."""
    row = service.get_feature_code(current_account_id(), code_id)
    set_etag(row)
    return row


@blp.patch("/<int:code_id>")
@needs_if_match
@blp.arguments(schemas.FeatureCodeUpdateSchema)
@blp.response(200, schemas.FeatureCodeSchema)
def update_feature_code(data, code_id: int):
    """Change a feature code (If-Match)."""
    expected = if_match()
    row = service.update_feature_code(current_account_id(), code_id, data, expected)
    set_etag(row)
    return row


@blp.delete("/<int:code_id>")
@needs_if_match
@blp.response(204)
def delete_feature_code(code_id: int):
    """Delete a feature code (If-Match); 409 while record on demand relies on it."""
    expected = if_match()
    service.delete_feature_code(current_account_id(), code_id, expected)
