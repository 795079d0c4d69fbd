"""Shared fixtures: an app per database backend, clients, a login helper.

The API suite runs against SQLite always and against PostgreSQL when
WORKSPACE_TEST_POSTGRES is set. On CI (CI=true) a missing or unreachable PostgreSQL
or Redis fails the tests that need them instead of skipping them.
"""

# ruff: noqa: E402  (the environment is set before workspace is imported)
from __future__ import annotations

import os
import shutil

os.environ.setdefault("WORKSPACE_FAST_PASSWORD_HASH", "1")  # before workspace is imported

import pytest
import sqlalchemy as sa

from tests.factories import DEFAULT_PASSWORD, make_admin
from tests.support import ApiClient, SettlingClient, require_service
from workspace import create_app
from workspace.config import Config, normalise_database_url
from workspace.device_api.recompute import config_recompute
from workspace.extensions import db

POSTGRES_URL = os.environ.get("WORKSPACE_TEST_POSTGRES", "")
REDIS_URL = os.environ.get("REDIS_URL", "")


def base_config(database_url: str, tmp_path) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": dict(Config.SQLALCHEMY_ENGINE_OPTIONS),
        "REDIS_URL": "",
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_SERVER": "",
        "PUBLIC_URL": "http://127.0.0.1:5000",
        "INSTANCE_DIR": str(tmp_path),
        "SECRETS_KEY": "",
        "SECRETS_KEY_FILE": str(tmp_path / "secrets.key"),
        # No debounce: the test client waits for each request's recompute (SettlingClient).
        "DEVICE_CONFIG_DEBOUNCE": 0.0,
        "DRAFT_VALIDATION_DEBOUNCE": 0.0,
    }


@pytest.fixture(scope="session")
def postgres_url() -> str:
    require_service("WORKSPACE_TEST_POSTGRES", POSTGRES_URL)
    url = normalise_database_url(POSTGRES_URL)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}")
    finally:
        engine.dispose()
    return url


_postgres_schema_ready: set[str] = set()


def _reset_postgres(app, url: str) -> None:
    """Every test starts from empty tables: the schema is built once per run, then truncated."""
    with app.app_context():
        if url not in _postgres_schema_ready:
            db.session.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
            db.create_all()
            _postgres_schema_ready.add(url)
            return
        tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
        db.session.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.session.commit()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    """An empty SQLite database with the schema, copied for each test (faster than DDL).

    Disposing the engine closes the last connection, which folds the WAL into the file.
    """
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.db"
    application = create_app(base_config(f"sqlite:///{path}", folder))
    with application.app_context():
        db.create_all()
        db.session.remove()
        db.engine.dispose()
    return str(path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request, tmp_path):
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
    else:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), tmp_path / "test.db")
        url = f"sqlite:///{tmp_path / 'test.db'}"
    application = create_app(base_config(url, tmp_path))
    application.test_client_class = SettlingClient
    if request.param == "postgres":
        # A test that dropped tables (the migration round trip) forces a rebuild.
        with application.app_context():
            if not sa.inspect(db.engine).has_table("accounts"):
                _postgres_schema_ready.discard(url)
        _reset_postgres(application, url)
    yield application
    config_recompute(application).wait_idle()  # no recompute may outlive its database
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app) -> ApiClient:
    return ApiClient(app.test_client())


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def admin(app):
    with app.app_context():
        return make_admin(email="alice@example.com", account_name="Acme")


@pytest.fixture
def other_admin(app):
    with app.app_context():
        return make_admin(email="bob@example.org", account_name="Globex")


@pytest.fixture
def admin_client(app, admin) -> ApiClient:
    api = ApiClient(app.test_client())
    api.login(admin["email"], DEFAULT_PASSWORD)
    return api


@pytest.fixture
def other_client(app, other_admin) -> ApiClient:
    api = ApiClient(app.test_client())
    api.login(other_admin["email"], DEFAULT_PASSWORD)
    return api
