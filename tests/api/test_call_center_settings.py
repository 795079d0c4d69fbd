"""/api/v1/contacts/{id}/call-center: caller IDs, outbound calling, recording, announcements."""

from __future__ import annotations

import pytest

from tests.factories_contacts import (
    CONTACTS,
    call_center_method_id,
    create_contact,
    etag,
    make_audio_file,
    make_delivery_method,
    make_feature_code,
    make_internal_number,
    make_phone_number,
)
from workspace.contact_center.contacts.models import CallCenterSettings
from workspace.extensions import db


@pytest.fixture
def contact(admin_client) -> dict:
    return create_contact(admin_client)


@pytest.fixture
def url(contact) -> str:
    return f"{CONTACTS}/{contact['id']}/call-center"


@pytest.fixture
def rows(app, admin) -> dict:
    """One of each referenced row in admin's account."""
    account = admin["account_id"]
    return {
        "internal": make_internal_number(app, account, "101"),
        "phone": make_phone_number(app, account, "+14155550100"),
        "delivery": make_delivery_method(app, account),
        "audio": make_audio_file(app, account, "Welcome"),
    }


def _errors(response) -> dict:
    return response.get_json()["errors"]["json"]


def _stored(app, contact) -> dict:
    """The settings row as stored, column by column."""
    with app.app_context():
        row = db.session.get(CallCenterSettings, call_center_method_id(contact))
        return {c.name: getattr(row, c.name) for c in CallCenterSettings.__table__.columns}


def _recording(**flags) -> dict:
    return {"recording": flags}


# --- refusals: versions -------------------------------------------------------------------


def test_when_patch_without_if_match_then_428_and_stale_then_412_and_unchanged(
    app, admin_client, contact, url
):
    before = _stored(app, contact)
    assert admin_client.patch(url, json={"caller_id_name": "Sales"}).status_code == 428
    stale = admin_client.patch(url, json={"caller_id_name": "Sales"}, headers=etag(2))
    assert stale.status_code == 412
    assert _stored(app, contact) == before


def test_when_contact_missing_then_404(admin_client):
    assert admin_client.get(f"{CONTACTS}/999/call-center").status_code == 404
    missing = admin_client.patch(f"{CONTACTS}/999/call-center", json={}, headers=etag(1))
    assert missing.status_code == 404


# --- refusals: the schema -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"caller_id_name": "x" * 101}, ["caller_id_name"]),
        ({"caller_id_name": 7}, ["caller_id_name"]),
        ({"internal_caller_id": "101"}, ["internal_caller_id"]),
        ({"outbound_calling": "sometimes"}, ["outbound_calling"]),
        ({"recording": {"enabled": "yes please"}}, ["recording", "enabled"]),
        ({"recording": {"delivery_method_id": 1.5}}, ["recording", "delivery_method_id"]),
        ({"recording": {"stereo": True}}, ["recording", "stereo"]),
        ({"recording": True}, ["recording"]),
        ({"announcements": {"hold_music_id": 1}}, ["announcements", "hold_music_id"]),
        ({"voicemail": True}, ["voicemail"]),
    ],
)
def test_when_body_invalid_then_422_naming_the_path_and_unchanged(
    app, admin_client, contact, url, body, path
):
    before = _stored(app, contact)
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422, response.get_json()
    node = _errors(response)
    for part in path:
        node = node[part]
    assert node
    assert _stored(app, contact) == before


# --- refusals: references -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "body_of", "path"),
    [
        (
            lambda app, a: make_internal_number(app, a, "555"),
            lambda i: {"internal_caller_id": i},
            ["internal_caller_id"],
        ),
        (
            lambda app, a: make_phone_number(app, a, "+12125550100"),
            lambda i: {"external_caller_id": i, "outbound_calling": True},
            ["external_caller_id"],
        ),
        (
            make_delivery_method,
            lambda i: _recording(enabled=True, inbound=True, external=True, delivery_method_id=i),
            ["recording", "delivery_method_id"],
        ),
        (
            make_audio_file,
            lambda i: {"announcements": {"internal_audio_id": i}},
            ["announcements", "internal_audio_id"],
        ),
        (
            make_audio_file,
            lambda i: {"announcements": {"external_audio_id": i}},
            ["announcements", "external_audio_id"],
        ),
    ],
)
def test_when_id_of_other_account_then_404_naming_field_and_nothing_written(
    app, admin_client, other_admin, contact, url, make, body_of, path
):
    theirs = make(app, other_admin["account_id"])
    before = _stored(app, contact)
    body = body_of(theirs) | {"caller_id_name": "Should not stick"}
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 404, response.get_json()
    node = _errors(response)
    for part in path:
        node = node[part]
    assert node
    assert _stored(app, contact) == before
    assert admin_client.get(url).headers["ETag"] == '"1"'


