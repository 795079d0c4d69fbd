"""What the demo account shows: a small company wired up and published.

Built through the same schemas and services the API uses, so the demo can never hold
data the product itself would refuse.
"""

from __future__ import annotations

from workspace.auth.models import Account, Admin
from workspace.contact_center.contacts import call_center_schemas, call_center_service
from workspace.contact_center.contacts import schemas as contact_schemas
from workspace.contact_center.contacts import service as contacts
from workspace.contact_center.delivery_methods import schemas as delivery_schemas
from workspace.contact_center.delivery_methods import service as delivery
from workspace.contact_center.devices import schemas as device_schemas
from workspace.contact_center.devices import service as devices
from workspace.contact_center.feature_codes import schemas as code_schemas
from workspace.contact_center.feature_codes import service as feature_codes
from workspace.contact_center.numbers import schemas as number_schemas
from workspace.contact_center.numbers import service as numbers
from workspace.contact_center.providers import schemas as provider_schemas
from workspace.contact_center.providers import service as providers
from workspace.contact_center.providers import sip_schemas, sip_service
from workspace.contact_center.providers.models import Provider
from workspace.demo_routers import wire_support_line
from workspace.extensions import db
from workspace.objects import cables_service, objects_service, publishing_service, tabs_service
from workspace.objects.types.ring_group import ring_all, sequential

PEOPLE = [
    ("Mike", "Brown", "Sales lead", "mike.brown@example.com", "101"),
    ("Sarah", "Lee", "Support", "sarah.lee@example.com", "102"),
    ("Omar", "Haddad", "Support", "omar.haddad@example.com", "103"),
]


def build_tour(account: Account, admin: Admin) -> None:
    aid = account.id
    # A second provider shows the Providers page; the lines live on the built-in PBX.
    providers.create_provider(
        aid,
        provider_schemas.ProviderCreateSchema().load(
            {"name": "Acme Telecom", "server": "sip.acme-telecom.example", "proxy": None}
        ),
    )
    pbx = db.session.execute(
        db.select(Provider).where(Provider.account_id == aid, Provider.builtin.is_(True))
    ).scalar_one()
    main = numbers.create_number(
        aid,
        "phone",
        number_schemas.PhoneNumberCreateSchema().load(
            {"number": "+14155550100", "label": "Main line"}
        ),
    )
    support = numbers.create_number(
        aid,
        "phone",
        number_schemas.PhoneNumberCreateSchema().load(
            {"number": "+14155550199", "label": "Support line"}
        ),
    )
    feature_codes.create_feature_code(
        aid,
        code_schemas.FeatureCodeCreateSchema().load({"code": "*1", "purpose": "record_on_demand"}),
    )
    mailbox = delivery.create_delivery_method(
        aid,
        delivery_schemas.DeliveryMethodCreateSchema().load(
            {
                "name": "Recordings mailbox",
                "type": "email",
                "settings": {"addresses": ["recordings@example.com"]},
            }
        ),
    )

    methods = []
    for index, (first, last, title, email, ext) in enumerate(PEOPLE):
        internal = numbers.create_number(
            aid,
            "internal",
            number_schemas.InternalNumberCreateSchema().load(
                {"number": ext, "label": f"{first} {last}"}
            ),
        )
        sip = sip_service.create_sip_account(
            aid,
            sip_schemas.SipAccountCreateSchema().load(
                {
                    # On the account's own PBX (this product's SIP server, workspace/sip), so
                    # `device-sim --sip` registers the lines and real calls ring them.
                    "provider_id": pbx.id,
                    "friendly_name": f"{first}'s line",
                    "username": f"10{index + 1}",
                    "password": f"demo-secret-{index + 1}",
                    "display_name": f"{first} {last}",
                    "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
                }
            ),
        )
        contact = contacts.create_contact(
            aid,
            contact_schemas.ContactCreateSchema().load(
                {
                    "first_name": first,
                    "last_name": last,
                    "company": "Demo Company",
                    "job_title": title,
                    "emails": [{"address": email, "label": "work"}],
                    "numbers": [{"type": "internal", "internal_number_id": internal.id}],
                }
            ),
        )
        devices.create_device(
            aid,
            device_schemas.DeviceCreateSchema().load(
                {"contact_id": contact.id, "name": f"{first}'s laptop", "sip_account_ids": [sip.id]}
            ),
        )
        settings = {"internal_caller_id": internal.id}
        if index == 0:  # Mike calls out and records on demand
            settings.update(
                {
                    "outbound_calling": True,
                    "external_caller_id": main.id,
                    "recording": {
                        "enabled": True,
                        "inbound": True,
                        "outbound": True,
                        "external": True,
                        "on_demand": True,
                        "delivery_method_id": mailbox.id,
                    },
                }
            )
        _, method = call_center_service.get_call_center(aid, contact.id)
        call_center_service.update_call_center(
            aid,
            contact.id,
            call_center_schemas.CallCenterUpdateSchema().load(settings),
            method.version,
        )
        methods.append((method.id, internal, f"{first} {last}"))

    _wire_main_tab(aid, admin, main, support, methods)

    # Saved after the last publish, and live at once (settings take effect on save): Omar's
    # devices, his effective config and the SIP server's plan show the new caller ID name
    # without another publish.
    _, method = call_center_service.get_call_center(aid, contact.id)
    call_center_service.update_call_center(
        aid,
        contact.id,
        call_center_schemas.CallCenterUpdateSchema().load({"caller_id_name": "Omar H. (Support)"}),
        method.version,
    )


