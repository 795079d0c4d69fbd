"""/api/v1/wizard/contact: the guide's contact Setup Wizard, all or nothing.

A refusal at any step answers 4xx naming `<step>.<field>` and writes nothing: every table
the wizard touches keeps its row count and the draft version stays. A success leaves the
guide's Simple Call Flow on the chosen tab (phone number and extension cabled to a ring
group ringing the contact's call.center method), publishes it, and the new device has an
activation code and is in the published plan.
"""

from __future__ import annotations

import pytest

from tests.factories_devices import make_sip_accounts
from tests.factories_publishing import (
    make_contact,
    make_internal_number,
    make_object,
    make_phone_number,
    make_tab,
)
from tests.support import count_rows
from workspace.auth.models import Account
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
    ContactNumber,
)
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.extensions import db, socketio
from workspace.objects.models import Cable, Revision, Tab, WorkspaceObject, WorkspaceState

WIZARD = "/api/v1/wizard/contact"
OPTIONS = "/api/v1/wizard/contact/options"
PHONE = "+14155550100"
TABLES = (
    Contact,
    ContactEmail,
    ContactNumber,
    ContactMethod,
    CallCenterSettings,
    InternalNumber,
    PhoneNumber,
    Device,
    DeviceSipAccount,
    Tab,
    WorkspaceObject,
    Cable,
    Revision,
)
# A card's width on the canvas, and its height with room to spare: entries are lower.
CARD_WIDTH = 232
CARD_HEIGHT = {
    "phone_number": 160,
    "internal_number": 160,
    "ring_group": 220,
    "contact_method": 200,
}


@pytest.fixture(autouse=True)
def wizard_on(app, admin) -> None:
    """ "Setup using Wizard" is off for a new account; these tests are about the wizard."""
    with app.app_context():
        db.session.get(Account, admin["account_id"]).setup_wizard_enabled = True
        db.session.commit()


@pytest.fixture
def sips(app, admin) -> list[int]:
    return make_sip_accounts(app, admin["account_id"], 2)


def body(sip_account_ids: list[int], **steps) -> dict:
    """Mike Brown with a new extension 101, a new phone number, a new tab "Sales"."""
    base = {
        "contact": {
            "first_name": "Mike",
            "last_name": "Brown",
            "emails": [{"address": "mike.brown@example.com"}],
        },
        "internal_number": {"number": "101"},
        "phone_number": {"number": "+1 415 555 0100"},
        "tab": {"name": "Sales"},
        "device": {"name": "Android Phone", "sip_account_ids": sip_account_ids},
    }
    return base | steps


def snapshot(app, account_id: int) -> dict:
    """Row counts of every table the wizard writes, and the account's draft version."""
    counts = {model.__tablename__: count_rows(app, model) for model in TABLES}
    with app.app_context():
        state = db.session.get(WorkspaceState, account_id)
        counts["draft_version"] = state.draft_version if state is not None else 0
    return counts


def refused(app, api, account_id: int, payload: dict, status: int) -> dict:
    """POST the wizard, expect `status`, check nothing was written; returns errors.json."""
    before = snapshot(app, account_id)
    response = api.post(WIZARD, json=payload)
    assert response.status_code == status, response.get_json()
    answer = response.get_json()
    assert answer["code"] == status
    assert snapshot(app, account_id) == before
    return answer["errors"]["json"]


# ---- refusals ----------------------------------------------------------------------------------


def test_when_new_internal_number_is_in_the_inventory_then_422_and_nothing_written(
    app, admin, admin_client, sips
):
    with app.app_context():
        make_internal_number(admin["account_id"], "101")
    errors = refused(app, admin_client, admin["account_id"], body(sips), 422)
    assert "already in your inventory" in errors["internal_number"]["number"][0]


