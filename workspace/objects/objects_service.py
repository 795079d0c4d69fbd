"""Workspace objects: create, edit, move, delete; properties checked by the type's schema."""

from __future__ import annotations

import copy
import re
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import delete, func, update

from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.schedules.models import Schedule
from workspace.errors import Conflict, NotFound
from workspace.extensions import db
from workspace.graph import ObjectType
from workspace.objects.default_names import referenced_name
from workspace.objects.events import Outbox
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.refusals import InvalidProperties, rule_error
from workspace.objects.schemas import MAX_ID, ObjectSchema
from workspace.objects.state import bump_draft_version
from workspace.objects.types import REGISTRY
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

# The inventory a type's ``references`` point at, by facts collection.
REFERENCE_MODELS: dict[str, type] = {
    "phone_numbers": PhoneNumber,
    "internal_numbers": InternalNumber,
    "contact_methods": ContactMethod,
    "schedules": Schedule,
}
NAME_MAX = 100

_object_schema = ObjectSchema()


def object_payload(obj: WorkspaceObject) -> dict[str, Any]:
    return _object_schema.dump(obj)


def list_objects(
    account_id: int,
    *,
    tab_id: int | None = None,
    q: str | None = None,
    page: int = 1,
    per_page: int = 200,
) -> tuple[list[WorkspaceObject], int]:
    query = scoped(WorkspaceObject, account_id)
    if tab_id is not None:
        get_owned(Tab, tab_id, account_id)
        query = query.where(WorkspaceObject.tab_id == tab_id)
    if q:
        query = query.where(WorkspaceObject.name.ilike(f"%{q}%"))
    total = db.session.scalar(db.select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.order_by(WorkspaceObject.id).limit(per_page).offset((page - 1) * per_page)
    ).scalars()
    return list(rows), total or 0


def get_object(account_id: int, object_id: int) -> WorkspaceObject:
    return get_owned(WorkspaceObject, object_id, account_id)


def _owned_tab(account_id: int, tab_id: int) -> Tab:
    tab = db.session.get(Tab, tab_id)
    if tab is None or tab.account_id != account_id:
        message = f"Tab {tab_id} not found."
        raise NotFound(message, {"json": {"tab_id": [message]}})
    return tab


def _kind(name: str) -> ObjectType:
    kind = REGISTRY.get(name)
    if kind is None:
        raise rule_error(
            "type",
            f"Unknown object type {name!r}; the types are: {', '.join(REGISTRY)}.",
            "object.unknown_type",
        )
    return kind


def _not_found(prop: str, message: str) -> NotFound:
    return NotFound(message, {"json": {"properties": {prop: [message]}}})


def _check_references(kind: ObjectType, props: dict, account_id: int) -> None:
    """Inventory rows and objects named in the properties must be the account's: else 404."""
    for ref in kind.references:
        row_id = props.get(ref.prop)
        model = REFERENCE_MODELS[ref.collection]
        if row_id is None:
            continue
        row = db.session.get(model, row_id) if 0 < row_id <= MAX_ID else None
        if row is None or row.account_id != account_id:
            raise _not_found(ref.prop, f"{ref.label.capitalize()} {row_id} not found.")
    targets = [m["target"] for m in props.get("members") or [] if isinstance(m, dict)]
    if targets:
        valid = [t for t in targets if 0 < t <= MAX_ID]
        found = set(
            db.session.execute(
                db.select(WorkspaceObject.id).where(
                    WorkspaceObject.account_id == account_id, WorkspaceObject.id.in_(valid)
                )
            ).scalars()
        )
        missing = [t for t in targets if t not in found]
        if missing:
            raise _not_found("members", f"Object {missing[0]} not found.")


def _load_properties(kind: ObjectType, raw: dict, account_id: int) -> dict:
    try:
        loaded = kind.schema.load(raw)
    except ValidationError as exc:
        messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        raise InvalidProperties(messages) from None
    props = {**copy.deepcopy(dict(kind.defaults)), **loaded}
    _check_references(kind, props, account_id)
    return props


def _default_name(tab: Tab, kind: ObjectType) -> str:
    """ "{Tab} {Type} {n}" with the lowest n no object of this type on the tab uses."""
    prefix = f"{tab.name} {kind.default_name_prefix}"
    names = db.session.execute(
        db.select(WorkspaceObject.name).where(
            WorkspaceObject.tab_id == tab.id, WorkspaceObject.type == kind.name
        )
    ).scalars()
    pattern = re.compile(re.escape(prefix) + r" (\d+)")
    taken = {int(m.group(1)) for name in names if (m := pattern.fullmatch(name))}
    n = 1
    while n in taken:
        n += 1
    room = NAME_MAX - len(f" {kind.default_name_prefix} {n}")
    return f"{tab.name[:room].rstrip()} {kind.default_name_prefix} {n}"


def create_object(account_id: int, data: dict, *, actor: int | None = None) -> WorkspaceObject:
    draft = bump_draft_version(account_id)
    out = Outbox(account_id, draft, actor)
    obj = add_object(account_id, data, out)
    db.session.commit()
    out.send()
    obj.draft_version = draft
    return obj


