"""One truth for a device's settings: a save is live everywhere at once (decisions #1).

After each kind of contact-center save (caller IDs, recording, announcements, lines, dialing
rules, directory) and again after a publish, three readers must say the same of Mike's
activated laptop: the device API (GET /device/v1/config), the portal's effective-config view
and the plan the SIP server reads (``sip_plan``). After the publish the revision's stored
plan says it too. The account is the guide's Simple Call Flow, published once.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.factories_contacts import (
    create_contact,
    make_audio_file,
    make_delivery_method,
)
from tests.factories_devices import create_device
from tests.factories_providers import GUIDE_RULE, builtin_provider, make_sip_account
from tests.factories_publishing import PUBLISH, make_device, simple_call_flow
from workspace.contact_center.devices.activation_service import issue_activation_code
from workspace.contact_center.devices.models import Device
from workspace.device_api.sip_plan import sip_plan
from workspace.extensions import db
from workspace.sip.plan_files import LINE_KEYS, ha1, plan_document

CONFIG = "/device/v1/config"
# What the device API says in its own words and the plan does not (see wire_config); "sip" is
# where browser phones register, the same for every device of the deployment.
API_ONLY = ("device", "contact", "in_plan", "revision", "etag", "sip")
PLAN_ONLY = ("contact", "contact_method", "name")


@pytest.fixture
def acme(app, admin, admin_client) -> SimpleNamespace:
    with app.app_context():
        ids = simple_call_flow(admin["account_id"])
        code = issue_activation_code(db.session.get(Device, ids["laptop"]))
        db.session.commit()
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    activation = admin_client.post(
        "/device/v1/activate", json={"code": code, "platform": "android", "app_version": "4.2.0"}
    )
    assert activation.status_code == 200, activation.get_json()
    return SimpleNamespace(account=admin["account_id"], token=activation.get_json()["token"], **ids)


def patch(admin_client, url: str, body: dict) -> dict:
    current = admin_client.get(url).get_json()
    response = admin_client.patch(url, json=body, headers={"If-Match": f'"{current["version"]}"'})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def as_plan(config: dict[str, Any]) -> dict[str, Any]:
    """The device API's config in the plan's words: lines say ``password`` as the plan does."""
    said = {k: v for k, v in config.items() if k not in API_ONLY}
    said["name"] = config["device"]["name"]
    said["lines"] = [
        {
            **{k: v for k, v in line.items() if k not in ("password_mode", "password_version")},
            "password": line["password_mode"],
        }
        for line in config["lines"]
    ]
    return said


def readers(app, client, admin_client, acme) -> dict[str, dict[str, Any]]:
    """What each reader says of the laptop, in the plan's words."""
    device = str(acme.laptop)
    api = client.get(CONFIG, headers={"Authorization": f"Bearer {acme.token}"})
    assert api.status_code == 200
    effective = admin_client.get(f"/api/v1/devices/{acme.laptop}/effective-config").get_json()
    assert effective["in_plan"] is True
    with app.app_context():
        sip = sip_plan(acme.account)
    assert sip is not None and sip["revision"] == effective["revision"]
    plan_entry = sip["devices"][device]
    assert effective["config"] == plan_entry
    # The file Kamailio reads is made from the same entry: same name, caller ID and lines.
    with app.app_context():
        document = plan_document(acme.account, app.config["SIP_DOMAIN"])
    in_file = document["devices"][device]
    assert (in_file["name"], in_file["caller_id"]) == (plan_entry["name"], plan_entry["caller_id"])
    by_account = {line["sip_account"]: line for line in plan_entry["lines"]}
    for line in in_file["lines"]:
        assert {k: line[k] for k in LINE_KEYS} == {
            k: by_account[line["sip_account"]].get(k) for k in LINE_KEYS
        }
    return {
        "device_api": as_plan(api.get_json()),
        "effective": {k: v for k, v in effective["config"].items() if k not in PLAN_ONLY}
        | {"name": plan_entry["name"]},
        "sip_plan": {k: v for k, v in plan_entry.items() if k not in PLAN_ONLY}
        | {"name": plan_entry["name"]},
    }


def assert_one_truth(app, client, admin_client, acme) -> dict[str, Any]:
    said = readers(app, client, admin_client, acme)
    assert said["device_api"] == said["effective"] == said["sip_plan"]
    return said["sip_plan"]


def publish_and_compare(app, client, admin_client, acme) -> dict[str, Any]:
    """Publish, then the three readers and the revision's stored plan agree."""
    published = admin_client.post(PUBLISH, json={"message": "after a save"})
    assert published.status_code in (200, 201), published.get_json()
    said = assert_one_truth(app, client, admin_client, acme)
    number = published.get_json()["number"]
    stored = admin_client.get(f"/api/v1/revisions/{number}/plan").get_json()
    entry = stored["devices"][str(acme.laptop)]
    assert {k: v for k, v in entry.items() if k not in PLAN_ONLY} | {"name": entry["name"]} == said
    return said


def test_when_nothing_was_edited_then_all_readers_agree(app, client, admin_client, acme):
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["caller_id"]["name"] == "Mike Brown"


