"""Helpers the contact services share: nested error paths, referenced ids, workspace users.

Who uses a contact method is asked through ``workspace.signals.contact_methods_placed``:
the canvas (workspace.objects) answers, and contact_center does not import it.

Errors inside nested request objects must name their path the way marshmallow does
(`errors.json.recording.delivery_method_id`, `errors.json.numbers.0.internal_number_id`),
so a form can put the message next to the right control whichever layer refused it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from workspace.errors import Conflict, FieldErrors, NotFound
from workspace.signals import users_of_contact_methods
from workspace.tenancy import resolve_id

M = TypeVar("M")


def nest(flat: dict[str, list[str]]) -> dict[str, Any]:
    """{"recording.on_demand": [...]} -> {"recording": {"on_demand": [...]}}."""
    nested: dict[str, Any] = {}
    for path, messages in flat.items():
        *parents, leaf = path.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = messages
    return nested


def field_errors(errors: dict[str, str]) -> FieldErrors:
    """A 422 whose dotted field paths are nested; the message names the first path."""
    exc = FieldErrors(dict(errors))
    exc.errors = {"json": nest({path: [message] for path, message in errors.items()})}
    return exc


def resolve_at(model: type[M], obj_id: int | None, account_id: int, path: str) -> M | None:
    """resolve_id, with the 404's field named by its (possibly nested) path."""
    try:
        return resolve_id(model, obj_id, account_id, field=path)
    except NotFound as exc:
        exc.errors = {"json": nest((exc.errors or {}).get("json", {}))}
        raise


def refuse_if_placed(account_id: int, method_ids: list[int], what: str) -> None:
    """409 naming the workspace objects that would lose their contact method."""
    users = users_of_contact_methods(account_id, method_ids)
    if not users:
        return
    names = ", ".join(
        f'"{user["name"]}" on tab "{user["tab_name"]}"' if user.get("tab_name") else user["name"]
        for user in users
    )
    raise Conflict(
        f"{what} is used on the workspace by {names}. Remove those objects first.",
        {"used_by": users},
    )
