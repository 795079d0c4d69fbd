"""Delivery methods: where recordings go. Configuration only; sending comes with recording."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import ValidationError

from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.delivery_methods.settings import load_settings, secret_fields
from workspace.contact_center.listing import contains, paged
from workspace.contact_center.usage import refuse_if_used
from workspace.errors import FieldErrors
from workspace.extensions import db
from workspace.secrets_key import decrypt, encrypt
from workspace.tenancy import get_owned, scoped
from workspace.versioning import check_version

TABLE = "delivery_methods"

# Set by workspace.delivery.init_app (see check_delivery_method): a check of
# (type, name, plain settings, decrypted secrets).
_connection_check: Callable[[str, str, dict[str, Any], dict[str, str]], dict[str, Any]] | None = (
    None
)


class SettingsErrors(FieldErrors):
    """422 with the per-type messages nested under `settings`, as the create schema gives them."""

    def __init__(self, messages: dict[str, Any]) -> None:
        path, node = ["settings"], messages
        while isinstance(node, dict) and node:  # the first message, for the summary line
            key, node = next(iter(node.items()))
            path.append(str(key))
        first = node[0] if isinstance(node, list) and node else "Some settings are invalid."
        super().__init__({"settings": first}, message=f"{'.'.join(path)}: {first}")
        self.errors = {"json": {"settings": messages}}


def list_delivery_methods(
    account_id: int, *, page: int = 1, per_page: int = 50, q: str | None = None
) -> dict[str, Any]:
    query = scoped(DeliveryMethod, account_id).order_by(
        db.func.lower(DeliveryMethod.name), DeliveryMethod.id
    )
    if (match := contains(q, DeliveryMethod.name)) is not None:
        query = query.where(match)
    items, total = paged(query, page=page, per_page=per_page)
    return {"items": items, "total": total}


def get_delivery_method(account_id: int, method_id: int) -> DeliveryMethod:
    return get_owned(DeliveryMethod, method_id, account_id)


def _sealed(row: DeliveryMethod, given: dict[str, str]) -> dict[str, str]:
    return {
        field: encrypt(value, account_id=row.account_id, table=TABLE, row_id=row.id, field=field)
        for field, value in given.items()
    }


def create_delivery_method(account_id: int, data: dict[str, Any]) -> DeliveryMethod:
    """`data` comes from DeliveryMethodCreateSchema: settings already split from secrets."""
    row = DeliveryMethod(
        account_id=account_id,
        name=data["name"].strip(),
        type=data["type"],
        settings=data["settings"],
        secrets={},
    )
    db.session.add(row)
    db.session.flush()  # the id is bound into each ciphertext
    if data["secrets"]:
        # A bulk UPDATE, not a second ORM flush, so a new row starts at version 1.
        db.session.execute(
            db.update(DeliveryMethod)
            .where(DeliveryMethod.id == row.id)
            .values(secrets=_sealed(row, data["secrets"]))
        )
    db.session.commit()
    return row


def _merge_settings(row: DeliveryMethod, incoming: dict[str, Any]) -> tuple[dict, dict, dict]:
    """Validate stored settings overlaid with `incoming`: (plain, sealed secrets kept, given).

    null resets a plain setting to its default and clears a secret; an omitted secret stays.
    """
    secrets = secret_fields(row.type)
    merged = {k: v for k, v in {**row.settings, **incoming}.items() if v is not None}
    kept = {k for k in row.secrets if k in secrets and k not in incoming}
    try:
        plain, given = load_settings(row.type, merged, kept=kept)
    except ValidationError as exc:
        raise SettingsErrors(exc.messages) from None  # type: ignore[arg-type]
    return plain, {k: row.secrets[k] for k in kept}, given


def update_delivery_method(
    account_id: int, method_id: int, data: dict[str, Any], expected_version: int | None
) -> DeliveryMethod:
    row = get_owned(DeliveryMethod, method_id, account_id)
    check_version(row, expected_version)
    if "type" in data and data["type"] != row.type:
        raise FieldErrors(
            {"type": "The type cannot change; create a new delivery method for another type."}
        )
    if "settings" in data:
        plain, kept, given = _merge_settings(row, data["settings"])
        row.settings = plain
        row.secrets = {**kept, **_sealed(row, given)}
    if "name" in data:
        row.name = data["name"].strip()
    db.session.commit()
    return row


def delete_delivery_method(account_id: int, method_id: int, expected_version: int | None) -> None:
    """Refused (409) while call.center settings deliver recordings through it."""
    row = get_owned(DeliveryMethod, method_id, account_id)
    check_version(row, expected_version)
    refuse_if_used(
        account_id,
        CallCenterSettings.delivery_method_id == row.id,
        f'The delivery method "{row.name}"',
    )
    db.session.delete(row)
    db.session.commit()


def check_delivery_method(
    account_id: int, method_id: int, typed: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Test connection: write a tiny file and remove it again, with the values as typed.

    `typed` (optional: name, settings) overlays the saved row the way a save would (an omitted
    secret is the saved one), so the admin tests what the form shows before saving it.
    {"ok": True, "message"} or {"ok": False, "kind", "step", "message", "retry"}; the message
    is written for the admin and never holds a secret. Nothing in the database changes.
    """
    row = get_owned(DeliveryMethod, method_id, account_id)
    typed = typed or {}
    plain, kept, given = (
        _merge_settings(row, typed["settings"])
        if "settings" in typed
        else (dict(row.settings or {}), dict(row.secrets or {}), {})
    )
    secrets = {**_opened(row, kept), **given}
    if secrets.get(_UNREADABLE) is not None:
        return secrets[_UNREADABLE]
    name = (typed.get("name") or row.name).strip()
    return _check(row.type, name, plain, secrets)


def check_delivery_values(data: dict[str, Any]) -> dict[str, Any]:
    """Test connection of a delivery method not saved yet (data as DeliveryMethodCreateSchema)."""
    return _check(data["type"], data["name"].strip(), data["settings"], data["secrets"])


_UNREADABLE = "__unreadable__"


def _opened(row: DeliveryMethod, sealed: dict[str, str]) -> dict[str, Any]:
    """The saved secrets decrypted; one that no longer decrypts answers as a failed login."""
    opened: dict[str, Any] = {}
    for field, value in sealed.items():
        try:
            opened[field] = decrypt(
                value, account_id=row.account_id, table=TABLE, row_id=row.id, field=field
            )
        except ValueError:
            return {
                _UNREADABLE: {
                    "ok": False,
                    "kind": "login",
                    "step": "login",
                    "retry": False,
                    "message": f'The saved {field.replace("_", " ")} of "{row.name}" cannot be '
                    "read (the secrets key changed?): enter it again.",
                }
            }
    return opened


def _check(kind: str, name: str, settings: dict[str, Any], secrets: dict[str, str]) -> dict:
    if _connection_check is None:
        raise RuntimeError("workspace.delivery.init_app(app) registers the connection check")
    return _connection_check(kind, name, settings, secrets)


def register_connection_check(
    check: Callable[[str, str, dict[str, Any], dict[str, str]], dict[str, Any]],
) -> None:
    """Called by workspace.delivery.init_app: how to test a delivery method's connection."""
    global _connection_check
    _connection_check = check
