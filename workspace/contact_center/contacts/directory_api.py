"""/api/v1/directory: the company directory as the softphones receive it, with an ETag."""

from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.contact_center.contacts.directory import directory_document
from workspace.contact_center.contacts.directory_schemas import DirectorySchema

blp = Blueprint(
    "directory", __name__, url_prefix="/api/v1/directory", description="Company directory"
)
protect(blp)


@blp.get("")
@blp.response(200, DirectorySchema, headers={"ETag": {"schema": {"type": "string"}}})
@blp.alt_response(304, description="If-None-Match named the current version")
def get_directory():
    """The contacts shown in the company directory, by last and first name."""
    document = directory_document(current_account_id())
    etag = {"ETag": f'"{document["version"]}"'}
    if request.if_none_match.contains_weak(document["version"]):
        return Response(status=304, headers=etag)
    return document, 200, etag