def _wire_main_tab(aid: int, admin: Admin, main, support, methods) -> None:
    tab = tabs_service.create_tab(aid, {"name": "Main"})

    def place(kind: str, name: str, x: float, y: float, props: dict):
        return objects_service.create_object(
            aid,
            {
                "tab_id": tab.id,
                "type": kind,
                "name": name,
                "position": {"x": x, "y": y},
                "properties": props,
            },
        )

    def cable(source, source_port, target, target_port="calls"):
        cables_service.create_cable(
            aid,
            {
                "source": source.id,
                "source_port": source_port,
                "target": target.id,
                "target_port": target_port,
            },
        )

    # Cards are about 160 (numbers), 220 (ring group) and 200 (contact method) px tall.
    entry = place("phone_number", "Main line", 0, 190, {"number": main.id})
    people = [
        place("contact_method", name, 660, i * 240, {"contact_method": method_id})
        for i, (method_id, _, name) in enumerate(methods)
    ]
    group = place("ring_group", "Sales & Support", 330, 160, {"preset": "ring_all"})
    for person in people:
        cable(group, "members", person)
    objects_service.update_object(
        aid,
        group.id,
        {
            "properties": {
                "preset": "ring_all",
                "members": ring_all([p.id for p in people], duration=25),
            }
        },
        group.version,
    )
    cable(entry, "calls", group)
    for i, (_, internal, _) in enumerate(methods):
        ext = place(
            "internal_number", f"Ext {internal.number}", 330, 440 + i * 190, {"number": internal.id}
        )
        cable(ext, "calls", people[i])
    publishing_service.publish_workspace(aid, admin, "First call flow: main line rings the team")
    # A second revision, so History and Diff have something to show.
    group = objects_service.get_object(aid, group.id)
    objects_service.update_object(
        aid,
        group.id,
        {
            "properties": {
                "preset": "sequential",
                "members": sequential([p.id for p in people], duration=15),
            }
        },
        group.version,
    )
    # Nobody picks up: the call goes on to the on-call mobile, showing the main number.
    on_call = place(
        "forward",
        "On-call mobile",
        660,
        720,
        {"number": "+14155550177", "caller_id": "account", "caller_id_number": main.id},
    )
    cable(group, "no_answer", on_call)
    wire_support_line(aid, support, group, place, cable)
    publishing_service.publish_workspace(
        aid,
        admin,
        "Ring the team one after the other, then the on-call mobile; "
        "the support line keeps office hours and a blacklist",
    )
    # Not published yet: the header says "Draft: 2 unpublished changes", and Publish previews
    # them with the three devices that will ring on the new sales line too. The card has no
    # name of its own: it is named after its number ("+1 415 555 0142").
    sales = numbers.create_number(
        aid,
        "phone",
        number_schemas.PhoneNumberCreateSchema().load(
            {"number": "+14155550142", "label": "Sales line"}
        ),
    )
    sales_entry = place("phone_number", "", 0, 460, {"number": sales.id})
    cable(sales_entry, "calls", group)
