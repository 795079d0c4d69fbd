"""Test helpers that are not fixtures: the CSRF-aware API client and service checks."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus

import pytest
from flask.testing import FlaskClient

from workspace.device_api.recompute import config_recompute
from workspace.objects.validation_push import draft_validation

ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(variable: str, value: str) -> None:
    """Skip a test whose service is not configured; on CI, fail it instead."""
    if value:
        return
    if ON_CI:
        pytest.fail(f"{variable} must be set on CI; the tests that need it may not be skipped.")
    pytest.skip(f"{variable} is not set")


class SettlingClient(FlaskClient):
    """Flask's test client that answers once the device-config recomputes the request queued
    have run: tests assert a device's hash, "pending_update" and config.changed right after an
    admin edit, deterministically, while the recompute itself stays on its worker thread."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        assert config_recompute(self.application).wait_idle(), "device configs not recomputed"
        assert draft_validation(self.application).wait_idle(), "draft not validated"
        return response


class ApiClient:
    """Wraps Flask's test client: JSON in and out, the CSRF header once logged in."""

    def __init__(self, client) -> None:
        self.client = client
        self.csrf: str | None = None

    def login(self, email: str, password: str):
        response = self.client.post(
            "/api/v1/auth/login", json={"email": email, "password": password}
        )
        assert response.status_code == 200, response.get_json()
        self.csrf = response.get_json()["csrf_token"]
        return response

    def _headers(self, headers: dict | None, csrf: bool) -> dict:
        merged = dict(headers or {})
        if csrf and self.csrf:
            merged.setdefault("X-CSRF-Token", self.csrf)
        return merged

    def get(self, url: str, **kw):
        return self.client.get(url, headers=kw.pop("headers", None), **kw)

    def post(self, url: str, json=None, *, csrf: bool = True, headers=None, **kw):
        return self.client.post(url, json=json, headers=self._headers(headers, csrf), **kw)

    def put(self, url: str, json=None, *, csrf: bool = True, headers=None, **kw):
        return self.client.put(url, json=json, headers=self._headers(headers, csrf), **kw)

    def patch(self, url: str, json=None, *, csrf: bool = True, headers=None, **kw):
        return self.client.patch(url, json=json, headers=self._headers(headers, csrf), **kw)

    def delete(self, url: str, *, csrf: bool = True, headers=None, **kw):
        return self.client.delete(url, headers=self._headers(headers, csrf), **kw)


def etag(version: int) -> dict:
    """The If-Match header for an item at `version`."""
    return {"If-Match": f'"{version}"'}


def count_rows(app, model) -> int:
    """Rows of `model` in the test database (refusals must leave it unchanged)."""
    from workspace.extensions import db

    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def assert_error(response, status: int, location: str | None = None, field: str | None = None):
    """The one error shape with `status`; with `field`, named under errors.<location>."""
    body = response.get_json()
    assert response.status_code == status, body
    assert body["code"] == status
    assert body["status"] == HTTPStatus(status).phrase
    assert isinstance(body["message"], str) and body["message"]
    if field is not None:
        assert field in body["errors"][location], body
    return body


def row_counts(app) -> dict[str, int]:
    """Rows per table: a refusal leaves every count as it was."""
    from workspace.extensions import db

    with app.app_context():
        return {
            table.name: db.session.scalar(db.select(db.func.count()).select_from(table))
            for table in db.metadata.sorted_tables
        }


@contextmanager
def sqlite_begins(app) -> Iterator[list[str]]:
    """Record the BEGIN statements SQLite receives meanwhile (skips on other databases)."""
    from workspace.extensions import db

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("BEGIN IMMEDIATE is SQLite's; PostgreSQL has row locks")
    with _recorded(app, lambda statement: statement.startswith("BEGIN")) as begun:
        yield begun


@contextmanager
def statements(app) -> Iterator[list[str]]:
    """Record every SQL statement the app's database receives meanwhile, in order."""
    with _recorded(app, lambda statement: True) as sent:
        yield sent


@contextmanager
def _recorded(app, keep: Callable[[str], bool]) -> Iterator[list[str]]:
    from sqlalchemy import event

    from workspace.extensions import db

    with app.app_context():
        engine = db.engine
    kept: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        if keep(statement):
            kept.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield kept
    finally:
        event.remove(engine, "before_cursor_execute", record)
