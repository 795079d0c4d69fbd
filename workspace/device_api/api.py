"""/device/v1: the API call.center softphones use, authenticated by device tokens.

Not behind `protect()`: there is no admin session and no CSRF here. POST /activate trades a
single-use activation code for a bearer token; every other route takes that token
(`current_device`), and any missing, unknown or reset token gets the same 401.
"""

from __future__ import annotations

from functools import wraps

from flask import Response, current_app, request
from flask_smorest import Blueprint

from workspace.contact_center.contacts.directory_schemas import DirectorySchema
from workspace.device_api import schemas, service
from workspace.device_api.auth import bearer_token, current_device
from workspace.extensions import limiter

blp = Blueprint("device_api", __name__, url_prefix="/device/v1", description="Device API")

_ETAG = {"ETag": {"schema": {"type": "string"}}}


def _not_modified(etag: str) -> Response:
    return Response(status=304, headers={"ETag": f'"{etag}"'})


def _device_first(view):
    """Authenticate before `@blp.arguments` reads the body (place it above that): an unknown
    caller gets the one 401, never a 422 describing what a body should hold."""

    @wraps(view)
    def authenticated(*args, **kwargs):
        current_device()
        return view(*args, **kwargs)

    return authenticated


@blp.post("/activate")
@limiter.limit(lambda: current_app.config["DEVICE_ACTIVATE_RATE_LIMIT"])
@blp.arguments(schemas.ActivateSchema)
@blp.response(200, schemas.ActivatedSchema)
def activate(data):
    """Activate a device with its code; returns the device token (shown once) and config."""
    token, device, config = service.activate_device(
        data["code"], data["platform"], data["app_version"]
    )
    return {"token": token, "device": {"id": device.id, "name": device.name}, "config": config}


@blp.get("/config")
@blp.response(200, headers=_ETAG)
@blp.alt_response(304, description="If-None-Match named the current config")
def get_config():
    """This device's configuration, with its SIP passwords where they are provisioned."""
    unchanged = service.unchanged_etag(bearer_token(), request.if_none_match)
    if unchanged is not None:
        return _not_modified(unchanged)
    device = current_device()
    config = service.device_config(device, request.if_none_match)
    if config is None:
        return _not_modified(device.config_hash)
    return config, 200, {"ETag": f'"{config["etag"]}"'}


@blp.post("/heartbeat")
@_device_first
@blp.arguments(schemas.HeartbeatSchema)
@blp.response(200, schemas.HeartbeatResultSchema)
def heartbeat(data):
    """I am alive: app version and, per SIP account, whether it is registered."""
    return service.record_heartbeat(current_device(), data["app_version"], data["lines"])


@blp.get("/directory")
@blp.response(200, DirectorySchema, headers=_ETAG)
@blp.alt_response(304, description="If-None-Match named the current version")
def get_directory():
    """The company directory of the device's account."""
    document = service.device_directory(current_device())
    if request.if_none_match.contains_weak(document["version"]):
        return _not_modified(document["version"])
    return document, 200, {"ETag": f'"{document["version"]}"'}
