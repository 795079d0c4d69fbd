"""/api/v1/directory: the contacts shown in the company directory, versioned by content."""

from __future__ import annotations

import hashlib
import json

from tests.factories_contacts import (
    CONTACTS,
    DIRECTORY,
    create_contact,
    etag,
    make_internal_number,
)
from workspace.contact_center.contacts.directory import directory_document
from workspace.contact_center.numbers.models import InternalNumber
from workspace.extensions import db


def _version(api) -> str:
    return api.get(DIRECTORY).get_json()["version"]


# --- refusals -----------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    response = client.get(DIRECTORY)
    assert response.status_code == 401
    assert "ETag" not in response.headers


def test_when_other_account_reads_then_none_of_a_contacts_appear(admin_client, other_client):
    create_contact(admin_client)
    body = other_client.get(DIRECTORY).get_json()
    assert body["contacts"] == []
    assert body["version"] != _version(admin_client)


def test_when_contact_hidden_then_absent(admin_client):
    create_contact(admin_client, show_in_directory=False)
    shown = create_contact(admin_client, first_name="Ann", last_name="Lee")
    assert [c["id"] for c in admin_client.get(DIRECTORY).get_json()["contacts"]] == [shown["id"]]


def test_when_if_none_match_is_stale_then_200_with_the_document(admin_client):
    create_contact(admin_client)
    response = admin_client.get(DIRECTORY, headers={"If-None-Match": '"0123abc"'})
    assert response.status_code == 200
    assert len(response.get_json()["contacts"]) == 1


# --- success ------------------------------------------------------------------------------


def test_when_read_then_entries_sorted_with_numbers_and_emails(app, admin_client, admin):
    internal = make_internal_number(app, admin["account_id"], "101")
    mike = create_contact(
        admin_client,
        company="Acme",
        job_title="Sales",
        numbers=[
            {"type": "internal", "internal_number_id": internal},
            {"type": "mobile", "number": "+1 415 555 0199"},
        ],
        emails=[{"address": "mike@example.com"}, {"address": "mike@home.example", "label": "home"}],
    )
    ann = create_contact(admin_client, first_name="ann", last_name="brown")
    zed = create_contact(admin_client, first_name="Zed", last_name="Adams")
    response = admin_client.get(DIRECTORY)
    assert response.status_code == 200
    body = response.get_json()
    assert [c["id"] for c in body["contacts"]] == [zed["id"], ann["id"], mike["id"]]
    assert body["contacts"][2] == {
        "id": mike["id"],
        "first_name": "Mike",
        "last_name": "Brown",
        "company": "Acme",
        "job_title": "Sales",
        "numbers": [
            {"type": "internal", "number": "101"},
            {"type": "mobile", "number": "+14155550199"},
        ],
        "emails": [
            {"address": "mike@example.com", "label": "work"},
            {"address": "mike@home.example", "label": "home"},
        ],
    }


def test_when_read_then_version_is_sha256_of_canonical_content_and_the_etag(admin_client):
    create_contact(admin_client)
    response = admin_client.get(DIRECTORY)
    body = response.get_json()
    canonical = json.dumps(body["contacts"], sort_keys=True, separators=(",", ":"))
    assert body["version"] == hashlib.sha256(canonical.encode()).hexdigest()
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_when_if_none_match_is_current_then_304_without_body(admin_client):
    create_contact(admin_client)
    version = _version(admin_client)
    for header in (f'"{version}"', f'W/"{version}"', f'"other", "{version}"'):
        response = admin_client.get(DIRECTORY, headers={"If-None-Match": header})
        assert response.status_code == 304, header
        assert response.data == b""
        assert response.headers["ETag"] == f'"{version}"'


def test_when_nothing_changes_then_version_is_stable(app, admin_client, admin):
    create_contact(admin_client)
    first = _version(admin_client)
    assert _version(admin_client) == first
    with app.app_context():
        assert directory_document(admin["account_id"])["version"] == first


def test_when_content_changes_then_version_changes_and_hidden_changes_do_not(
    app, admin_client, admin
):
    internal = make_internal_number(app, admin["account_id"], "101")
    mike = create_contact(
        admin_client, numbers=[{"type": "internal", "internal_number_id": internal}]
    )
    hidden = create_contact(admin_client, first_name="Ann", show_in_directory=False)
    seen = {_version(admin_client)}

    def changed() -> bool:
        version = _version(admin_client)
        fresh = version not in seen
        seen.add(version)
        return fresh

    admin_client.patch(f"{CONTACTS}/{hidden['id']}", json={"company": "X"}, headers=etag(1))
    assert not changed()
    admin_client.patch(f"{CONTACTS}/{mike['id']}", json={"job_title": "CTO"}, headers=etag(1))
    assert changed()
    with app.app_context():
        db.session.get(InternalNumber, internal).number = "102"
        db.session.commit()
    assert changed()
    admin_client.patch(
        f"{CONTACTS}/{hidden['id']}", json={"show_in_directory": True}, headers=etag(2)
    )
    assert changed()
    create_contact(admin_client, first_name="Zoe")
    assert changed()
    admin_client.delete(f"{CONTACTS}/{hidden['id']}", headers=etag(3))
    assert changed()
