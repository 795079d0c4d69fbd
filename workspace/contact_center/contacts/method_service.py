"""Contact methods: the call.center method (one per contact, made with it), SIP accounts, phones."""

from __future__ import annotations

from workspace.contact_center.contacts.models import ContactMethod
from workspace.contact_center.contacts.refs import field_errors, refuse_if_placed, resolve_at
from workspace.contact_center.contacts.service import get_contact
from workspace.contact_center.providers.models import SipAccount
from workspace.errors import Conflict, NotFound
from workspace.extensions import db
from workspace.tenancy import scoped
from workspace.versioning import check_version

FIELDS_OF_KIND = {
    "call_center": (),
    "sip_account": ("sip_account_id",),
    "phone": ("number", "number_type"),
}
CALL_CENTER_IS_FIXED = (
    "The call.center method is created with its contact and lives as long as the contact; "
    "there is exactly one per contact."
)


def list_methods(account_id: int, contact_id: int) -> list[ContactMethod]:
    get_contact(account_id, contact_id)
    stmt = scoped(ContactMethod, account_id).where(ContactMethod.contact_id == contact_id)
    return list(db.session.execute(stmt.order_by(ContactMethod.id)).scalars())


def get_method(account_id: int, contact_id: int, method_id: int) -> ContactMethod:
    get_contact(account_id, contact_id)
    method = db.session.get(ContactMethod, method_id)
    if method is None or method.account_id != account_id or method.contact_id != contact_id:
        raise NotFound(f"Contact method {method_id} not found.")
    return method


def _check_unique(method: ContactMethod, contact_id: int, data: dict) -> None:
    """The same SIP account or phone number twice on one contact is refused (422)."""
    key = "sip_account_id" if method.kind == "sip_account" else "number"
    value = data.get(key, getattr(method, key))
    if value is None:
        return
    stmt = scoped(ContactMethod, method.account_id).where(
        ContactMethod.contact_id == contact_id, getattr(ContactMethod, key) == value
    )
    if method.id is not None:
        stmt = stmt.where(ContactMethod.id != method.id)
    if db.session.execute(stmt).first():
        what = "SIP account" if key == "sip_account_id" else "number"
        raise field_errors({key: f"This contact already has a method with this {what}."})


def create_method(account_id: int, contact_id: int, data: dict) -> ContactMethod:
    contact = get_contact(account_id, contact_id)
    if data["kind"] == "call_center":
        raise Conflict(CALL_CENTER_IS_FIXED, {"json": {"kind": [CALL_CENTER_IS_FIXED]}})
    resolve_at(SipAccount, data.get("sip_account_id"), account_id, "sip_account_id")
    method = ContactMethod(account_id=account_id, **data)
    _check_unique(method, contact.id, data)
    contact.methods.append(method)
    db.session.commit()
    return method


def update_method(
    account_id: int, contact_id: int, method_id: int, data: dict, expected_version: int
) -> ContactMethod:
    method = get_method(account_id, contact_id, method_id)
    check_version(method, expected_version)
    allowed = FIELDS_OF_KIND[method.kind]
    wrong = {
        key: (
            "The call.center method is edited at /contacts/{id}/call-center."
            if method.kind == "call_center"
            else f"A {method.kind.replace('_', ' ')} method has no {key}."
        )
        for key in data
        if key not in allowed
    }
    if wrong:
        raise field_errors(wrong)
    resolve_at(SipAccount, data.get("sip_account_id"), account_id, "sip_account_id")
    _check_unique(method, contact_id, data)
    for key, value in data.items():
        setattr(method, key, value)
    db.session.commit()
    return method


def delete_method(account_id: int, contact_id: int, method_id: int, expected_version: int) -> None:
    method = get_method(account_id, contact_id, method_id)
    check_version(method, expected_version)
    if method.kind == "call_center":
        raise Conflict(CALL_CENTER_IS_FIXED + " Delete the contact instead.")
    refuse_if_placed(account_id, [method.id], "This contact method")
    db.session.delete(method)
    db.session.commit()
