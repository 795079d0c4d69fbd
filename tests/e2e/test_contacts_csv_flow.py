"""Contacts CSV in a real Chromium: a file with a bad row is checked (dry run) and refused
with the row named, the fixed file imports, and the Directory page shows what devices get."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import shot
from tests.e2e.test_canvas_flow import log_in, register

pytestmark = pytest.mark.e2e

HEADER = "first_name,last_name,company,job_title,emails,numbers,show_in_directory\n"
GOOD = "Mike,Brown,Acme,Sales,work:mike@example.com,mobile:+14155550100,yes\n"
HIDDEN = "Sam,Hidden,,,sam@example.com,,no\n"


def test_when_csv_has_a_bad_row_then_dry_run_names_it_and_fixed_file_imports(
    page, live_server, mailbox, tmp_path
):
    register(page, live_server, mailbox, "ida@example.com", "Ida", "Importer")
    log_in(page, live_server, "ida@example.com")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + GOOD + "Omar,Khan,,,not-an-email,,\n")
    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD + HIDDEN)

    page.get_by_role("link", name="Contacts").click()
    page.get_by_role("button", name="Import CSV").click()
    dialog = page.get_by_role("dialog", name="Import contacts from CSV")
    dialog.locator("input[type=file]").set_input_files(str(bad))
    errors = dialog.get_by_role("table", name="Row errors")
    expect(errors).to_contain_text("Omar Khan")
    expect(errors).to_contain_text("3")
    expect(dialog.get_by_role("button", name="Import", exact=True)).to_be_disabled()
    shot(page, "csv-01-dry-run-errors")

    dialog.locator("input[type=file]").set_input_files(str(good))
    expect(dialog.get_by_text("2 contacts checked: no errors.")).to_be_visible()
    dialog.get_by_role("button", name="Import 2 contacts").click()
    expect(page.get_by_text("2 contacts were added.")).to_be_visible()

    page.get_by_role("link", name="Directory").click()
    table = page.get_by_role("table", name="Company directory")
    expect(table).to_contain_text("Brown, Mike")
    expect(table).to_contain_text("+14155550100")
    expect(table).not_to_contain_text("Hidden")
    shot(page, "csv-02-directory")
