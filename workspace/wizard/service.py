"""The contact Setup Wizard: everything the guide's Simple Call Flow Setup does, in one go.

One transaction creates the contact with its call.center method (the chosen numbers as its
internal and external caller IDs), a device with its activation code, and on the chosen tab
a Phone Number and an Internal Number object cabled to a Ring Group that rings the contact's
Contact Method object. Any refusal rolls all of it back; numbers and tabs the wizard was to
add are not added either. Publishing follows as its own transaction (it validates the whole
workspace and owns its lock), so a workspace broken elsewhere leaves the wizard's work saved
as a draft and answers `published: null` with the problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError

from workspace.account.service import require_setup_wizard
from workspace.auth.models import Admin
from workspace.contact_center.contacts.call_center_service import apply_call_center_changes
from workspace.contact_center.contacts.models import Contact, ContactMethod
from workspace.contact_center.contacts.present import call_center_method, describe_contact
from workspace.contact_center.contacts.refs import resolve_at
from workspace.contact_center.contacts.schemas import MAX_NUMBERS
from workspace.contact_center.contacts.service import add_contact
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device
from workspace.contact_center.devices.service import add_device, describe_device
from workspace.contact_center.numbers import service as numbers
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.errors import Conflict, FieldErrors
from workspace.extensions import db
from workspace.objects import cables_service, objects_service, tabs_service
from workspace.objects.draft import validate_draft
from workspace.objects.events import Outbox
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.objects.publishing_service import GraphErrors, publish_workspace
from workspace.objects.state import bump_draft_version
from workspace.objects.types.ring_group import DEFAULT_DURATION, ring_all
from workspace.signals import announce_devices_may_change
from workspace.tenancy import scoped
from workspace.wizard import layout
from workspace.wizard.availability import taken_numbers
from workspace.wizard.steps import step

NAME_MAX = 100
MODELS = {"internal": InternalNumber, "phone": PhoneNumber}


@dataclass
class Built:
    """What the transaction made, kept for the answer and the events after commit."""

    out: Outbox
    contact: Contact
    method: ContactMethod
    device: Device
    code: str
    tab: Tab
    objects: list[WorkspaceObject] = field(default_factory=list)
    cables: list[Cable] = field(default_factory=list)


def setup_contact(
    account_id: int, admin: Admin, data: dict, *, actor: int | None = None
) -> dict[str, Any]:
    """Run the wizard (`data` as WizardContactSchema loads it); all or nothing, then publish."""
    require_setup_wizard(account_id)
    try:
        built = _build(account_id, data, actor)
        db.session.commit()
    except IntegrityError:  # a row it used was deleted or taken meanwhile by another request
        db.session.rollback()
        raise Conflict(
            "Something the wizard uses was changed meanwhile. Reload and try again."
        ) from None
    except Exception:
        db.session.rollback()
        raise
    built.out.send()
    published, problems = _publish(account_id, admin, data, built.contact.full_name)
    if published is None:
        # A publish refreshes devices' configs itself; without one, activated devices
        # still need to hear of the new directory entry.
        announce_devices_may_change(account_id, "wizard")
    return {
        "contact": describe_contact(account_id, built.contact),
        "device": describe_device(built.device),
        "activation": {
            "device_id": built.device.id,
            "code": built.code,
            "page": f"/devices/{built.device.id}/activation",
        },
        "tab": built.tab,
        "objects": built.objects,
        "cables": built.cables,
        "draft_version": built.out.draft_version,
        "published": published,
        "problems": problems,
    }


def _build(account_id: int, data: dict, actor: int | None) -> Built:
    # First, as every workspace edit does: it serializes this account's edits until commit.
    draft = bump_draft_version(account_id)
    out = Outbox(account_id, draft, actor)
    name = _full_name(data["contact"])

    internal = None
    if data["internal_number"] is not None:
        with step("internal_number"):
            internal = _number(account_id, "internal", data["internal_number"], name)
    with step("phone_number"):
        phone = _number(account_id, "phone", data["phone_number"], name)
    with step("tab"):
        tab = _tab(account_id, data["tab"], out)

    with step("contact"):
        contact = add_contact(account_id, _with_numbers(data["contact"], internal, phone))
    method = call_center_method(contact)
    assert method is not None  # add_contact makes it
    with step("phone_number"):
        apply_call_center_changes(
            account_id,
            method,
            {
                "internal_caller_id": internal.id if internal is not None else None,
                "external_caller_id": phone.id,
                "outbound_calling": data["phone_number"]["outbound_calling"],
            },
        )

    with step("device"):
        device = add_device(
            account_id,
            {
                "contact_id": contact.id,
                "name": data["device"]["name"],
                "sip_account_ids": data["device"]["sip_account_ids"],
            },
        )
        db.session.flush()
    code = issue_activation_code(device)

    built = Built(out, contact, method, device, code, tab)
    with step("tab"):
        _place_call_flow(account_id, built, internal, phone)
    db.session.flush()
    return built


def _full_name(contact: dict) -> str:
    return f"{contact['first_name']} {contact['last_name']}".strip()


def _number(account_id: int, kind: str, chosen: dict, contact_name: str):
    """The picked inventory number (404 outside the account, 422 when taken) or a new one."""
    model = MODELS[kind]
    if chosen["id"] is None:
        label = chosen["label"] or contact_name[:NAME_MAX]
        return numbers.add_number(account_id, kind, {"number": chosen["number"], "label": label})
    row = resolve_at(model, chosen["id"], account_id, "id")
    why = taken_numbers(account_id, kind, row.id).get(row.id)
    if why is not None:
        raise FieldErrors(
            {"id": f"{model.__label__} {row.number} is taken: {why}. Choose another or add one."}
        )
    return row


def _tab(account_id: int, chosen: dict, out: Outbox) -> Tab:
    if chosen["id"] is not None:
        return resolve_at(Tab, chosen["id"], account_id, "id")
    return tabs_service.add_tab(account_id, {"name": chosen["name"]}, out)


def _with_numbers(
    contact: dict, internal: InternalNumber | None, phone: PhoneNumber
) -> dict[str, Any]:
    """The contact's directory numbers: its extension first, then its phone number.

    The guide: the internal number is the contact's main number in the Company Directory,
    and the phone number is visible there too. Numbers already listed are not repeated.
    """
    listed = list(contact.get("numbers", []))
    if internal is not None and not any(n["internal_number_id"] == internal.id for n in listed):
        listed.insert(0, {"type": "internal", "number": None, "internal_number_id": internal.id})
    if not any(n["number"] == phone.number for n in listed):
        listed.append({"type": "landline", "number": phone.number, "internal_number_id": None})
    if len(listed) > MAX_NUMBERS:
        raise FieldErrors(
            {
                "numbers": f"With the wizard's numbers the contact would have {len(listed)} "
                f"numbers; {MAX_NUMBERS} at most. Remove some."
            }
        )
    return {**contact, "numbers": listed}


def _object_name(text: str) -> str:
    return text[:NAME_MAX].rstrip()


def _place_call_flow(
    account_id: int, built: Built, internal: InternalNumber | None, phone: PhoneNumber
) -> None:
    """The Simple Call Flow: numbers -> ring group (ring all) -> the contact's call.center.

    Names are short ("Mike Brown ext.") so a card on the canvas shows them whole.
    """
    name = built.contact.full_name
    where = layout.positions(built.tab.id, with_internal=internal is not None)

    def place(kind: str, label: str, properties: dict) -> WorkspaceObject:
        obj = objects_service.add_object(
            account_id,
            {
                "type": kind,
                "tab_id": built.tab.id,
                "name": _object_name(label),
                "position": where[kind],
                "properties": properties,
            },
            built.out,
        )
        built.objects.append(obj)
        return obj

    def cable(source: WorkspaceObject, source_port: str, target: WorkspaceObject) -> None:
        built.cables.append(
            cables_service.add_cable(
                account_id,
                {
                    "source": source.id,
                    "source_port": source_port,
                    "target": target.id,
                    "target_port": "calls",
                },
                built.out,
            )
        )

    entries = [place("phone_number", f"{name} phone", {"number": phone.id})]
    if internal is not None:
        entries.append(place("internal_number", f"{name} ext.", {"number": internal.id}))
    member = place("contact_method", name, {"contact_method": built.method.id})
    group = place(
        "ring_group",
        f"{name} group",
        {"members": ring_all([member.id], DEFAULT_DURATION), "preset": "ring_all"},
    )
    for entry in entries:
        cable(entry, "calls", group)
    cable(group, "members", member)


def _publish(
    account_id: int, admin: Admin, data: dict, contact_name: str
) -> tuple[int | None, list[dict]]:
    """(revision number, warnings) when published; (None, problems) when not."""
    if not data["publish"]:
        _, _, problems = validate_draft(account_id, to_compile=False)
        return None, problems
    message = data["publish_message"] or f"Set up {contact_name} with the contact wizard"
    try:
        result = publish_workspace(account_id, admin, message[:500])
    except GraphErrors as exc:
        return None, (exc.errors or {}).get("graph", [])
    return result["number"], result["problems"]


def options(account_id: int) -> dict[str, Any]:
    """What each step offers: inventory numbers (free or why taken), tabs, SIP accounts."""
    answer: dict[str, Any] = {}
    for kind, key in (("internal", "internal_numbers"), ("phone", "phone_numbers")):
        rows, _ = numbers.list_numbers(account_id, kind, per_page=10_000)
        taken = taken_numbers(account_id, kind)
        answer[key] = [
            {
                "id": row.id,
                "number": row.number,
                "label": row.label,
                "available": row.id not in taken,
                "used_by": taken.get(row.id),
            }
            for row in rows
        ]
    answer["tabs"] = [{"id": t.id, "name": t.name} for t in tabs_service.list_tabs(account_id)]
    answer["sip_accounts"] = [
        {
            "id": sip.id,
            "friendly_name": sip.friendly_name,
            "username": sip.username,
            "provider_name": provider_name,
        }
        for sip, provider_name in db.session.execute(
            scoped(SipAccount, account_id)
            .join(Provider, Provider.id == SipAccount.provider_id)
            .add_columns(Provider.name)
            .order_by(Provider.name, SipAccount.username, SipAccount.id)
        )
    ]
    return answer
