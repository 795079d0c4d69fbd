"""The call log's HTTP API.

- ``/sip/v1/events``: where the SIP server's supervisor posts call events. Not behind
  ``protect()``: no admin session and no CSRF, only the events bearer token.
- ``/api/v1/calls``: the Calls page (admins, scoped to their account).
"""

from __future__ import annotations

from functools import wraps

from flask_smorest import Blueprint

from workspace.auth.current import current_account_id, protect
from workspace.calls import schemas, service
from workspace.calls.ingest_auth import require_events_token

events_blp = Blueprint("sip_events", __name__, url_prefix="/sip/v1", description="SIP server")
blp = Blueprint("calls", __name__, url_prefix="/api/v1/calls", description="Call log")
protect(blp)


def _token_first(view):
    """Authenticate before `@blp.arguments` reads the body (place it above that): an unknown
    caller gets the one 401, never a 400 describing what a batch should hold."""

    @wraps(view)
    def authenticated(*args, **kwargs):
        require_events_token()
        return view(*args, **kwargs)

    return authenticated


@events_blp.post("/events")
@_token_first
@events_blp.arguments(schemas.EventBatchSchema, error_status_code=400)
@events_blp.response(200, schemas.IngestResultSchema)
def post_events(body):
    """Store a batch of call events (Bearer token; replays and any order are fine)."""
    return service.ingest_events(body["events"])


@blp.get("")
@blp.arguments(schemas.CallListArgsSchema, location="query")
@blp.response(200, schemas.CallListSchema)
def list_calls(args):
    """Calls of the account, newest first; filter by number, contact, revision, dates."""
    return service.list_calls(current_account_id(), **args)


@blp.get("/revisions")
@blp.response(200, schemas.RevisionCallsListSchema)
def calls_per_revision():
    """How many calls each published revision routed."""
    return service.calls_per_revision(current_account_id())


@blp.get("/<int:call_id>")
@blp.response(200, schemas.CallDetailSchema)
def get_call(call_id: int):
    """One call with its events (ringing members, the objects it went through)."""
    return service.get_call(current_account_id(), call_id)
