"""The call.center settings of a contact: caller IDs, outbound calling, recording, announcements.

The rules (`settings_problems`) judge the settings as they will be after the change, so a
partial update cannot leave them inconsistent: turning outbound calling on needs an external
caller ID already stored or sent alongside, and so on.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm.attributes import flag_modified

from workspace.contact_center.audio.models import AudioFile
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.contacts.present import call_center_method
from workspace.contact_center.contacts.refs import field_errors, resolve_at
from workspace.contact_center.contacts.service import get_contact
from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.contact_center.devices.models import Device
from workspace.contact_center.feature_codes.models import FeatureCode
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.errors import NotFound
from workspace.extensions import db
from workspace.signals import announce_devices_may_change, users_of_number
from workspace.tenancy import scoped
from workspace.versioning import check_version

# Request path -> CallCenterSettings column.
COLUMNS = {
    "caller_id_name": "caller_id_name",
    "internal_caller_id": "internal_caller_id",
    "outbound_calling": "outbound_calling",
    "external_caller_id": "external_caller_id",
    "recording.enabled": "recording_enabled",
    "recording.inbound": "record_inbound",
    "recording.outbound": "record_outbound",
    "recording.internal": "record_internal",
    "recording.external": "record_external",
    "recording.on_demand": "record_on_demand",
    "recording.delivery_method_id": "delivery_method_id",
    "announcements.internal_audio_id": "announcement_internal_id",
    "announcements.external_audio_id": "announcement_external_id",
}
REFERENCES = {
    "internal_caller_id": InternalNumber,
    "external_caller_id": PhoneNumber,
    "recording.delivery_method_id": DeliveryMethod,
    "announcements.internal_audio_id": AudioFile,
    "announcements.external_audio_id": AudioFile,
}
ON_DEMAND_PURPOSE = "record_on_demand"
DEFAULTS = {
    column: False
    for column in (
        "outbound_calling",
        "recording_enabled",
        "record_inbound",
        "record_outbound",
        "record_internal",
        "record_external",
        "record_on_demand",
    )
}


def record_on_demand_code(account_id: int) -> str | None:
    """The enabled record-on-demand feature code (lowest id, as the compiler picks it)."""
    return db.session.execute(
        scoped(FeatureCode, account_id)
        .where(FeatureCode.purpose == ON_DEMAND_PURPOSE, FeatureCode.enabled.is_(True))
        .order_by(FeatureCode.id)
        .limit(1)
        .with_only_columns(FeatureCode.code)
    ).scalar()


def settings_problems(account_id: int, s: dict[str, Any]) -> dict[str, str]:
    """Each broken rule as {request path: message}; `s` maps request paths to values."""
    problems: dict[str, str] = {}
    if s["outbound_calling"] and s["external_caller_id"] is None:
        problems["external_caller_id"] = (
            "Choose an external caller ID: outbound calls need a phone number to show."
        )
    if not s["recording.enabled"]:
        return problems  # the recording options wait, unchecked, until recording is turned on
    if s["recording.delivery_method_id"] is None:
        problems["recording.delivery_method_id"] = (
            "Choose a delivery method: recordings must be sent somewhere."
        )
    if not (s["recording.inbound"] or s["recording.outbound"] or s["recording.on_demand"]):
        problems["recording.enabled"] = (
            "Recording is on but would record nothing: choose inbound, outbound or on demand."
        )
    elif (s["recording.inbound"] or s["recording.outbound"]) and not (
        s["recording.internal"] or s["recording.external"]
    ):
        problems["recording.internal"] = (
            "Choose which inbound/outbound calls to record: internal, external or both."
        )
    if s["recording.on_demand"] and record_on_demand_code(account_id) is None:
        problems["recording.on_demand"] = (
            "Recording on demand needs a feature code: create and enable a feature code with "
            'the purpose "record_on_demand" (Settings > Feature codes), e.g. *1.'
        )
    return problems


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def get_call_center(account_id: int, contact_id: int) -> tuple[Contact, ContactMethod]:
    contact = get_contact(account_id, contact_id)
    method = call_center_method(contact)
    if method is None:
        raise NotFound(f"Contact {contact_id} has no call.center method.")
    if method.call_center is None:  # made with the method; only a hand-edited database lacks it
        method.call_center = CallCenterSettings(**DEFAULTS)
    return contact, method


def apply_call_center_changes(account_id: int, method: ContactMethod, data: dict) -> None:
    """Validate `data` (CallCenterUpdateSchema's shape) against the settings as they will be,
    then set it; not committed, so the setup wizard can use it inside its transaction."""
    changes = _flatten(data)
    if "caller_id_name" in changes:
        changes["caller_id_name"] = (changes["caller_id_name"] or "").strip() or None
    for path, model in REFERENCES.items():
        if path in changes:
            resolve_at(model, changes[path], account_id, path)
    settings = method.call_center
    state = {path: getattr(settings, column) for path, column in COLUMNS.items()} | changes
    problems = settings_problems(account_id, state)
    if problems:
        raise field_errors(problems)
    for path, value in changes.items():
        setattr(settings, COLUMNS[path], value)
    if changes:
        flag_modified(method, "kind")  # the settings row has no version: the method's moves


def update_call_center(
    account_id: int, contact_id: int, data: dict, expected_version: int
) -> tuple[Contact, ContactMethod]:
    contact, method = get_call_center(account_id, contact_id)
    check_version(method, expected_version)
    apply_call_center_changes(account_id, method, data)
    db.session.commit()
    # Caller IDs, recording, announcements of its devices
    announce_devices_may_change(account_id, "call_center_settings")
    return contact, method


def _owned_or_none(model, row_id: int | None, account_id: int):
    row = db.session.get(model, row_id) if row_id is not None else None
    return row if row is not None and row.account_id == account_id else None


def describe_call_center(account_id: int, contact: Contact, method: ContactMethod) -> dict:
    s = method.call_center
    internal = _owned_or_none(InternalNumber, s.internal_caller_id, account_id)
    external = _owned_or_none(PhoneNumber, s.external_caller_id, account_id)
    return {
        "warnings": save_warnings(account_id, internal),
        "contact_id": contact.id,
        "contact_method_id": method.id,
        "version": method.version,
        "caller_id_name": s.caller_id_name or contact.full_name,
        "caller_id_name_is_default": s.caller_id_name is None,
        "internal_caller_id": s.internal_caller_id,
        "internal_caller_id_number": internal.number if internal else None,
        "outbound_calling": s.outbound_calling,
        "external_caller_id": s.external_caller_id,
        "external_caller_id_number": external.number if external else None,
        "recording": {
            "enabled": s.recording_enabled,
            "inbound": s.record_inbound,
            "outbound": s.record_outbound,
            "internal": s.record_internal,
            "external": s.record_external,
            "on_demand": s.record_on_demand,
            "on_demand_code": record_on_demand_code(account_id) if s.record_on_demand else None,
            "delivery_method_id": s.delivery_method_id,
        },
        "announcements": {
            "internal_audio_id": s.announcement_internal_id,
            "external_audio_id": s.announcement_external_id,
        },
        "live_devices": live_devices(account_id, contact.id),
    }


def save_warnings(account_id: int, internal: InternalNumber | None) -> list[dict[str, str]]:
    """Settings accepted that the workspace does not carry yet, named as publish will name them.

    The policy, one case at a time: what only the canvas can fix (an internal caller ID that no
    Internal Number card places) is ACCEPTED with a warning, since the guide sets up a contact
    before placing its extension; what the settings themselves get wrong (outbound calling
    without an external caller ID, recording without a delivery method, an id outside the
    account) is REFUSED at save (422 by settings_problems / resolve_at).
    """
    if internal is None or any(
        u["type"] == "object" for u in users_of_number(account_id, "internal", internal.id)
    ):
        return []
    return [
        {
            "code": "caller_id.internal_not_placed",
            "message": f"Internal caller ID {internal.number} is on no Internal Number object on "
            "the workspace: publishing will report this as an error until you place it.",
        }
    ]


def live_devices(account_id: int, contact_id: int) -> int:
    """How many of the contact's devices are activated: a save is live on them at once
    (settings take effect on save; their configs follow within the recompute's debounce)."""
    return db.session.execute(
        scoped(Device, account_id)
        .where(Device.contact_id == contact_id, Device.token_hash.is_not(None))
        .with_only_columns(db.func.count())
    ).scalar_one()