def test_when_caller_id_is_saved_then_every_reader_has_it_before_and_after_publish(
    app, client, admin_client, acme
):
    patch(
        admin_client,
        f"/api/v1/contacts/{acme.contact}/call-center",
        {"caller_id_name": "Mike B. (Support)", "outbound_calling": False},
    )
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["caller_id"]["name"] == "Mike B. (Support)"
    assert said["caller_id"]["outbound"] is False
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_recording_is_saved_then_every_reader_has_it_before_and_after_publish(
    app, admin, client, admin_client, acme
):
    delivery = make_delivery_method(app, admin["account_id"])
    patch(
        admin_client,
        f"/api/v1/contacts/{acme.contact}/call-center",
        {
            "recording": {
                "enabled": True,
                "inbound": True,
                "internal": True,
                "delivery_method_id": delivery,
            }
        },
    )
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["recording"]["enabled"] is True and said["recording"]["inbound"] is True
    assert said["recording"]["delivery_method"] == delivery
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_announcements_are_saved_then_every_reader_has_them_before_and_after_publish(
    app, admin, client, admin_client, acme
):
    audio = make_audio_file(app, admin["account_id"], "Welcome")
    patch(
        admin_client,
        f"/api/v1/contacts/{acme.contact}/call-center",
        {"announcements": {"external_audio_id": audio}},
    )
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["announcements"] == {"internal": None, "external": audio}
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_lines_are_saved_then_every_reader_has_them_before_and_after_publish(
    app, client, admin_client, acme
):
    patch(admin_client, f"/api/v1/devices/{acme.laptop}", {"sip_account_ids": [acme.sip_2]})
    said = assert_one_truth(app, client, admin_client, acme)
    assert [line["sip_account"] for line in said["lines"]] == [acme.sip_2]
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_dialing_rules_are_saved_then_every_reader_has_them_before_and_after_publish(
    app, client, admin_client, acme
):
    rule = {"start_with": "0", "replace_with": "0049", "min_length": 5}
    patch(admin_client, f"/api/v1/sip-accounts/{acme.sip_1}", {"dialing_rules": [rule]})
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["lines"][0]["dialing_rules"] == [rule]
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_the_directory_changes_then_every_reader_has_its_version_before_and_after_publish(
    app, client, admin_client, acme
):
    before = assert_one_truth(app, client, admin_client, acme)["directory"]["version"]
    create_contact(
        admin_client,
        first_name="Ann",
        last_name="Lee",
        emails=[{"address": "ann@example.com", "label": "work"}],
    )
    said = assert_one_truth(app, client, admin_client, acme)
    assert said["directory"]["version"] not in (None, before)
    assert publish_and_compare(app, client, admin_client, acme) == said


def test_when_a_device_is_added_after_the_publish_then_the_sip_plan_has_its_lines_at_once(
    app, admin, client, admin_client, acme
):
    # Lines take effect on save: the SIP server knows the new device's lines before any
    # publish, as its config from the device API does; it rings for nothing until a publish.
    with app.app_context():
        tablet = make_device(admin["account_id"], acme.contact, "Tablet", [acme.sip_2])
        sip = sip_plan(acme.account)
    assert str(tablet) not in sip["devices"]
    entry = sip["other_devices"][str(tablet)]
    assert entry["reachable_at"] == [] and entry["name"] == "Tablet"
    assert [line["sip_account"] for line in entry["lines"]] == [acme.sip_2]
    assert entry["caller_id"] == sip["devices"][str(acme.laptop)]["caller_id"]
    effective = admin_client.get(f"/api/v1/devices/{tablet}/effective-config").get_json()
    assert effective["in_plan"] is False and "added after revision 1" in effective["message"]
    assert publish_and_compare(app, client, admin_client, acme)
    with app.app_context():
        after = sip_plan(acme.account)
    assert str(tablet) in after["devices"] and str(tablet) not in after["other_devices"]


def test_when_a_device_is_added_after_the_publish_then_the_plan_file_has_its_line_with_ha1_only(
    app, admin_client, acme
):
    # Kamailio reads the file: a new device's line on this SIP server must register (and call
    # out) before any publish. Only the HA1 goes there: a manual password the app does not
    # know, and other providers' lines, stay out.
    pbx = builtin_provider(admin_client)["id"]
    desk = make_sip_account(
        admin_client, pbx, username="1004", password="desk-secret-4", dialing_rules=[GUIDE_RULE]
    )
    typed = make_sip_account(admin_client, pbx, username="1005", manual_password=True)
    ids = [desk["id"], typed["id"], acme.sip_2]
    tablet = create_device(admin_client, acme.contact, ids, name="Desk phone")["id"]
    with app.app_context():
        document = plan_document(acme.account, app.config["SIP_DOMAIN"])

    assert str(tablet) not in document["devices"]
    entry = document["other_devices"][str(tablet)]
    assert (entry["name"], entry["contact"]) == ("Desk phone", acme.contact)
    assert entry["caller_id"] == document["devices"][str(acme.laptop)]["caller_id"]
    assert entry["lines"] == [
        {
            "sip_account": desk["id"],
            "username": "1004",
            "auth_username": None,
            "display_name": desk["display_name"],
            "dialing_rules": [GUIDE_RULE],
            "ha1": ha1("1004", app.config["SIP_DOMAIN"], "desk-secret-4"),
        }
    ]
    # The device's creation rewrote the file Kamailio reads (devices_may_change).
    path = Path(app.config["SIP_DIR"]) / "plans" / f"{acme.account}.json"
    text = path.read_text()
    assert json.loads(text)["other_devices"][str(tablet)]["lines"] == entry["lines"]
    for said in (json.dumps(document), text):
        assert "desk-secret-4" not in said and '"password"' not in said

    deleted = admin_client.delete(f"/api/v1/devices/{tablet}", headers={"If-Match": '"1"'})
    assert deleted.status_code == 204, deleted.get_json()
    assert str(tablet) not in json.loads(path.read_text())["other_devices"]