def test_when_picked_internal_number_is_taken_then_422_naming_the_user_and_nothing_written(
    app, admin, admin_client, sips
):
    account = admin["account_id"]
    with app.app_context():
        placed = make_internal_number(account, "101")
        tab = make_tab(account, "Main")
        make_object(account, tab, "internal_number", "Reception", {"number": placed})
        callerid = make_internal_number(account, "102")
        make_contact(account, first_name="Jane", last_name="Doe", internal_caller_id=callerid)

    errors = refused(app, admin_client, account, body(sips, internal_number={"id": placed}), 422)
    assert "on the workspace as 'Reception'" in errors["internal_number"]["id"][0]
    errors = refused(app, admin_client, account, body(sips, internal_number={"id": callerid}), 422)
    assert "internal caller ID of Jane Doe" in errors["internal_number"]["id"][0]


def test_when_picked_phone_number_is_already_placed_then_422_and_nothing_written(
    app, admin, admin_client, sips
):
    account = admin["account_id"]
    with app.app_context():
        phone = make_phone_number(account, PHONE)
        make_object(account, make_tab(account), "phone_number", "Main line", {"number": phone})
    # The internal number and the tab would be new: they are not added either.
    errors = refused(app, admin_client, account, body(sips, phone_number={"id": phone}), 422)
    assert "on the workspace as 'Main line'" in errors["phone_number"]["id"][0]


@pytest.mark.parametrize(
    ("step", "field"),
    [
        ("phone_number", "id"),
        ("internal_number", "id"),
        ("tab", "id"),
        ("device", "sip_account_ids"),
    ],
)
def test_when_an_id_of_another_account_is_sent_then_404_naming_it_and_nothing_written(
    app, admin, other_admin, admin_client, sips, step, field
):
    other = other_admin["account_id"]
    with app.app_context():
        theirs = {
            "phone_number": {"id": make_phone_number(other, "+14155550199")},
            "internal_number": {"id": make_internal_number(other, "555")},
            "tab": {"id": make_tab(other, "Theirs")},
        }
    theirs["device"] = {"name": "Phone", "sip_account_ids": make_sip_accounts(app, other, 1)}
    payload = body(sips, **{step: theirs[step]})
    errors = refused(app, admin_client, admin["account_id"], payload, 404)
    assert list(errors) == [step]
    assert list(errors[step]) == [field]


def test_when_a_late_step_fails_then_new_numbers_and_tab_of_earlier_steps_are_not_kept(
    app, admin, other_admin, admin_client, sips
):
    theirs = make_sip_accounts(app, other_admin["account_id"], 1)
    payload = body(sips, device={"name": "Laptop", "sip_account_ids": [sips[0], theirs[0]]})
    errors = refused(app, admin_client, admin["account_id"], payload, 404)
    assert "not found" in errors["device"]["sip_account_ids"][0]
    assert admin_client.get(OPTIONS).get_json()["internal_numbers"] == []


def test_when_email_is_invalid_then_422_naming_the_contact_step_and_nothing_written(
    app, admin, admin_client, sips
):
    contact = {"first_name": "Mike", "last_name": "Brown", "emails": [{"address": "mike@"}]}
    errors = refused(app, admin_client, admin["account_id"], body(sips, contact=contact), 422)
    assert errors["contact"]["emails"]["0"]["address"]


def test_when_the_device_has_no_sip_accounts_then_422_and_nothing_written(
    app, admin, admin_client, sips
):
    payload = body(sips, device={"name": "Android Phone", "sip_account_ids": []})
    errors = refused(app, admin_client, admin["account_id"], payload, 422)
    assert errors["device"]["sip_account_ids"] == [
        "Choose at least one SIP account for the device."
    ]
    payload = body(sips, device={"name": " ", "sip_account_ids": sips * 3})
    errors = refused(app, admin_client, admin["account_id"], payload, 422)
    assert set(errors["device"]) == {"name", "sip_account_ids"}


def test_when_a_step_both_picks_and_adds_or_does_neither_then_422_naming_the_field(
    app, admin, admin_client, sips
):
    payload = body(
        sips,
        internal_number={"id": 1, "number": "101"},
        phone_number={"label": "Main"},
        tab={},
    )
    errors = refused(app, admin_client, admin["account_id"], payload, 422)
    assert "not both" in errors["internal_number"]["id"][0]
    assert "Pick an existing phone number" in errors["phone_number"]["number"][0]
    assert "Pick an existing tab" in errors["tab"]["name"][0]


