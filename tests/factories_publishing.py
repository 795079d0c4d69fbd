"""Builders for the publishing tests: contact-center rows and workspace rows straight through the
models (run them inside app.app_context()); each returns plain ids.

`simple_call_flow` is the guide's Simple Call Flow Setup: Mike Brown, his call.center method
(internal caller ID 101, outbound calling with the phone number as external caller ID), two
devices on SIP accounts, the phone number and extension 101 both cabled to a ring group whose
member is his call.center method.
"""

from __future__ import annotations

from typing import Any

from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
)
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.extensions import db
from workspace.objects.models import Cable, Tab, WorkspaceObject

PUBLISH = "/api/v1/workspace/publish"
REVISIONS = "/api/v1/revisions"
SIMULATE = "/api/v1/simulate"
EXPORT = "/api/v1/workspace/export"
IMPORT = "/api/v1/workspace/import"


def _saved(row: Any) -> int:
    db.session.add(row)
    db.session.commit()
    return row.id


def make_provider(account_id: int, *, server: str = "sip.example.net") -> int:
    return _saved(Provider(account_id=account_id, name="Example SIP", server=server))


def make_sip_account(
    account_id: int, provider_id: int, username: str, *, password_encrypted: str | None = None
) -> int:
    return _saved(
        SipAccount(
            account_id=account_id,
            provider_id=provider_id,
            friendly_name=f"Line {username}",
            username=username,
            password_encrypted=password_encrypted,
            display_name="Mike Brown",
            dialing_rules=[{"start_with": "017", "replace_with": "1", "min_length": 10}],
        )
    )


def make_phone_number(account_id: int, number: str = "+14155550100") -> int:
    return _saved(PhoneNumber(account_id=account_id, number=number))


def make_internal_number(account_id: int, number: str = "101") -> int:
    return _saved(InternalNumber(account_id=account_id, number=number))


def make_contact(
    account_id: int,
    *,
    first_name: str = "Mike",
    last_name: str = "Brown",
    email: str = "mike.brown@example.com",
    internal_caller_id: int | None = None,
    outbound_calling: bool = False,
    external_caller_id: int | None = None,
) -> dict[str, int]:
    """A contact with one work email and its call.center method + settings."""
    contact = Contact(account_id=account_id, first_name=first_name, last_name=last_name)
    contact.emails.append(ContactEmail(address=email, label="work"))
    method = ContactMethod(account_id=account_id, contact=contact, kind="call_center")
    method.call_center = CallCenterSettings(
        internal_caller_id=internal_caller_id,
        outbound_calling=outbound_calling,
        external_caller_id=external_caller_id,
    )
    db.session.add_all([contact, method])
    db.session.commit()
    return {"contact": contact.id, "method": method.id}


def make_device(account_id: int, contact_id: int, name: str, sip_account_ids: list[int]) -> int:
    device = Device(account_id=account_id, contact_id=contact_id, name=name)
    device.sip_links = [
        DeviceSipAccount(sip_account_id=sip, position=i) for i, sip in enumerate(sip_account_ids)
    ]
    return _saved(device)


def make_tab(account_id: int, name: str = "Main", position: int = 0) -> int:
    return _saved(Tab(account_id=account_id, name=name, position=position))


def make_object(
    account_id: int,
    tab_id: int,
    type_: str,
    name: str,
    properties: dict | None = None,
    *,
    x: float = 0.0,
    y: float = 0.0,
) -> int:
    return _saved(
        WorkspaceObject(
            account_id=account_id,
            tab_id=tab_id,
            type=type_,
            name=name,
            x=x,
            y=y,
            properties=properties or {},
        )
    )


def make_cable(account_id: int, source: int, source_port: str, target: int, target_port: str):
    return _saved(
        Cable(
            account_id=account_id,
            source_id=source,
            source_port=source_port,
            target_id=target,
            target_port=target_port,
        )
    )


def set_properties(object_id: int, properties: dict) -> None:
    row = db.session.get(WorkspaceObject, object_id)
    row.properties = properties
    db.session.commit()


def delete_row(model: type, row_id: int) -> None:
    db.session.delete(db.session.get(model, row_id))
    db.session.commit()


def count(model: type) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def simple_call_flow(
    account_id: int,
    *,
    phone: str = "+14155550100",
    extension: str = "101",
    email: str = "mike.brown@example.com",
) -> dict[str, int]:
    """The guide's Simple Call Flow Setup, every row made through the models."""
    ids = mike_brown(account_id, phone=phone, extension=extension, email=email)
    ids.update(simple_workspace(account_id, ids))
    return ids


def mike_brown(
    account_id: int,
    *,
    phone: str = "+14155550100",
    extension: str = "101",
    email: str = "mike.brown@example.com",
) -> dict[str, int]:
    """The contact-center half: numbers, Mike Brown, his call.center method, two devices."""
    ids: dict[str, int] = {}
    ids["provider"] = make_provider(account_id)
    ids["sip_1"] = make_sip_account(account_id, ids["provider"], "1001")
    ids["sip_2"] = make_sip_account(account_id, ids["provider"], "1002")
    ids["phone_number"] = make_phone_number(account_id, phone)
    ids["internal_number"] = make_internal_number(account_id, extension)
    made = make_contact(
        account_id,
        email=email,
        internal_caller_id=ids["internal_number"],
        outbound_calling=True,
        external_caller_id=ids["phone_number"],
    )
    ids["contact"], ids["method"] = made["contact"], made["method"]
    ids["laptop"] = make_device(account_id, ids["contact"], "Mike's laptop", [ids["sip_1"]])
    ids["phone"] = make_device(
        account_id, ids["contact"], "Android Phone", [ids["sip_1"], ids["sip_2"]]
    )
    return ids


def simple_workspace(account_id: int, cc: dict[str, int]) -> dict[str, int]:
    """The workspace half: phone number and extension -> ring group -> Mike's call.center."""
    ids: dict[str, int] = {}
    tab = ids["tab"] = make_tab(account_id)
    ids["o_phone"] = make_object(
        account_id, tab, "phone_number", "Main line", {"number": cc["phone_number"]}, x=0, y=0
    )
    ids["o_ext"] = make_object(
        account_id,
        tab,
        "internal_number",
        "Mike's extension",
        {"number": cc["internal_number"]},
        x=0,
        y=120,
    )
    ids["o_method"] = make_object(
        account_id,
        tab,
        "contact_method",
        "Mike Brown",
        {"contact_method": cc["method"]},
        x=600,
        y=60,
    )
    ids["o_group"] = make_object(
        account_id,
        tab,
        "ring_group",
        "Mike's ring group",
        {
            "members": [{"target": ids["o_method"], "start": 0, "duration": 30}],
            "preset": "ring_all",
        },
        x=300,
        y=60,
    )
    ids["c_phone"] = make_cable(account_id, ids["o_phone"], "calls", ids["o_group"], "calls")
    ids["c_ext"] = make_cable(account_id, ids["o_ext"], "calls", ids["o_group"], "calls")
    ids["c_member"] = make_cable(account_id, ids["o_group"], "members", ids["o_method"], "calls")
    return ids
