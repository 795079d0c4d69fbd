"""Paged, searchable list queries for the contact-center services."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, or_

from workspace.extensions import db


def contains(q: str | None, *columns) -> ColumnElement[bool] | None:
    """A case-insensitive "contains q" over the columns, or None without q.

    LIKE wildcards in q are escaped, so a search for "50%" finds "50%" and not "500".
    """
    if not q:
        return None
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


def paged(stmt: Select, *, page: int = 1, per_page: int = 50, options=()) -> tuple[list, int]:
    """One page of stmt's rows (loaded with the ORM options) and the total count of rows."""
    total = db.session.scalar(db.select(func.count()).select_from(stmt.order_by(None).subquery()))
    page_stmt = stmt.options(*options).limit(per_page).offset((page - 1) * per_page)
    return list(db.session.execute(page_stmt).scalars()), total or 0
