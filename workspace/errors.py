"""The exception classes services raise, and the one JSON error shape for every failure.

Shape: {"code": 422, "status": "Unprocessable Entity", "message": "...", "errors": {...}}.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, jsonify
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ServiceError(Exception):
    """A refusal a service explains to the caller; the handler turns it into JSON."""

    status_code = 400

    def __init__(self, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors


class Unauthorized(ServiceError):
    status_code = 401


class Forbidden(ServiceError):
    status_code = 403


class NotFound(ServiceError):
    status_code = 404


class Conflict(ServiceError):
    status_code = 409


class PreconditionFailed(ServiceError):
    status_code = 412


class PreconditionRequired(ServiceError):
    status_code = 428


class FieldErrors(ServiceError):
    """422 with messages per field, in the same place webargs puts them."""

    status_code = 422

    def __init__(self, fields: dict[str, str | list[str]], message: str | None = None) -> None:
        normalised = {k: v if isinstance(v, list) else [v] for k, v in fields.items()}
        if message is None:
            field, messages = next(iter(normalised.items()), ("", ["Invalid input."]))
            message = f"{field}: {messages[0]}" if field else messages[0]
        super().__init__(message, {"json": normalised})


def _string_keys(errors: Any) -> Any:
    """Marshmallow keys list items by index next to "_schema" ({5: [...], "_schema": [...]});
    JSON keys are strings, and sorting mixed keys would crash the handler itself."""
    if isinstance(errors, dict):
        return {str(key): _string_keys(value) for key, value in errors.items()}
    if isinstance(errors, list):
        return [_string_keys(value) for value in errors]
    return errors


def error_body(code: int, message: str | None = None, errors: Any = None) -> dict[str, Any]:
    phrase = HTTPStatus(code).phrase
    body: dict[str, Any] = {"code": code, "status": phrase, "message": message or phrase}
    if errors:
        body["errors"] = _string_keys(errors)
    return body


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError):
        return jsonify(error_body(exc.status_code, exc.message, exc.errors)), exc.status_code

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = exc.code or 500
        data = getattr(exc, "data", {}) or {}
        errors = data.get("messages") or data.get("errors")
        message = data.get("message") or exc.description
        if code == 422 and errors and "message" not in data:
            message = "Some fields are invalid."
        if code == 429:
            message = "Too many attempts. Please wait and try again."
        response = jsonify(error_body(code, message, errors))
        for key, value in (data.get("headers") or {}).items():
            response.headers[key] = value
        return response, code

    @app.errorhandler(StaleDataError)
    def _stale(exc: StaleDataError):
        # Two writers passed check_version at once; the database let one UPDATE through and
        # the other matched no row of its version: for the loser that is a stale If-Match.
        from workspace.extensions import db  # extensions imports modules that import this one

        db.session.rollback()
        message = "Someone else changed this item at the same moment. Reload and try again."
        return jsonify(error_body(412, message)), 412

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return jsonify(error_body(500, "Something went wrong on our side.")), 500
