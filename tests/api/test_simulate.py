"""POST /api/v1/simulate: refusals first, then the published plan, names, and the draft."""

from __future__ import annotations

import pytest

from tests.factories_publishing import (
    PUBLISH,
    SIMULATE,
    delete_row,
    make_cable,
    make_contact,
    make_device,
    make_object,
    set_properties,
    simple_call_flow,
)
from workspace.contact_center.devices.models import Device
from workspace.objects.models import Cable


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        return simple_call_flow(admin["account_id"])


@pytest.fixture
def published(admin_client, flow):
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    return flow


def _add_ann(app, account_id: int, flow: dict) -> dict:
    """Ann Lee rings 20 s after Mike on the same ring group (sequential)."""
    with app.app_context():
        ann = make_contact(account_id, first_name="Ann", last_name="Lee", email="ann@example.com")
        desk = make_device(account_id, ann["contact"], "Ann's desk", [flow["sip_1"]])
        obj = make_object(
            account_id, flow["tab"], "contact_method", "Ann Lee", {"contact_method": ann["method"]}
        )
        make_cable(account_id, flow["o_group"], "members", obj, "calls")
        set_properties(
            flow["o_group"],
            {
                "members": [
                    {"target": flow["o_method"], "start": 0, "duration": 20},
                    {"target": obj, "start": 20, "duration": 20},
                ],
                "preset": "sequential",
            },
        )
    return {"desk": desk, "object": obj, **ann}


# ---- refusals ---------------------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.post(SIMULATE, json={"number": "101"}).status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "number"),
        ({"number": ""}, "number"),
        ({"number": "1" * 41}, "number"),
        ({"number": "101", "source": "tomorrow"}, "source"),
        ({"number": "101", "at": "2026-11-26T10:00:00"}, "at"),  # no zone: ambiguous
        ({"number": "101", "at": "monday"}, "at"),
        ({"number": "101", "caller": ""}, "caller"),
        ({"number": "101", "callee": "x"}, "callee"),
        ({"number": "101", "declines": 44}, "declines"),
        ({"number": "101", "declines": [44]}, "declines"),  # objects: {"contact_method", "after"}
        ({"number": "101", "declines": [{"after": 3}]}, "declines"),
        ({"number": "101", "declines": [{"contact_method": "44"}]}, "declines"),
        ({"number": "101", "declines": [{"contact_method": 44, "after": -1}]}, "declines"),
        ({"number": "101", "declines": [{"contact_method": 44, "after": 3601}]}, "declines"),
        ({"number": "101", "declines": [{"contact_method": 44, "who": 1}]}, "declines"),
        ({"number": "101", "declines": [{"contact_method": 44}] * 101}, "declines"),
    ],
)
def test_when_body_invalid_then_422_naming_field(admin_client, published, body, field):
    response = admin_client.post(SIMULATE, json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]


def test_when_nothing_published_then_409_saying_so(admin_client, flow):
    response = admin_client.post(SIMULATE, json={"number": "101"})
    assert response.status_code == 409
    assert "Nothing is published yet" in response.get_json()["message"]


def test_when_draft_has_errors_then_draft_simulation_is_422_with_problems(
    app, admin_client, published
):
    with app.app_context():
        delete_row(Cable, published["c_member"])
    response = admin_client.post(SIMULATE, json={"number": "101", "source": "draft"})
    assert response.status_code == 422
    codes = [p["code"] for p in response.get_json()["errors"]["graph"]]
    assert "ring_group.no_members" in codes
    # the published plan still answers
    assert admin_client.post(SIMULATE, json={"number": "101"}).get_json()["found"] is True


def test_when_other_account_simulates_then_it_sees_only_its_own_plan(other_client, published):
    response = other_client.post(SIMULATE, json={"number": "+14155550100"})
    assert response.status_code == 409


# ---- the published plan -----------------------------------------------------------------------