def test_when_fields_are_malformed_then_422_per_step_and_nothing_written(
    app, admin, admin_client, sips
):
    payload = body(
        sips,
        internal_number={"number": "12a"},
        phone_number={"number": "not a number"},
        tab={"name": "x" * 101},
        extra=True,
    )
    errors = refused(app, admin_client, admin["account_id"], payload, 422)
    assert set(errors) == {"internal_number", "phone_number", "tab", "extra"}


def test_when_not_logged_in_or_without_csrf_then_refused(app, client, admin_client, sips):
    assert client.post(WIZARD, json=body(sips)).status_code == 401
    assert admin_client.post(WIZARD, json=body(sips), csrf=False).status_code == 403
    assert client.get(OPTIONS).status_code == 401


# ---- success ---------------------------------------------------------------------------------


def test_when_everything_is_new_then_contact_device_and_call_flow_exist_and_are_published(
    app, admin, admin_client, sips
):
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    response = admin_client.post(WIZARD, json=body(sips, publish_message="Mike joins sales"))
    assert response.status_code == 201, response.get_json()
    result = response.get_json()

    # The contact: his extension first in the directory numbers, then his phone number.
    contact = result["contact"]
    assert contact["full_name"] == "Mike Brown"
    assert [(n["type"], n["number"], n["internal_number"]) for n in contact["numbers"]] == [
        ("internal", None, "101"),
        ("landline", PHONE, None),
    ]
    assert (contact["internal_caller_id"], contact["external_caller_id"]) == ("101", PHONE)
    settings = admin_client.get(f"/api/v1/contacts/{contact['id']}/call-center").get_json()
    assert settings["outbound_calling"] is True
    numbers = admin_client.get(OPTIONS).get_json()
    assert [(n["number"], n["label"], n["available"]) for n in numbers["internal_numbers"]] == [
        ("101", "Mike Brown", False)
    ]
    assert [n["number"] for n in numbers["phone_numbers"]] == [PHONE]

    # The device, with its activation code.
    device = result["device"]
    assert device["contact"]["id"] == contact["id"] and device["name"] == "Android Phone"
    assert [s["id"] for s in device["sip_accounts"]] == sips
    assert device["status"] == "not_activated"
    activation = result["activation"]
    assert activation["device_id"] == device["id"] and len(activation["code"]) >= 8
    assert activation["page"] == f"/devices/{device['id']}/activation"
    with app.app_context():
        row = db.session.get(Device, device["id"])
        assert row.activation_code_hash and row.activation_code_encrypted
        assert activation["code"] not in row.activation_code_encrypted
    shown = admin_client.get(f"/api/v1/devices/{device['id']}/activation").get_json()
    assert shown["code"] == activation["code"]

    # The new tab: the Simple Call Flow, left to right.
    tab = result["tab"]
    assert tab["name"] == "Sales"
    objects = {o["type"]: o for o in result["objects"]}
    assert set(objects) == {"phone_number", "internal_number", "ring_group", "contact_method"}
    assert all(o["tab_id"] == tab["id"] for o in result["objects"])
    listed = admin_client.get(f"/api/v1/objects?tab_id={tab['id']}").get_json()
    assert listed["total"] == 4
    cables = admin_client.get(f"/api/v1/cables?tab_id={tab['id']}").get_json()["items"]
    ids = {kind: o["id"] for kind, o in objects.items()}
    wired = sorted((c["source"], c["source_port"], c["target"], c["target_port"]) for c in cables)
    assert wired == sorted(
        [
            (ids["phone_number"], "calls", ids["ring_group"], "calls"),
            (ids["internal_number"], "calls", ids["ring_group"], "calls"),
            (ids["ring_group"], "members", ids["contact_method"], "calls"),
        ]
    )
    assert objects["ring_group"]["properties"] == {
        "members": [{"target": ids["contact_method"], "start": 0, "duration": 30}],
        "preset": "ring_all",
    }
    method = contact["methods"][0]["id"]
    assert objects["contact_method"]["properties"] == {"contact_method": method}
    x = {kind: o["position"]["x"] for kind, o in objects.items()}
    assert x["phone_number"] == x["internal_number"] < x["ring_group"] < x["contact_method"]

    # Valid, published, and the device is in the plan with his caller IDs.
    validation = admin_client.post("/api/v1/workspace/validate").get_json()
    assert [p for p in validation["problems"] if p["severity"] == "error"] == []
    assert result["published"] == 1 and result["problems"] == []
    revision = admin_client.get("/api/v1/revisions/1").get_json()
    assert revision["message"] == "Mike joins sales" and revision["is_published"] is True
    effective = admin_client.get(f"/api/v1/devices/{device['id']}/effective-config").get_json()
    assert effective["in_plan"] is True and effective["revision"] == 1
    assert effective["config"]["caller_id"] == {
        "name": "Mike Brown",
        "internal": "101",
        "external": PHONE,
        "outbound": True,
    }
    assert effective["config"]["reachable_at"] == [PHONE, "ext:101"]
    rings = admin_client.post("/api/v1/simulate", json={"number": "101"}).get_json()["rings"]
    assert rings[0]["devices"] == [device["id"]]
    # The app activates with the code and gets its config.
    activated = admin_client.client.post(
        "/device/v1/activate",
        json={"code": activation["code"], "platform": "android", "app_version": "1.0.0"},
    )
    assert activated.status_code == 200, activated.get_json()
    assert activated.get_json()["device"] == {"id": device["id"], "name": "Android Phone"}
    assert activated.get_json()["config"]["caller_id"]["internal"] == "101"

    # Open canvases hear of it after the commit: the tab, then validation and the revision.
    names = [e["name"] for e in sock.get_received("/workspace")]
    assert "tab.created" in names and "validation.updated" in names
    assert "revision.published" in names
    sock.disconnect(namespace="/workspace")


