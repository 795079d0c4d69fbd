"""workspace.bulk_insert: rows go in whole and in order, on SQLite and (by COPY) PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workspace.bulk_insert import insert_returning_ids
from workspace.extensions import db
from workspace.objects.models import Tab, WorkspaceObject

# Text that COPY's text format must escape: tabs, newlines, backslashes, quotes, \N, unicode.
AWKWARD = 'Tab\there\nnew line \\ back "quoted" \\N ünïcødé ☎'


def _rows(account_id: int, tab_id: int, count: int) -> list[dict]:
    created = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    return [
        {
            "account_id": account_id,
            "version": 1,
            "created_at": created,
            "tab_id": tab_id,
            "type": "ring_group",
            "name": f"{AWKWARD} {i}",
            "x": i + 0.25,
            "y": -i * 1.5,
            "properties": {"members": [{"target": i, "delay": 0}], "note": AWKWARD, "none": None},
        }
        for i in range(count)
    ]


def _tab(account_id: int) -> int:
    tab = Tab(account_id=account_id, name="Bulk", position=0)
    db.session.add(tab)
    db.session.flush()
    return tab.id


@pytest.mark.parametrize("by_copy", [False, True], ids=["executemany", "copy"])
def test_when_rows_are_written_then_each_id_holds_its_own_row_unchanged(app, admin, by_copy):
    with app.app_context():
        tab_id = _tab(admin["account_id"])
        rows = _rows(admin["account_id"], tab_id, 50)
        ids = insert_returning_ids(WorkspaceObject.__table__, rows, by_copy=by_copy)
        db.session.commit()
        assert len(ids) == len(set(ids)) == 50
        for row_id, row in zip(ids, rows, strict=True):
            stored = db.session.get(WorkspaceObject, row_id)
            assert (stored.name, stored.x, stored.y) == (row["name"], row["x"], row["y"])
            assert stored.properties == row["properties"]
            assert stored.created_at == row["created_at"]


@pytest.mark.parametrize("by_copy", [False, True], ids=["executemany", "copy"])
def test_when_the_transaction_rolls_back_then_no_row_is_left(app, admin, by_copy):
    with app.app_context():
        tab_id = _tab(admin["account_id"])
        db.session.commit()
        insert_returning_ids(
            WorkspaceObject.__table__, _rows(admin["account_id"], tab_id, 5), by_copy=by_copy
        )
        db.session.rollback()
        assert db.session.query(WorkspaceObject).filter_by(tab_id=tab_id).count() == 0
