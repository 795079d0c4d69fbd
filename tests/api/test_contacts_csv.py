"""Contacts CSV: export, and import that is all or nothing, with a dry run naming row errors."""

from __future__ import annotations

import csv
import io

import pytest

from tests.factories_providers import make_internal_number
from tests.support import count_rows
from workspace.contact_center.contacts.models import Contact

IMPORT = "/api/v1/contacts/import"
EXPORT = "/api/v1/contacts/export"
HEADER = "first_name,last_name,company,job_title,emails,numbers,show_in_directory\n"
GOOD = HEADER + (
    "Mike,Brown,Acme,Sales,work:mike@example.com; home:mb@example.org,"
    "mobile:+1 415 555 0100; internal:101,yes\n"
    "Sarah,Lee,,,sarah@example.com,,no\n"
)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "csv"),
        ({"csv": ""}, "csv"),
        ({"csv": "name,email\nMike,m@example.com\n", "dry_run": False}, "csv"),
        ({"csv": HEADER, "dry_run": False}, "csv"),
    ],
)
def test_when_file_unusable_then_422_and_nothing_created(app, admin_client, body, field):
    response = admin_client.post(IMPORT, json=body)
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["errors"]["json"]
    assert count_rows(app, Contact) == 0


def test_when_one_row_bad_then_nothing_imported_and_422_names_each_row(app, admin_client):
    make_internal_number(admin_client, "101")
    bad = GOOD + "Omar,,,,not-an-email,internal:999,maybe\n"
    response = admin_client.post(IMPORT, json={"csv": bad, "dry_run": False})
    assert response.status_code == 422
    body = response.get_json()
    assert "nothing was imported" in body["message"]
    errors = body["errors"]["rows"]["4"]
    assert {"last_name", "emails.0.address", "numbers", "show_in_directory"} <= set(errors)
    assert set(body["errors"]["rows"]) == {"4"}
    assert count_rows(app, Contact) == 0


def test_when_dry_run_then_per_row_report_and_nothing_created(app, admin_client):
    response = admin_client.post(IMPORT, json={"csv": GOOD + "X,Y,,,bad,,\n"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["dry_run"] is True and body["ok"] is False and body["created"] == 0
    assert [r["row"] for r in body["rows"]] == [2, 3, 4]
    assert body["rows"][0]["errors"] == {
        "numbers": ["Internal number 101 is not in the inventory."]
    }
    assert body["rows"][2]["errors"]["emails.0.address"]
    assert count_rows(app, Contact) == 0


def test_when_imported_then_contacts_exist_and_export_round_trips(app, admin_client):
    make_internal_number(admin_client, "101")
    checked = admin_client.post(IMPORT, json={"csv": GOOD}).get_json()
    assert checked["ok"] is True and count_rows(app, Contact) == 0
    done = admin_client.post(IMPORT, json={"csv": GOOD, "dry_run": False})
    assert done.status_code == 200 and done.get_json()["created"] == 2
    mike = next(
        c
        for c in admin_client.get("/api/v1/contacts").get_json()["items"]
        if c["first_name"] == "Mike"
    )
    assert [e["label"] for e in mike["emails"]] == ["work", "home"]
    assert mike["numbers"][0]["number"] == "+14155550100"
    directory = admin_client.get("/api/v1/directory").get_json()["contacts"]
    assert [c["last_name"] for c in directory] == ["Brown"]  # Sarah is hidden

    exported = admin_client.get(EXPORT)
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert rows[0]["numbers"] == "mobile:+14155550100; internal:101"
    assert rows[1]["show_in_directory"] == "no"
    # Importing the export again is refused as a whole? No: duplicates are allowed contacts;
    # a dry run of the exported file is clean.
    again = admin_client.post(IMPORT, json={"csv": exported.get_data(as_text=True)})
    assert again.get_json()["ok"] is True


def test_when_cell_starts_with_formula_then_export_neutralises_it(admin_client):
    text = HEADER + "=HYPERLINK(1),Brown,,,m@example.com,,\n"
    assert admin_client.post(IMPORT, json={"csv": text, "dry_run": False}).status_code == 200
    exported = admin_client.get(EXPORT).get_data(as_text=True)
    assert "'=HYPERLINK(1)" in exported


def test_when_other_account_exports_then_none_of_a(admin_client, other_client):
    admin_client.post(
        IMPORT, json={"csv": HEADER + "Mike,Brown,,,m@example.com,,\n", "dry_run": False}
    )
    assert "Brown" not in other_client.get(EXPORT).get_data(as_text=True)
