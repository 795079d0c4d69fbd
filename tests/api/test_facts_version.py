"""The facts version (workspace.objects.facts_state): every committed write to the facts the
engine reads moves it, telemetry and refused writes do not, and the problems pushed after an
edit reuse facts only while it stands."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from tests.factories_publishing import delete_row, make_phone_number, simple_call_flow
from tests.support import statements
from workspace.auth.models import Account
from workspace.contact_center.contacts.models import CallCenterSettings, Contact, ContactMethod
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.numbers.models import PhoneNumber
from workspace.contact_center.providers.models import Provider
from workspace.contact_center.schedules.models import Schedule
from workspace.extensions import db, socketio
from workspace.objects.facts import load_facts
from workspace.objects.facts_cache import cached_facts, facts_cache
from workspace.objects.facts_state import FACTS_MODELS, read_facts_stamp
from workspace.objects.models import Revision, WorkspaceState
from workspace.objects.validation_push import push_validation


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


def read_facts_version(account_id: int) -> int | None:
    stamp = read_facts_stamp(account_id)
    return None if stamp is None else stamp[0]


def _version(app, account_id: int) -> int | None:
    with app.app_context():
        return read_facts_version(account_id)


def _write(app, change) -> None:
    with app.app_context():
        change()
        db.session.commit()


# ---- what leaves it -------------------------------------------------------------------------


def test_when_a_facts_write_rolls_back_then_the_version_stands(app, admin, flow):
    before = _version(app, admin["account_id"])
    with app.app_context():
        db.session.get(Contact, flow["contact"]).first_name = "Michael"
        db.session.flush()
        db.session.rollback()
    assert _version(app, admin["account_id"]) == before


@pytest.mark.parametrize(
    "telemetry",
    [
        lambda f: setattr(db.session.get(Device, f["phone"]), "status", "online"),
        lambda f: setattr(db.session.get(Device, f["phone"]), "config_hash", "sha256:x"),
        lambda f: db.session.execute(
            update(DeviceSipAccount)
            .where(DeviceSipAccount.device_id == f["phone"])
            .values(registered=True)
        ),
        lambda f: db.session.execute(
            update(Device).where(Device.id == f["laptop"]).values(activation_code_hash="x" * 64)
        ),
    ],
    ids=["device status", "config hash", "line registered", "activation code (bulk)"],
)
def test_when_only_telemetry_changes_then_the_version_stands(app, admin, flow, telemetry):
    before = _version(app, admin["account_id"])
    _write(app, lambda: telemetry(flow))
    assert _version(app, admin["account_id"]) == before


def test_when_another_account_writes_its_facts_then_this_version_stands(
    app, admin, other_admin, flow
):
    before = _version(app, admin["account_id"])
    theirs = _version(app, other_admin["account_id"]) or 0
    with app.app_context():
        make_phone_number(other_admin["account_id"], "+14155550199")
    assert _version(app, admin["account_id"]) == before
    assert _version(app, other_admin["account_id"]) == theirs + 1


# ---- what moves it --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda f: setattr(db.session.get(Contact, f["contact"]), "last_name", "Browne"),
        lambda f: setattr(
            db.session.get(CallCenterSettings, f["method"]), "caller_id_name", "Mike B."
        ),
        lambda f: setattr(db.session.get(Device, f["laptop"]), "name", "Mike's desk"),
        lambda f: db.session.delete(
            db.session.execute(
                db.select(DeviceSipAccount).where(DeviceSipAccount.device_id == f["phone"])
            )
            .scalars()
            .first()
        ),
        lambda f: setattr(db.session.get(Provider, f["provider"]), "server", "sip2.example.net"),
        lambda f: db.session.delete(db.session.get(ContactMethod, f["method"])),
        lambda f: db.session.add(
            Schedule(
                account_id=db.session.get(Contact, f["contact"]).account_id,
                name="Office hours",
                time_zone="UTC",
            )
        ),
        lambda f: db.session.execute(
            update(PhoneNumber).where(PhoneNumber.id == f["phone_number"]).values(number="+1415")
        ),
    ],
    ids=[
        "contact name",
        "call.center settings (no account_id: through its method)",
        "device name",
        "a device's line removed (through its device)",
        "provider server",
        "contact method deleted with its settings",
        "schedule added",
        "bulk update of a number",
    ],
)
def test_when_a_facts_row_is_written_then_its_commit_moves_the_version_once(
    app, admin, flow, change
):
    before = _version(app, admin["account_id"])
    assert before is not None  # the flow's own writes made the state row
    _write(app, lambda: change(flow))
    assert _version(app, admin["account_id"]) == before + 1


def test_when_an_account_has_no_state_row_then_its_first_facts_write_makes_one(app, admin):
    with app.app_context():
        db.session.execute(db.delete(WorkspaceState))  # as before the column existed
        db.session.commit()
    assert _version(app, admin["account_id"]) is None
    with app.app_context():
        make_phone_number(admin["account_id"])
    assert _version(app, admin["account_id"]) == 1


def test_when_the_engine_loads_facts_then_every_table_it_reads_is_watched(app, admin, flow):
    # A table added to load_facts but not to FACTS_MODELS would leave cached facts stale.
    with statements(app) as sent, app.app_context():
        load_facts(admin["account_id"])
    read = {
        name
        for statement in sent
        for name in re.findall(r"\b(?:FROM|JOIN)\s+\"?(\w+)", statement, re.IGNORECASE)
    }
    watched = {model.__table__.name for model in FACTS_MODELS}
    assert read, sent
    assert read - watched <= {"workspace_state"}, read - watched


# ---- the push's cache ------------------------------------------------------------------------


def test_when_facts_stand_between_pushes_then_they_are_reused_and_an_edit_is_seen_at_once(
    app, admin, admin_client, flow
):
    account = admin["account_id"]
    sock = socketio.test_client(app, namespace="/workspace", flask_test_client=admin_client.client)
    cache = facts_cache(app)

    def push() -> tuple[list[str], set[str]]:
        sock.get_received("/workspace")
        with statements(app) as sent, app.app_context():
            push_validation(account)
        pushed = [
            e["args"][0]
            for e in sock.get_received("/workspace")
            if e["name"] == "validation.updated"
        ]
        assert len(pushed) == 1
        return sent, {p["code"] for p in pushed[0]["problems"]}

    try:
        sent, codes = push()
        assert any("contact_methods" in s for s in sent)  # the first push loads them
        assert "reference.missing" not in codes
        sent, again = push()
        assert not any("contact_methods" in s for s in sent) and again == codes
        with app.app_context():
            delete_row(PhoneNumber, flow["phone_number"])  # the Main line's number goes
        sent, codes = push()
        assert any("contact_methods" in s for s in sent)
        assert "reference.missing" in codes
        with app.app_context():  # the push keeps them with the directory, for a publish
            fresh = load_facts(account, directory=True)
            assert cache.get(account, read_facts_stamp(account), directory=True) == fresh
    finally:
        sock.disconnect(namespace="/workspace")


def test_when_facts_change_after_a_publish_then_the_next_publish_compiles_them(
    app, admin, admin_client, flow
):
    first = admin_client.post("/api/v1/workspace/publish", json={"message": "v1"})
    assert first.status_code == 201, first.get_json()
    with app.app_context():
        db.session.get(CallCenterSettings, flow["method"]).caller_id_name = "Mike B."
        db.session.commit()
    second = admin_client.post("/api/v1/workspace/publish", json={"message": "v2"})
    assert second.status_code == 201 and second.get_json()["unchanged"] is False
    with app.app_context():
        plan = db.session.execute(db.select(Revision.plan).where(Revision.number == 2)).scalar()
        version = read_facts_stamp(admin["account_id"])
        # What the cache holds after a compile is what a load reads: nothing changed it.
        cached = facts_cache(app).get(admin["account_id"], version, directory=True)
        assert cached == load_facts(admin["account_id"])
    assert "Mike B." in str(plan["devices"]), plan["devices"]


def test_when_a_transaction_reads_facts_it_has_not_committed_then_the_cache_keeps_none(
    app, admin, flow
):
    # The wizard writes contact-center rows and may publish in the same transaction; if that
    # rolls back, facts cached under the standing version would hold rows that never were.
    account = admin["account_id"]
    with app.app_context():
        extra = PhoneNumber(account_id=account, number="+14155550177")
        db.session.add(extra)
        facts, version = cached_facts(account, directory=True)
        assert version is None and len(facts["phone_numbers"]) == 2
        db.session.rollback()
        facts, version = cached_facts(account, directory=True)
        assert version is not None and len(facts["phone_numbers"]) == 1
        assert facts_cache(app).get(account, version, directory=True) is facts


def test_when_calls_are_simulated_then_the_facts_they_shared_are_left_as_loaded(
    app, admin, admin_client, flow
):
    body = {"number": "+14155550100", "source": "draft", "answer": None}
    for _ in range(2):  # the second takes the facts from the cache
        played = admin_client.post("/api/v1/simulate", json=body)
        assert played.status_code == 200, played.get_json()
        assert {r["contact_name"] for r in played.get_json()["rings"]} == {"Mike Brown"}
    with app.app_context():
        version = read_facts_stamp(admin["account_id"])
        cached = facts_cache(app).get(admin["account_id"], version, directory=True)
        assert cached is not None and cached == load_facts(admin["account_id"])


def test_when_an_account_id_is_given_out_again_then_the_old_accounts_facts_are_not_served(
    app, admin, flow
):
    # SQLite reuses the highest id, and the demo reset deletes its account and builds it
    # again: a new account can meet the old one's id *and* facts version.
    account = admin["account_id"]
    with app.app_context():
        old, _ = cached_facts(account, directory=True)
        old_version = read_facts_version(account)
        db.session.delete(db.session.get(Account, account))
        db.session.commit()
        db.session.add(Account(id=account, name="Reborn"))
        db.session.add(WorkspaceState(account_id=account, facts_version=old_version))
        db.session.commit()
        assert read_facts_version(account) == old_version
        facts, _ = cached_facts(account, directory=True)
        assert old["contact_methods"] and facts["contact_methods"] == {}


def test_when_facts_with_the_directory_are_kept_then_a_reader_without_gets_them(app, admin, flow):
    with app.app_context():
        full, version = cached_facts(admin["account_id"], directory=True)
        assert full["directory_version"] is not None
        fewer, same = cached_facts(admin["account_id"], directory=False)
        assert fewer is full and same == version