def test_when_existing_numbers_and_tab_are_picked_then_they_are_used_and_none_added(
    app, admin, admin_client, sips
):
    account = admin["account_id"]
    with app.app_context():
        internal = make_internal_number(account, "205")
        phone = make_phone_number(account, "+14155550123")
        tab = make_tab(account, "Support")
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    joined = sock.emit("join_tab", {"tab_id": tab}, namespace="/workspace", callback=True)
    assert joined["ok"] is True
    sock.get_received("/workspace")

    payload = body(
        sips[:1],
        internal_number={"id": internal},
        phone_number={"id": phone, "outbound_calling": False},
        tab={"id": tab},
        publish=False,
    )
    response = admin_client.post(WIZARD, json=payload)
    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert result["tab"]["id"] == tab
    assert count_rows(app, InternalNumber) == count_rows(app, PhoneNumber) == 1
    assert count_rows(app, Tab) == 1
    assert result["contact"]["internal_caller_id"] == "205"
    assert result["contact"]["external_caller_id"] == "+14155550123"
    settings = admin_client.get(f"/api/v1/contacts/{result['contact']['id']}/call-center")
    assert settings.get_json()["outbound_calling"] is False
    # Not asked to publish: a valid draft, nothing published yet.
    assert result["published"] is None and result["problems"] == []
    assert count_rows(app, Revision) == 0

    received = sock.get_received("/workspace")
    created = [e["args"][0]["object"]["id"] for e in received if e["name"] == "object.created"]
    assert sorted(created) == sorted(o["id"] for o in result["objects"])
    assert len([e for e in received if e["name"] == "cable.created"]) == 3
    sock.disconnect(namespace="/workspace")


def test_when_run_twice_on_one_tab_then_second_objects_do_not_overlap_and_both_publish(
    app, admin, admin_client, sips
):
    first = admin_client.post(WIZARD, json=body(sips))
    assert first.status_code == 201, first.get_json()
    tab = first.get_json()["tab"]["id"]
    jane = body(
        sips[1:],
        contact={"first_name": "Jane", "last_name": "Doe", "emails": [{"address": "j@x.org"}]},
        internal_number={"number": "102"},
        phone_number={"number": "+14155550101"},
        tab={"id": tab},
    )
    second = admin_client.post(WIZARD, json=jane)
    assert second.status_code == 201, second.get_json()
    assert (first.get_json()["published"], second.get_json()["published"]) == (1, 2)

    def box(o: dict) -> tuple[float, float, float, float]:
        x, y = o["position"]["x"], o["position"]["y"]
        return x, y, x + CARD_WIDTH, y + CARD_HEIGHT[o["type"]]

    def overlap(a, b) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    old = [box(o) for o in first.get_json()["objects"]]
    new = [box(o) for o in second.get_json()["objects"]]
    assert not any(overlap(a, b) for a in old for b in new)
    assert not any(overlap(a, b) for i, a in enumerate(new) for b in new[i + 1 :])
    listed = admin_client.get(f"/api/v1/objects?tab_id={tab}").get_json()
    assert listed["total"] == 8