# --- refusals: the rules (one test each) --------------------------------------------------


def test_when_outbound_on_without_external_caller_id_then_422_on_external_caller_id(
    app, admin_client, contact, url
):
    response = admin_client.patch(url, json={"outbound_calling": True}, headers=etag(1))
    assert response.status_code == 422
    assert list(_errors(response)) == ["external_caller_id"]
    assert _stored(app, contact)["outbound_calling"] is False


def test_when_external_caller_id_cleared_while_outbound_on_then_422(
    admin_client, rows, contact, url
):
    body = {"outbound_calling": True, "external_caller_id": rows["phone"]}
    assert admin_client.patch(url, json=body, headers=etag(1)).status_code == 200
    response = admin_client.patch(url, json={"external_caller_id": None}, headers=etag(2))
    assert response.status_code == 422
    assert "external_caller_id" in _errors(response)


def test_when_recording_enabled_without_delivery_method_then_422_on_its_nested_path(
    app, admin_client, contact, url
):
    body = _recording(enabled=True, inbound=True, internal=True)
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    assert _errors(response) == {
        "recording": {
            "delivery_method_id": ["Choose a delivery method: recordings must be sent somewhere."]
        }
    }
    assert response.get_json()["message"].startswith("recording.delivery_method_id:")
    assert _stored(app, contact)["recording_enabled"] is False


def test_when_recording_enabled_but_records_nothing_then_422_on_recording_enabled(
    admin_client, rows, contact, url
):
    body = _recording(
        enabled=True, internal=True, external=True, delivery_method_id=rows["delivery"]
    )
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    assert "inbound, outbound or on demand" in _errors(response)["recording"]["enabled"][0]


def test_when_direction_chosen_without_internal_or_external_then_422_on_recording_internal(
    admin_client, rows, contact, url
):
    body = _recording(enabled=True, outbound=True, delivery_method_id=rows["delivery"])
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    assert list(_errors(response)["recording"]) == ["internal"]


@pytest.mark.parametrize("feature_code", [None, "disabled", "other_account"])
def test_when_on_demand_without_enabled_feature_code_then_422_naming_what_to_create(
    app, admin_client, admin, other_admin, rows, contact, url, feature_code
):
    if feature_code == "disabled":
        make_feature_code(app, admin["account_id"], "*1", enabled=False)
    elif feature_code == "other_account":
        make_feature_code(app, other_admin["account_id"], "*1")
    body = _recording(enabled=True, on_demand=True, delivery_method_id=rows["delivery"])
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    message = _errors(response)["recording"]["on_demand"][0]
    assert "record_on_demand" in message and "feature code" in message
    assert _stored(app, contact)["record_on_demand"] is False


def test_when_several_rules_break_then_all_are_reported(admin_client, contact, url):
    body = {"outbound_calling": True, "recording": {"enabled": True, "on_demand": True}}
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 422
    errors = _errors(response)
    assert set(errors) == {"external_caller_id", "recording"}
    assert set(errors["recording"]) == {"delivery_method_id", "on_demand"}


# --- success ------------------------------------------------------------------------------