def test_when_extension_called_then_his_devices_ring_with_names_and_the_path(
    admin_client, published
):
    flow = published
    response = admin_client.post(SIMULATE, json={"number": "101"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["source"] == "published" and body["revision"] == 1
    assert body["key"] == "ext:101" and body["found"] is True
    assert body["path"] == [flow["o_ext"], flow["o_group"]]
    assert body["outcome"] == "hangup" and body["ends_at"] == 30
    [ring] = body["rings"]
    assert ring["contact_name"] == "Mike Brown"
    assert ring["devices"] == [flow["laptop"], flow["phone"]]
    assert ring["device_names"] == ["Mike's laptop", "Android Phone"]
    assert (ring["at"], ring["until"], ring["kind"]) == (0, 30, "call_center")
    assert ring["object_path"] == [flow["o_ext"], flow["o_group"], flow["o_method"]]
    assert body["object_names"] == {
        str(flow["o_ext"]): "Mike's extension",
        str(flow["o_method"]): "Mike Brown",
        str(flow["o_group"]): "Mike's ring group",
    }
    assert [(s["object"], s["at"], s["until"], s["exit"]) for s in body["steps"]] == [
        (flow["o_ext"], 0, 0, "calls"),
        (flow["o_group"], 0, 30, None),
    ]


def test_when_number_written_with_spaces_then_it_is_found(admin_client, published):
    body = admin_client.post(SIMULATE, json={"number": "+1 415 555 0100"}).get_json()
    assert body["key"] == "+14155550100"
    assert body["path"][0] == published["o_phone"]


def test_when_number_has_no_route_then_200_not_found_and_nobody_rings(admin_client, published):
    body = admin_client.post(SIMULATE, json={"number": "+4930123456"}).get_json()
    assert body["found"] is False and body["outcome"] == "not_found"
    assert body["rings"] == [] and body["path"] == []


def test_when_caller_and_time_given_then_they_are_echoed(admin_client, published):
    body = admin_client.post(
        SIMULATE, json={"number": "101", "caller": "+4930123", "at": "2026-11-26T10:00:00+01:00"}
    ).get_json()
    assert body["caller"] == "+4930123"
    assert body["at"] == "2026-11-26T10:00:00+01:00"


def test_when_a_device_was_deleted_since_publishing_then_its_name_is_null(
    app, admin_client, published
):
    with app.app_context():
        delete_row(Device, published["phone"])
    [ring] = admin_client.post(SIMULATE, json={"number": "101"}).get_json()["rings"]
    assert ring["devices"] == [published["laptop"], published["phone"]]  # the plan published
    assert ring["device_names"] == ["Mike's laptop", None]


# ---- the draft ----------------------------------------------------------------------------------


def test_when_draft_simulated_then_unpublished_changes_show_and_published_ones_do_not(
    app, admin, admin_client, published
):
    ann = _add_ann(app, admin["account_id"], published)
    draft = admin_client.post(SIMULATE, json={"number": "101", "source": "draft"}).get_json()
    assert draft["source"] == "draft" and draft["revision"] is None
    rings = [(r["contact_name"], r["at"], r["until"], r["device_names"]) for r in draft["rings"]]
    assert rings == [
        ("Mike Brown", 0, 20, ["Mike's laptop", "Android Phone"]),
        ("Ann Lee", 20, 40, ["Ann's desk"]),
    ]
    assert draft["ends_at"] == 40
    assert str(ann["object"]) in draft["object_names"]

    live = admin_client.post(SIMULATE, json={"number": "101"}).get_json()
    assert [r["contact_name"] for r in live["rings"]] == ["Mike Brown"]
    assert live["hash"] != draft["hash"]


def test_when_draft_has_warnings_only_then_it_simulates(app, admin, admin_client, published):
    with app.app_context():
        make_object(
            admin["account_id"],
            published["tab"],
            "contact_method",
            "Uncabled",
            {"contact_method": published["method"]},
        )
    response = admin_client.post(SIMULATE, json={"number": "101", "source": "draft"})
    assert response.status_code == 200
    assert response.get_json()["found"] is True


def test_when_a_method_declines_twice_then_422_saying_once(admin_client, published):
    twice = [{"contact_method": 44}, {"contact_method": 44, "after": 2}]
    response = admin_client.post(SIMULATE, json={"number": "101", "declines": twice})
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"]["declines"] == [
        "Each contact method may decline once."
    ]


def test_when_the_answering_method_also_declines_then_422_naming_it(admin_client, published):
    body = {"number": "101", "answer": 44, "declines": [{"contact_method": 44}]}
    response = admin_client.post(SIMULATE, json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"]["declines"] == [
        "Contact method #44 answers: it cannot decline as well."
    ]


def test_when_mike_declines_then_his_ring_ends_there_and_ann_rings_on_time(
    app, admin, admin_client, published
):
    ann = _add_ann(app, admin["account_id"], published)
    assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
    mike = published["method"]
    declines = [{"contact_method": mike, "after": 4}]

    response = admin_client.post(SIMULATE, json={"number": "101", "declines": declines})

    assert response.status_code == 200
    body = response.get_json()
    assert body["declines"] == declines
    assert [(r["contact_method"], r["at"], r["until"], r["declined"]) for r in body["rings"]] == [
        (mike, 0, 4, True),
        (ann["method"], 20, 40, False),
    ]
    assert (body["outcome"], body["ends_at"]) == ("hangup", 40)
    # the reason names him as the ring list does (the engine knows the id only)
    assert "Mike Brown declines at 4 s." in body["steps"][1]["reason"], body["steps"][1]


def test_when_every_member_declines_then_the_group_ends_when_the_last_has(
    app, admin, admin_client, published
):
    ann = _add_ann(app, admin["account_id"], published)
    assert admin_client.post(PUBLISH, json={"message": "v2"}).status_code == 201
    declines = [{"contact_method": published["method"]}, {"contact_method": ann["method"]}]

    body = admin_client.post(SIMULATE, json={"number": "101", "declines": declines}).get_json()

    # Ann's turn still comes at 20 s: she declines then, and nobody is left to ring.
    assert [(r["at"], r["until"], r["declined"]) for r in body["rings"]] == [
        (0, 0, True),
        (20, 20, True),
    ]
    assert (body["outcome"], body["ends_at"]) == ("hangup", 20)
    assert body["declines"] == [{**d, "after": 0} for d in declines]
