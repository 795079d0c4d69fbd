"""Export the draft as a portable JSON document, and import one (replace or merge the draft).

The document never holds database ids. Tabs, objects and cables get local keys ("t1", "o1",
"c1", in id order); properties refer to the account's data by natural keys: a phone number by
its E.164 number, an internal number by its digits, a contact method by its contact's name and
email and its kind; ring group members by object key. So a document exported from one account
imports into another that has the same numbers and contacts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workspace.errors import ServiceError
from workspace.extensions import db
from workspace.objects import publishing_events
from workspace.objects.draft import load_draft, validate_draft
from workspace.objects.draft_restore import (
    OBJECT_REF_LISTS,
    delete_draft,
    map_object_refs,
    object_refs,
    write_rows,
    written_snapshot,
)
from workspace.objects.models import Tab
from workspace.objects.natural_keys import Inventory, export_ref, import_ref
from workspace.objects.publishing_service import lock_state
from workspace.objects.state import bump_draft_version
from workspace.objects.types import REGISTRY
from workspace.signals import announce_draft_written
from workspace.tenancy import scoped

FORMAT = "callflow-workspace"
VERSION = 1
MODES = ("replace", "merge")


class DocumentErrors(ServiceError):
    """422 with the document's problems where webargs puts field errors: errors.json.document."""

    status_code = 422

    def __init__(self, errors: dict[str, Any]) -> None:
        path, message = _first(errors)
        super().__init__(f"document.{path}: {message}", {"json": {"document": errors}})


def _first(errors: Mapping[Any, Any], prefix: str = "") -> tuple[str, str]:
    key = next(iter(errors))
    value = errors[key]
    path = f"{prefix}.{key}" if prefix else str(key)
    return _first(value, path) if isinstance(value, Mapping) else (path, value[0])


def _add(errors: dict, path: tuple, message: str) -> None:
    node = errors
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node.setdefault(path[-1], []).append(message)


# ---- export ---------------------------------------------------------------------------------


def export_workspace(account_id: int) -> dict[str, Any]:
    """The draft as a versioned document: same draft, same document, byte for byte."""
    snapshot = load_draft(account_id)
    inv = Inventory(account_id)
    tab_keys = {t["id"]: f"t{i}" for i, t in enumerate(snapshot["tabs"], 1)}
    object_keys = {o["id"]: f"o{i}" for i, o in enumerate(snapshot["objects"], 1)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "tabs": [
            {"key": tab_keys[t["id"]], "name": t["name"], "position": t["position"]}
            for t in snapshot["tabs"]
        ],
        "objects": [
            {
                "key": object_keys[o["id"]],
                "tab": tab_keys[o["tab"]],
                "type": o["type"],
                "name": o["name"],
                "position": o["position"],
                "properties": _export_properties(o, object_keys, inv),
            }
            for o in snapshot["objects"]
        ],
        "cables": [
            {
                "key": f"c{i}",
                "source": object_keys[c["source"]],
                "source_port": c["source_port"],
                "target": object_keys[c["target"]],
                "target_port": c["target_port"],
            }
            for i, c in enumerate(snapshot["cables"], 1)
        ],
    }


def _export_properties(obj: dict, object_keys: Mapping[int, str], inv: Inventory) -> dict:
    kind = REGISTRY.get(obj["type"])
    props = dict(obj["properties"])
    if kind is None:
        return props
    for ref in kind.references:
        # A row deleted since it was picked has no natural key: exported as unset.
        props[ref.prop] = export_ref(ref.collection, props.get(ref.prop), inv)
    # A timeline entry for an object that is gone points nowhere: left out.
    return map_object_refs(obj["type"], props, object_keys.get)


# ---- import ---------------------------------------------------------------------------------