def add_object(account_id: int, data: dict, out: Outbox) -> WorkspaceObject:
    """Check and place an object, flushed but not committed; its event goes to ``out``.

    For callers that build more in one transaction (the setup wizard): they bump the draft
    version first, commit, then ``out.send()``.
    """
    kind = _kind(data["type"])
    tab = _owned_tab(account_id, data["tab_id"])
    props = _load_properties(kind, data.get("properties") or {}, account_id)
    obj = WorkspaceObject(
        account_id=account_id,
        tab_id=tab.id,
        type=kind.name,
        name=data.get("name")
        or referenced_name(kind.name, props, account_id)
        or _default_name(tab, kind),
        x=data["position"]["x"],
        y=data["position"]["y"],
        properties=props,
    )
    db.session.add(obj)
    db.session.flush()
    out.to_tab(tab.id, "object.created", {"object": object_payload(obj)})
    return obj


def update_object(
    account_id: int,
    object_id: int,
    data: dict,
    expected_version: int,
    *,
    actor: int | None = None,
) -> WorkspaceObject:
    """Rename, change properties (merged over the current ones) or move to another tab."""
    draft = bump_draft_version(account_id)
    obj = get_object(account_id, object_id)
    check_version(obj, expected_version)
    old_tab = obj.tab_id
    changes: dict[str, Any] = {}
    if "tab_id" in data and data["tab_id"] != obj.tab_id:
        changes["tab_id"] = _owned_tab(account_id, data["tab_id"]).id
        cables = _cable_ids([obj.id])
        if cables:
            raise Conflict(
                f"{obj.name} has {len(cables)} cable(s); a cable cannot cross tabs. Remove them "
                "before moving it to another tab.",
                {"used_by": [{"type": "cable", "id": c, "name": f"Cable {c}"} for c in cables]},
            )
    if "properties" in data:
        merged = {**(obj.properties or {}), **data["properties"]}
        changes["properties"] = _load_properties(_kind(obj.type), merged, account_id)
    if "name" in data:
        changes["name"] = data["name"]
    for key, value in changes.items():
        setattr(obj, key, value)
    db.session.flush()
    out = Outbox(account_id, draft, actor)
    payload = {"object": object_payload(obj)}
    for tab_id in dict.fromkeys((old_tab, obj.tab_id)):
        out.to_tab(tab_id, "object.updated", payload)
    db.session.commit()
    out.send()
    obj.draft_version = draft
    return obj


def move_object(
    account_id: int, object_id: int, position: dict, *, actor: int | None = None
) -> WorkspaceObject:
    """Set the position; no If-Match, the last writer wins (a drag is not a conflict)."""
    draft = bump_draft_version(account_id)
    obj = get_object(account_id, object_id)
    table = WorkspaceObject.__table__
    # A Core UPDATE on purpose: the ORM would bump the version (version_id_col), and a move
    # must not make another admin's pending edit of the name or properties fail with 412.
    db.session.execute(
        update(table).where(table.c.id == obj.id).values(x=position["x"], y=position["y"])
    )
    db.session.refresh(obj)
    out = Outbox(account_id, draft, actor, validate=False)  # positions do not change problems
    out.to_tab(obj.tab_id, "object.updated", {"object": object_payload(obj), "change": "position"})
    db.session.commit()
    out.send()
    obj.draft_version = draft
    return obj


def delete_object(
    account_id: int, object_id: int, expected_version: int, *, actor: int | None = None
) -> int:
    """Delete the object and its cables; returns the new draft version."""
    draft = bump_draft_version(account_id)
    obj = get_object(account_id, object_id)
    check_version(obj, expected_version)
    out = Outbox(account_id, draft, actor)
    remove_objects(account_id, [obj.id], out)
    db.session.commit()
    out.send()
    return draft


def _cable_ids(object_ids: list[int]) -> list[int]:
    return list(
        db.session.execute(
            db.select(Cable.id)
            .where(Cable.source_id.in_(object_ids) | Cable.target_id.in_(object_ids))
            .order_by(Cable.id)
        ).scalars()
    )


def remove_objects(
    account_id: int, object_ids: list[int], out: Outbox, *, announce: bool = True
) -> None:
    """Delete objects with their cables, and drop them from ring group timelines.

    ``announce=False`` skips the object.deleted events (their tab is going away as a whole);
    ring groups elsewhere whose timeline changed are always announced.
    """
    if not object_ids:
        return
    gone = set(object_ids)
    cables = db.session.execute(
        db.select(Cable.id, Cable.source_id, Cable.target_id).where(
            Cable.source_id.in_(gone) | Cable.target_id.in_(gone)
        )
    ).all()
    rows = db.session.execute(
        scoped(WorkspaceObject, account_id).where(WorkspaceObject.id.in_(gone))
    ).scalars()
    deleted = [
        {
            "object": {"id": o.id, "tab_id": o.tab_id, "version": o.version},
            "cables": sorted(c.id for c in cables if o.id in (c.source_id, c.target_id)),
        }
        for o in rows
    ]
    if cables:
        db.session.execute(delete(Cable).where(Cable.id.in_([c.id for c in cables])))
    db.session.execute(delete(WorkspaceObject).where(WorkspaceObject.id.in_(gone)))
    for item in deleted if announce else ():
        out.to_tab(item["object"]["tab_id"], "object.deleted", item)
    _drop_members(account_id, gone, out)


def _drop_members(account_id: int, gone: set[int], out: Outbox) -> None:
    groups = db.session.execute(
        scoped(WorkspaceObject, account_id).where(WorkspaceObject.type == "ring_group")
    ).scalars()
    for group in groups:
        members = (group.properties or {}).get("members") or []
        kept = [m for m in members if m.get("target") not in gone]
        if len(kept) != len(members):
            group.properties = {**group.properties, "members": kept}
            db.session.flush()
            out.to_tab(group.tab_id, "object.updated", {"object": object_payload(group)})
