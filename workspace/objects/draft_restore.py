"""Writing whole sets of draft rows at once: rollback restores a snapshot, import adds a document.

Rows come in the snapshot's shape, keyed by whatever the caller uses as ids: a snapshot's own
ids (rollback, which keeps them where it can) or a document's local keys ("o1", import). The
writer returns the key -> row id maps. It writes but never commits: callers own the
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from sqlalchemy import bindparam

from workspace.bulk_insert import insert_returning_ids
from workspace.database import utcnow
from workspace.extensions import db
from workspace.objects.draft_journal import note_unseen_write
from workspace.objects.models import Cable, Tab, WorkspaceObject

Key = Hashable
Row = Mapping[str, Any]

# Properties that hold ids of other workspace objects (not facts rows, which ObjectType
# declares as `references`). When an object type gains such a property, add it here: rollback
# and import rewrite these through it.
OBJECT_REF_LISTS = {"ring_group": ("members", "target")}


def object_refs(type_name: str, properties: Mapping[str, Any]) -> list[Any]:
    """The object ids (or keys) an object's properties point at, in order."""
    spec = OBJECT_REF_LISTS.get(type_name)
    if spec is None:
        return []
    entries = properties.get(spec[0])
    if not isinstance(entries, list):
        return []
    return [e[spec[1]] for e in entries if isinstance(e, dict) and spec[1] in e]


def map_object_refs(
    type_name: str, properties: Mapping[str, Any], mapping: Callable[[Any], Any]
) -> dict[str, Any]:
    """A copy of properties with each object reference replaced by mapping(ref).

    Entries for which mapping returns None are left out (a reference that cannot be carried
    over would point at an unrelated object).
    """
    result = dict(properties)
    spec = OBJECT_REF_LISTS.get(type_name)
    if spec is None or not isinstance(result.get(spec[0]), list):
        return result
    prop, field = spec
    entries = []
    for entry in result[prop]:
        if isinstance(entry, dict) and field in entry:
            new = mapping(entry[field])
            if new is None:
                continue
            entry = {**entry, field: new}
        entries.append(entry)
    result[prop] = entries
    return result


def delete_draft(account_id: int) -> None:
    """Delete every tab, object and cable of the account's draft (rows loaded are detached)."""
    for model in (Cable, WorkspaceObject, Tab):
        db.session.execute(db.delete(model).where(model.account_id == account_id))


def write_rows(
    account_id: int,
    *,
    tabs: Iterable[Row],
    objects: Iterable[Row],
    cables: Iterable[Row],
    keep_ids: bool = False,
    tab_ids: Mapping[Key, int] | None = None,
) -> dict[str, dict[Key, int]]:
    """Insert rows in the snapshot's shape; returns {"tabs", "objects", "cables"}: key -> id.

    keep_ids: insert each row under its key as id unless another row (of any account) holds
    that id already; otherwise, and always without keep_ids, the database assigns one.
    tab_ids: keys of tabs that exist already, so objects can be placed on them.
    Object references in properties (OBJECT_REF_LISTS) and cable ends are mapped to the new ids.

    The rows go in as bulk INSERTs (COPY on PostgreSQL), not as ORM objects: no row enters the
    session, the audit's per-row capture does not see them (callers record one entry for the
    whole), and the draft journal records no entry for the version (the cache reads it whole).
    """
    tabs, objects, cables = list(tabs), list(objects), list(cables)
    # On PostgreSQL the rows go in by COPY, which the journal's statement hook never sees.
    note_unseen_write(db.session())
    now = utcnow()
    common = {"account_id": account_id, "version": 1, "created_at": now}
    tab_map: dict[Key, int] = dict(tab_ids or {})
    tab_values = {
        t["id"]: {**common, "name": t["name"], "position": t.get("position", 0)} for t in tabs
    }
    tab_map.update(_insert(Tab, tab_values, keep_ids))

    object_values = {
        o["id"]: {**common, "tab_id": tab_map[o["tab"]], **_object_fields(o)} for o in objects
    }
    object_map = _insert(WorkspaceObject, object_values, keep_ids)
    _fix_object_refs(object_values, object_map)

    cable_values = {
        c["id"]: {
            **common,
            "source_id": object_map[c["source"]],
            "source_port": c["source_port"],
            "target_id": object_map[c["target"]],
            "target_port": c["target_port"],
        }
        for c in cables
    }
    return {
        "tabs": tab_map,
        "objects": object_map,
        "cables": _insert(Cable, cable_values, keep_ids),
    }