def import_workspace(account_id: int, document: dict[str, Any], mode: str) -> dict[str, Any]:
    """Replace the draft with the document, or add it to the draft (tabs matched by name).

    Every reference is resolved first; anything unresolved is a 422 naming its place in the
    document (errors.json.document.objects.3.properties.number) and nothing is written.
    Returns the key -> id maps, the new draft version and the draft's problems.
    """
    lock_state(account_id)
    inv = Inventory(account_id)
    errors: dict[Any, Any] = {}
    tabs, objects, cables = _resolve(document, inv, errors)
    if errors:
        db.session.rollback()
        raise DocumentErrors(errors)

    existing: dict[str, int] = {}
    if mode == "replace":
        delete_draft(account_id)
    else:
        rows = db.session.execute(scoped(Tab, account_id).order_by(Tab.position, Tab.id))
        current = list(rows.scalars())
        by_name = {t.name: t.id for t in reversed(current)}  # the first of equal names wins
        last = max((t.position for t in current), default=-1)
        existing = {t["id"]: by_name[t["name"]] for t in tabs if t["name"] in by_name}
        tabs = [t for t in tabs if t["id"] not in existing]
        for offset, tab in enumerate(tabs, 1):
            tab["position"] = last + offset
    maps = write_rows(
        account_id, tabs=tabs, objects=objects, cables=cables, tab_ids=existing, keep_ids=False
    )
    counts = {"tabs": len(tabs), "objects": len(objects), "cables": len(cables)}
    announce_draft_written(account_id, "import", {"mode": mode, **counts})
    draft_version = bump_draft_version(account_id)
    # Replaced: the draft is what was just written, so it is validated without reading it back.
    written = None
    if mode == "replace":
        written = written_snapshot(maps, tabs=tabs, objects=objects, cables=cables)
    _, _, problems = validate_draft(account_id, written, to_compile=False)
    db.session.commit()
    publishing_events.draft_replaced(account_id, draft_version, reason="import")
    return {"mode": mode, "draft_version": draft_version, **maps, "problems": problems}


def _resolve(document: dict, inv: Inventory, errors: dict) -> tuple[list, list, list]:
    """The document's rows in the snapshot's shape, keyed by document key, ids resolved."""
    tab_keys = _unique_keys(document["tabs"], "tabs", errors)
    object_keys = _unique_keys(document["objects"], "objects", errors)
    _unique_keys(document["cables"], "cables", errors)
    index = {key: i for i, key in enumerate(o["key"] for o in document["objects"])}

    tabs = [
        {"id": t["key"], "name": t["name"], "position": t["position"]} for t in document["tabs"]
    ]
    objects = []
    for i, obj in enumerate(document["objects"]):
        if obj["tab"] not in tab_keys:
            _add(errors, ("objects", i, "tab"), f'No tab "{obj["tab"]}" in the document.')
        properties = _import_properties(i, obj, inv, object_keys, index, errors)
        objects.append(
            {
                "id": obj["key"],
                "tab": obj["tab"],
                "type": obj["type"],
                "name": obj["name"],
                "position": obj["position"],
                "properties": properties,
            }
        )
    types = {o["key"]: o["type"] for o in document["objects"]}
    cables = []
    for i, cable in enumerate(document["cables"]):
        for end, port, direction in (
            ("source", "source_port", "out"),
            ("target", "target_port", "in"),
        ):
            key = cable[end]
            if key not in object_keys:
                _add(errors, ("cables", i, end), f'No object "{key}" in the document.')
                continue
            kind = REGISTRY[types[key]]
            if kind.port(cable[port], direction) is None:
                word = "output" if direction == "out" else "input"
                _add(
                    errors,
                    ("cables", i, port),
                    f'{kind.display_name} has no {word} port "{cable[port]}".',
                )
        cables.append({**cable, "id": cable["key"]})
    return tabs, objects, cables


def _unique_keys(rows: list[dict], where: str, errors: dict) -> set[str]:
    seen: set[str] = set()
    for i, row in enumerate(rows):
        if row["key"] in seen:
            _add(errors, (where, i, "key"), f'The key "{row["key"]}" is used twice.')
        seen.add(row["key"])
    return seen


def _import_properties(
    i: int, obj: dict, inv: Inventory, object_keys: set[str], index: dict, errors: dict
) -> dict:
    """Natural keys -> ids; object references stay keys (the writer maps them to new ids)."""
    kind = REGISTRY[obj["type"]]
    props = dict(obj["properties"])
    where = ("objects", i, "properties")
    for ref in kind.references:
        row_id, problem = import_ref(ref.collection, props.get(ref.prop), inv)
        if problem:
            _add(errors, (*where, ref.prop), problem)
        props[ref.prop] = row_id
    spec = OBJECT_REF_LISTS.get(obj["type"])
    for j, ref in enumerate(object_refs(obj["type"], props)):
        if not isinstance(ref, str) or ref not in object_keys:
            _add(errors, (*where, spec[0], j, spec[1]), f'No object "{ref}" in the document.')
    # The type's own rules, with object keys standing in as the integers the schema expects.
    # (Unresolved references are None by now, which the schema accepts: reported above.)
    checked = map_object_refs(
        obj["type"], props, lambda ref: index.get(ref, -1) if isinstance(ref, str) else ref
    )
    # The type's fast accept path first, as the draft's validation does (graph.validate).
    if kind.quick_valid is None or not kind.quick_valid(checked):
        _merge(errors, where, kind.schema.validate(checked))
    return props


def _merge(errors: dict, path: tuple, messages: Any) -> None:
    if isinstance(messages, dict):
        for key, value in messages.items():
            _merge(errors, (*path, key), value)
    else:
        for message in messages:
            _add(errors, path, message)