def test_when_new_contact_then_defaults_and_etag_of_the_method(admin_client, contact, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    assert response.get_json() == {
        "warnings": [],
        "contact_id": contact["id"],
        "contact_method_id": call_center_method_id(contact),
        "version": 1,
        "caller_id_name": "Mike Brown",
        "caller_id_name_is_default": True,
        "internal_caller_id": None,
        "internal_caller_id_number": None,
        "outbound_calling": False,
        "external_caller_id": None,
        "external_caller_id_number": None,
        "recording": {
            "enabled": False,
            "inbound": False,
            "outbound": False,
            "internal": False,
            "external": False,
            "on_demand": False,
            "on_demand_code": None,
            "delivery_method_id": None,
        },
        "announcements": {"internal_audio_id": None, "external_audio_id": None},
        "live_devices": 0,  # a save is live at once on the contact's activated devices
    }


def test_when_caller_id_name_set_and_reset_then_default_follows_contact_name(
    app, admin_client, contact, url
):
    named = admin_client.patch(url, json={"caller_id_name": " Sales desk "}, headers=etag(1))
    assert named.get_json()["caller_id_name"] == "Sales desk"
    assert named.get_json()["caller_id_name_is_default"] is False
    reset = admin_client.patch(url, json={"caller_id_name": ""}, headers=etag(2)).get_json()
    assert reset["caller_id_name_is_default"] is True
    assert _stored(app, contact)["caller_id_name"] is None
    contact_url = f"{CONTACTS}/{contact['id']}"
    admin_client.patch(contact_url, json={"first_name": "Michael"}, headers=etag(1))
    assert admin_client.get(url).get_json()["caller_id_name"] == "Michael Brown"
    nulled = admin_client.patch(url, json={"caller_id_name": None}, headers=etag(3)).get_json()
    assert nulled["caller_id_name"] == "Michael Brown"


def test_when_everything_configured_then_200_new_version_and_contact_shows_caller_ids(
    app, admin_client, admin, rows, contact, url
):
    make_feature_code(app, admin["account_id"], "*7")
    other_audio = make_audio_file(app, admin["account_id"], "Goodbye")
    body = {
        "internal_caller_id": rows["internal"],
        "outbound_calling": True,
        "external_caller_id": rows["phone"],
        "recording": {
            "enabled": True,
            "inbound": True,
            "outbound": True,
            "internal": False,
            "external": True,
            "on_demand": True,
            "delivery_method_id": rows["delivery"],
        },
        "announcements": {"internal_audio_id": rows["audio"], "external_audio_id": other_audio},
    }
    response = admin_client.patch(url, json=body, headers=etag(1))
    assert response.status_code == 200, response.get_json()
    assert response.headers["ETag"] == '"2"'
    got = response.get_json()
    assert got["version"] == 2
    assert got["internal_caller_id_number"] == "101"
    assert got["external_caller_id_number"] == "+14155550100"
    assert got["recording"] == body["recording"] | {"on_demand_code": "*7"}
    assert got["announcements"] == body["announcements"]
    stored = _stored(app, contact)
    assert stored["record_external"] is True and stored["record_internal"] is False
    assert stored["announcement_external_id"] == other_audio
    shown = admin_client.get(f"{CONTACTS}/{contact['id']}").get_json()
    assert shown["internal_caller_id"] == "101"
    assert shown["external_caller_id"] == "+14155550100"


def test_when_partial_patch_then_other_settings_kept_and_rules_see_stored_values(
    admin_client, rows, contact, url
):
    first = {"outbound_calling": True, "external_caller_id": rows["phone"]}
    assert admin_client.patch(url, json=first, headers=etag(1)).status_code == 200
    response = admin_client.patch(
        url, json={"internal_caller_id": rows["internal"]}, headers=etag(2)
    )
    assert response.status_code == 200
    got = response.get_json()
    assert got["outbound_calling"] is True and got["external_caller_id"] == rows["phone"]
    assert got["internal_caller_id"] == rows["internal"]


def test_when_recording_turned_off_then_options_are_kept_and_not_checked(
    app, admin_client, admin, rows, contact, url
):
    make_feature_code(app, admin["account_id"])
    on = _recording(enabled=True, on_demand=True, delivery_method_id=rows["delivery"])
    assert admin_client.patch(url, json=on, headers=etag(1)).status_code == 200
    off = _recording(enabled=False, delivery_method_id=None)
    response = admin_client.patch(url, json=off, headers=etag(2))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["recording"]["on_demand"] is True
    assert response.get_json()["recording"]["delivery_method_id"] is None


def test_when_outbound_turned_off_then_external_caller_id_may_stay_or_go(
    admin_client, rows, contact, url
):
    body = {"outbound_calling": True, "external_caller_id": rows["phone"]}
    admin_client.patch(url, json=body, headers=etag(1))
    off = admin_client.patch(url, json={"outbound_calling": False}, headers=etag(2)).get_json()
    assert off["external_caller_id"] == rows["phone"]
    cleared = admin_client.patch(url, json={"external_caller_id": None}, headers=etag(3))
    assert cleared.status_code == 200 and cleared.get_json()["external_caller_id"] is None
