"""Multi-row INSERTs that hand back the new ids in the rows' order, on every backend.

Shared by the writers that add many rows at once and need their ids (a draft import, a batch
of call events). They write but never commit: callers own the transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func

from workspace.extensions import db


def insert_returning_ids(table: Any, rows: list[dict]) -> list[int]:
    """Insert rows as the database numbers them; the new ids in the rows' order."""
    if not rows:
        return []
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        # SQLAlchemy cannot sort SQLite's RETURNING rows by parameter order except by running
        # one INSERT per row. SQLite numbers the rows of a VALUES list in order (max(rowid) + 1
        # each), and this transaction holds the write lock: ascending ids are the rows' order.
        stmt = table.insert().returning(table.c.id)
        return sorted(db.session.execute(stmt, rows).scalars())
    sequence = None
    if dialect == "postgresql":
        sequence = db.session.execute(
            db.select(func.pg_get_serial_sequence(table.name, "id"))
        ).scalar_one()
    if sequence is None:
        stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        return list(db.session.execute(stmt, rows).scalars())
    # PostgreSQL: the ids drawn from the column's own sequence, then one executemany (a single
    # prepared INSERT in psycopg's pipeline). A multi-row INSERT ... RETURNING of 20,000 rows
    # spent seconds in psycopg rewriting its parameter placeholders in Python.
    ids = sorted(
        db.session.execute(
            db.select(func.nextval(sequence)).select_from(func.generate_series(1, len(rows)))
        ).scalars()
    )
    db.session.execute(table.insert(), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids
