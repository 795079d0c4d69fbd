"""`workspace create-admin`: a confirmed admin in a new account, or beside a colleague."""

from __future__ import annotations

from tests.factories import DEFAULT_PASSWORD
from tests.support import ApiClient, count_rows
from workspace.auth.models import Account, Admin
from workspace.cli import create_admin_command


def _create(runner, *extra: str):
    return runner.invoke(
        create_admin_command,
        ["--email", "bob@example.com", "--password", "bob-password-1", *extra],
    )


def test_when_colleague_is_unknown_then_nothing_is_created(app, runner, admin):
    result = _create(runner, "--same-account-as", "nobody@example.com")
    assert result.exit_code != 0
    assert "No admin has this email." in result.output
    assert count_rows(app, Admin) == 1


def test_when_same_account_as_given_then_both_admins_share_the_account(app, runner, admin):
    result = _create(runner, "--same-account-as", "ALICE@example.com")
    assert result.exit_code == 0, result.output
    assert count_rows(app, Account) == 1
    with app.app_context():
        bob = Admin.query.filter_by(email="bob@example.com").one()
        assert bob.account_id == admin["account_id"] and bob.confirmed_at is not None
    alice_client, bob_client = ApiClient(app.test_client()), ApiClient(app.test_client())
    alice_client.login("alice@example.com", DEFAULT_PASSWORD)
    bob_client.login("bob@example.com", "bob-password-1")
    tab = alice_client.post("/api/v1/tabs", json={"name": "Shared"}).get_json()
    names = [t["name"] for t in bob_client.get("/api/v1/tabs").get_json()["items"]]
    assert tab["name"] in names


def test_when_no_colleague_given_then_a_new_account_is_made(app, runner, admin):
    assert _create(runner).exit_code == 0
    assert count_rows(app, Account) == 2
