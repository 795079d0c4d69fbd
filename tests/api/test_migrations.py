"""Migrations: upgrade from empty, match the models exactly, downgrade to base."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from workspace import MIGRATIONS_DIR
from workspace.extensions import db


def _drop_everything(app) -> None:
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


def test_when_upgraded_from_empty_then_schema_matches_models_and_downgrade_empties_it(app):
    _drop_everything(app)
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        tables = set(sa.inspect(db.engine).get_table_names())
        assert {"accounts", "admins", "admin_sessions", "api_tokens"} <= tables

        downgrade(directory=MIGRATIONS_DIR, revision="base")
        db.engine.dispose()
        left = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert left == set()