def test_when_no_internal_number_is_chosen_then_phone_number_alone_rings_the_contact(
    app, admin, admin_client, sips
):
    response = admin_client.post(WIZARD, json=body(sips, internal_number=None))
    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert sorted(o["type"] for o in result["objects"]) == [
        "contact_method",
        "phone_number",
        "ring_group",
    ]
    assert len(result["cables"]) == 2
    assert result["contact"]["internal_caller_id"] is None
    assert result["published"] == 1
    effective = admin_client.get(
        f"/api/v1/devices/{result['device']['id']}/effective-config"
    ).get_json()
    assert effective["in_plan"] is True and effective["config"]["reachable_at"] == [PHONE]


def test_when_the_workspace_has_errors_elsewhere_then_wizard_saves_but_does_not_publish(
    app, admin, admin_client, sips
):
    account = admin["account_id"]
    with app.app_context():
        make_object(account, make_tab(account, "Broken"), "ring_group", "Empty group")
    response = admin_client.post(WIZARD, json=body(sips))
    assert response.status_code == 201, response.get_json()
    result = response.get_json()
    assert result["published"] is None
    assert "ring_group.no_members" in [p["code"] for p in result["problems"]]
    assert count_rows(app, Revision) == 0
    assert count_rows(app, Device) == 1 and count_rows(app, WorkspaceObject) == 5
    effective = admin_client.get(
        f"/api/v1/devices/{result['device']['id']}/effective-config"
    ).get_json()
    assert effective["in_plan"] is False


def test_when_options_are_read_then_taken_numbers_say_why_and_sip_accounts_are_listed(
    app, admin, other_admin, admin_client, sips
):
    account = admin["account_id"]
    with app.app_context():
        free = make_internal_number(account, "300")
        used = make_internal_number(account, "9")
        make_contact(account, first_name="Jane", last_name="Doe", internal_caller_id=used)
        make_internal_number(other_admin["account_id"], "301")
        make_tab(account, "Main")
    options = admin_client.get(OPTIONS).get_json()
    assert [(n["id"], n["available"]) for n in options["internal_numbers"]] == [
        (used, False),
        (free, True),
    ]
    assert options["internal_numbers"][0]["used_by"] == "internal caller ID of Jane Doe"
    assert [t["name"] for t in options["tabs"]] == ["Main"]
    assert [s["id"] for s in options["sip_accounts"]] == sips


def test_when_a_contact_is_added_without_publishing_then_activated_devices_see_the_directory_move(
    app, admin, admin_client, sips
):
    first = admin_client.post(WIZARD, json=body(sips)).get_json()
    activated = admin_client.client.post(
        "/device/v1/activate",
        json={"code": first["activation"]["code"], "platform": "android", "app_version": "1.0"},
    )
    assert activated.status_code == 200, activated.get_json()
    device = first["device"]["id"]
    before = admin_client.get(f"/api/v1/devices/{device}").get_json()
    assert before["sub_status"] is None

    jane = body(
        sips,
        contact={"first_name": "Jane", "last_name": "Doe", "emails": [{"address": "j@x.org"}]},
        internal_number={"number": "102"},
        phone_number={"number": "+14155550101"},
        tab={"id": first["tab"]["id"]},
        publish=False,
    )
    second = admin_client.post(WIZARD, json=jane)
    assert second.status_code == 201, second.get_json()
    assert second.get_json()["published"] is None
    after = admin_client.get(f"/api/v1/devices/{device}").get_json()
    assert after["sub_status"] == "pending_update"
