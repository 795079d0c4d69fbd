"""An object created without a name is named after what it stands for, never a counter or id."""

from __future__ import annotations

from tests.factories_publishing import make_contact, make_internal_number, make_phone_number
from tests.factories_workspace import new_object, new_tab


def test_when_nothing_is_referenced_then_the_tab_numbered_default_stays(admin_client):
    tab = new_tab(admin_client, "Sales")
    assert new_object(admin_client, tab["id"], "ring_group")["name"] == "Sales Ring Group 1"


def test_when_a_number_or_contact_is_referenced_then_the_name_is_theirs(app, admin, admin_client):
    with app.app_context():
        phone = make_phone_number(admin["account_id"], "+14155550100")
        ext = make_internal_number(admin["account_id"], "101")
        mike = make_contact(admin["account_id"])
    tab = new_tab(admin_client, "Main")
    placed = [
        new_object(admin_client, tab["id"], "phone_number", properties={"number": phone}),
        new_object(admin_client, tab["id"], "internal_number", properties={"number": ext}),
        new_object(
            admin_client, tab["id"], "contact_method", properties={"contact_method": mike["method"]}
        ),
    ]
    assert [o["name"] for o in placed] == ["+1 415 555 0100", "Ext. 101", "Mike Brown"]


def test_when_a_name_is_given_then_it_wins(app, admin, admin_client):
    with app.app_context():
        phone = make_phone_number(admin["account_id"], "+14155550100")
    tab = new_tab(admin_client, "Main")
    made = new_object(
        admin_client, tab["id"], "phone_number", name="Main line", properties={"number": phone}
    )
    assert made["name"] == "Main line"
