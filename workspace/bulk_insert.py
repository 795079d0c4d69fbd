"""Bulk INSERTs that hand back the new ids in the rows' order, on every backend.

Shared by the writers that add many rows at once and need their ids (a draft import, a batch
of call events). They write but never commit: callers own the transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func

from workspace.extensions import db


def insert_returning_ids(table: Any, rows: list[dict], *, by_copy: bool = False) -> list[int]:
    """Insert rows as the database numbers them; the new ids in the rows' order.

    by_copy: on PostgreSQL write them with COPY (``copy_rows``), for writers of many rows that
    no constraint but the key can refuse (a draft). Its errors are psycopg's own, not
    SQLAlchemy's: a writer that catches an IntegrityError (a race on a unique key, as the call
    ingest does) keeps the default, an executemany.
    """
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
    # PostgreSQL: the ids drawn from the column's own sequence, then the rows in one go. A
    # multi-row INSERT ... RETURNING of 20,000 rows spent seconds in psycopg rewriting its
    # parameter placeholders; an executemany (one prepared INSERT in psycopg's pipeline) takes
    # half a second per 10,000 rows in round trips, and COPY streams them in one.
    ids = sorted(
        db.session.execute(
            db.select(func.nextval(sequence)).select_from(func.generate_series(1, len(rows)))
        ).scalars()
    )
    numbered = [{**row, "id": i} for row, i in zip(rows, ids, strict=True)]
    if by_copy:
        copy_rows(table, numbered)
    else:
        db.session.execute(table.insert(), numbered)
    return ids


def copy_rows(table: Any, rows: list[dict]) -> None:
    """Write rows into a PostgreSQL table with COPY, on the session's connection.

    Each value goes through its column type's bind processing, as an INSERT's would (JSON is
    serialized with the engine's serializer). COPY runs past the ORM: the session's
    do_orm_execute hooks never see it, so a caller writing to a table such hooks watch says
    what it changed itself (draft_restore marks the draft journal's change unknown).
    Every row names the same columns (the first row's), as an executemany requires too.
    """
    if not rows:
        return
    names = list(rows[0])
    connection = db.session.connection()
    dialect = connection.dialect
    processors = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    converting = [(i, p) for i, p in enumerate(processors) if p is not None]
    columns = ", ".join(dialect.identifier_preparer.quote(table.c[name].name) for name in names)
    target = dialect.identifier_preparer.format_table(table)
    cursor = connection.connection.driver_connection.cursor()
    try:
        with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
            for row in rows:
                values = [row[name] for name in names]
                for i, process in converting:
                    values[i] = process(values[i])
                copy.write_row(values)
    finally:
        cursor.close()