def written_snapshot(
    ids: Mapping[str, Mapping[Key, int]],
    *,
    tabs: Iterable[Row],
    objects: Iterable[Row],
    cables: Iterable[Row],
) -> dict[str, list[dict[str, Any]]]:
    """The rows write_rows wrote (ids: what it returned), in load_draft's shape and order.

    After delete_draft that is the whole draft: an import validates it without reading back
    the 30,000 rows it has just written.
    """
    tab_ids, object_ids, cable_ids = ids["tabs"], ids["objects"], ids["cables"]
    snapshot_tabs = [
        {"id": tab_ids[t["id"]], "name": t["name"], "position": t.get("position", 0)} for t in tabs
    ]
    snapshot_objects = []
    for o in objects:
        fields = _object_fields(o)
        snapshot_objects.append(
            {
                "id": object_ids[o["id"]],
                "type": fields["type"],
                "name": fields["name"],
                "tab": tab_ids[o["tab"]],
                "position": {"x": float(fields["x"]), "y": float(fields["y"])},
                "properties": map_object_refs(o["type"], fields["properties"], object_ids.get),
            }
        )
    snapshot_cables = [
        {
            "id": cable_ids[c["id"]],
            "source": object_ids[c["source"]],
            "source_port": c["source_port"],
            "target": object_ids[c["target"]],
            "target_port": c["target_port"],
        }
        for c in cables
    ]
    return {
        "tabs": sorted(snapshot_tabs, key=lambda t: (t["position"], t["id"])),
        "objects": sorted(snapshot_objects, key=lambda o: o["id"]),
        "cables": sorted(snapshot_cables, key=lambda c: c["id"]),
    }


def _object_fields(o: Row) -> dict[str, Any]:
    """An object row's own columns, defaults filled in."""
    position = o.get("position") or {}
    return {
        "type": o["type"],
        "name": o.get("name") or "",
        "x": position.get("x", 0.0),
        "y": position.get("y", 0.0),
        "properties": dict(o.get("properties") or {}),
    }


def _insert(model: type, values: Mapping[Key, dict], keep_ids: bool) -> dict[Key, int]:
    """Insert one row per key; returns key -> id. Rows keeping their id go first: SQLite
    numbers a new row max(id) + 1, which could be an id a kept row has yet to take."""
    table = model.__table__
    wanted = _ids(model, list(values), keep_ids)
    kept = {key: wanted[key] for key in values if wanted[key] is not None}
    if kept:
        db.session.execute(table.insert(), [{**values[k], "id": i} for k, i in kept.items()])
    fresh = [key for key in values if wanted[key] is None]
    if not fresh:
        return kept
    ids = insert_returning_ids(table, [values[key] for key in fresh], by_copy=True)
    return {**kept, **dict(zip(fresh, ids, strict=True))}


def _ids(model: type, keys: list[Key], keep_ids: bool) -> dict[Key, int | None]:
    """key -> the id to insert under: the key itself when it is free, else None (the database
    picks one). After delete_draft only other accounts' rows can hold a wanted id: SQLite
    reuses the highest deleted ids, PostgreSQL sequences never do."""
    wanted = {key for key in keys if keep_ids and _is_id(key)}
    held: set[int] = set()
    if wanted:
        held = set(db.session.execute(db.select(model.id).where(model.id.in_(wanted))).scalars())
    return {key: key if key in wanted and key not in held else None for key in keys}


def _is_id(key: Key) -> bool:
    return isinstance(key, int) and not isinstance(key, bool)


def _fix_object_refs(values: Mapping[Key, dict], object_map: Mapping[Key, int]) -> None:
    """Point object references at the new ids, without bumping the rows' version."""
    table = WorkspaceObject.__table__
    changed = []
    for key, row in values.items():
        if not object_refs(row["type"], row["properties"]):
            continue
        fixed = map_object_refs(row["type"], row["properties"], object_map.get)
        if fixed != row["properties"]:
            changed.append({"row_id": object_map[key], "fixed": fixed})
    if changed:
        # One Core UPDATE executed for many rows (not one statement per ring group): the rows
        # were inserted a moment ago and stay at version 1.
        db.session.execute(
            table.update()
            .where(table.c.id == bindparam("row_id"))
            .values(properties=bindparam("fixed")),
            changed,
        )
