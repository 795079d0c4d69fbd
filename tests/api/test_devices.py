"""/api/v1/devices: a contact's softphones on 1 to 4 SIP accounts, edits, moves, deletes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy.exc import IntegrityError

from tests.factories_devices import count_rows, create_device, make_contact, make_sip_accounts
from workspace.contact_center.devices.models import Device, DeviceSipAccount
from workspace.contact_center.providers.models import SipAccount
from workspace.database import utcnow
from workspace.extensions import db

DEVICES = "/api/v1/devices"


@pytest.fixture
def acme(app, admin):
    """Admin A's account: contacts Mike Brown and Ann Lee, five SIP accounts."""
    account = admin["account_id"]
    return SimpleNamespace(
        mike=make_contact(app, account, "Mike", "Brown"),
        ann=make_contact(app, account, "Ann", "Lee"),
        sips=make_sip_accounts(app, account, 5),
    )


@pytest.fixture
def globex(app, other_admin):
    """Admin B's account: one contact, one SIP account."""
    account = other_admin["account_id"]
    return SimpleNamespace(
        zoe=make_contact(app, account, "Zoe", "Globex"),
        sips=make_sip_accounts(app, account, 1, provider_name="Globex SIP"),
    )


def _body(acme, **overrides) -> dict:
    body = {"contact_id": acme.mike, "name": "Android Phone", "sip_account_ids": acme.sips[:1]}
    body.update(overrides)
    return body


def _nothing_written(app) -> None:
    assert count_rows(app, Device) == 0
    assert count_rows(app, DeviceSipAccount) == 0


def _field_errors(response) -> dict:
    return response.get_json()["errors"]["json"]


def _stored(app, device_id: int) -> SimpleNamespace:
    with app.app_context():
        device = db.session.get(Device, device_id)
        return SimpleNamespace(
            name=device.name,
            contact_id=device.contact_id,
            version=device.version,
            sip_account_ids=device.sip_account_ids,
        )


# --- refusals: create ----------------------------------------------------------------------


def test_when_not_logged_in_then_401(client):
    assert client.get(DEVICES).status_code == 401


def test_when_csrf_header_missing_then_403_and_nothing_written(app, admin_client, acme):
    response = admin_client.post(DEVICES, json=_body(acme), csrf=False)
    assert response.status_code == 403
    _nothing_written(app)


def test_when_fifth_sip_account_then_422_says_at_most_four_and_nothing_written(
    app, admin_client, acme
):
    response = admin_client.post(DEVICES, json=_body(acme, sip_account_ids=acme.sips))
    assert response.status_code == 422
    assert "at most four" in _field_errors(response)["sip_account_ids"][0]
    _nothing_written(app)


def test_when_sip_account_listed_twice_then_422_and_nothing_written(app, admin_client, acme):
    ids = [acme.sips[0], acme.sips[1], acme.sips[0]]
    response = admin_client.post(DEVICES, json=_body(acme, sip_account_ids=ids))
    assert response.status_code == 422
    assert "only once" in _field_errors(response)["sip_account_ids"][0]
    _nothing_written(app)


def test_when_no_sip_account_then_422_and_nothing_written(app, admin_client, acme):
    response = admin_client.post(DEVICES, json=_body(acme, sip_account_ids=[]))
    assert response.status_code == 422
    assert "at least one" in _field_errors(response)["sip_account_ids"][0]
    _nothing_written(app)


@pytest.mark.parametrize("field", ["contact_id", "name", "sip_account_ids"])
def test_when_required_field_missing_then_422_naming_it_and_nothing_written(
    app, admin_client, acme, field
):
    body = _body(acme)
    del body[field]
    response = admin_client.post(DEVICES, json=body)
    assert response.status_code == 422
    assert field in _field_errors(response)
    _nothing_written(app)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "   "),
        ("name", "x" * 101),
        ("name", "Desk\x00phone"),
        ("name", 5),
        ("name", None),
        ("contact_id", "1"),
        ("contact_id", 0),
        ("contact_id", 2**31),
        ("contact_id", None),
        ("sip_account_ids", "1"),
        ("sip_account_ids", ["one"]),
        ("sip_account_ids", [-1]),
        ("sip_account_ids", None),
    ],
)
def test_when_field_invalid_then_422_naming_it_and_nothing_written(
    app, admin_client, acme, field, value
):
    response = admin_client.post(DEVICES, json=_body(acme, **{field: value}))
    assert response.status_code == 422, response.get_json()
    assert field in _field_errors(response)
    _nothing_written(app)


@pytest.mark.parametrize(
    "field", ["status", "sub_status", "app_version", "platform", "last_seen_at", "colour"]
)
def test_when_status_or_unknown_field_sent_then_422_naming_it_and_nothing_written(
    app, admin_client, acme, field
):
    response = admin_client.post(DEVICES, json=_body(acme, **{field: "online"}))
    assert response.status_code == 422
    assert field in _field_errors(response)
    _nothing_written(app)


def test_when_contact_of_another_account_then_404_naming_contact_id_and_nothing_written(
    app, admin_client, acme, globex
):
    response = admin_client.post(DEVICES, json=_body(acme, contact_id=globex.zoe))
    assert response.status_code == 404
    assert "contact_id" in _field_errors(response)
    _nothing_written(app)


@pytest.mark.parametrize("which", ["other_account", "missing"])
def test_when_sip_account_not_of_account_then_404_naming_sip_account_ids_and_nothing_written(
    app, admin_client, acme, globex, which
):
    foreign = globex.sips[0] if which == "other_account" else 999_999
    response = admin_client.post(DEVICES, json=_body(acme, sip_account_ids=[acme.sips[0], foreign]))
    assert response.status_code == 404
    assert "sip_account_ids" in _field_errors(response)
    assert str(foreign) in response.get_json()["message"]
    _nothing_written(app)


def test_when_listing_by_contact_of_another_account_then_404(admin_client, acme, globex):
    response = admin_client.get(f"{DEVICES}?contact_id={globex.zoe}")
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["abc", "0", str(2**31)])
def test_when_list_contact_id_is_not_an_id_then_422_naming_it(admin_client, acme, value):
    response = admin_client.get(f"{DEVICES}?contact_id={value}")
    assert response.status_code == 422
    assert "contact_id" in response.get_json()["errors"]["query"]


def test_when_search_has_control_character_then_422_naming_q(admin_client, acme):
    response = admin_client.get(f"{DEVICES}?q=a%00b")
    assert response.status_code == 422
    assert "q" in response.get_json()["errors"]["query"]


@pytest.mark.parametrize("method", ["get", "patch", "delete", "move"])
def test_when_device_id_is_beyond_32_bits_then_404(admin_client, acme, method):
    url = f"{DEVICES}/{2**31}"
    headers = {"If-Match": '"1"'}
    response = {
        "get": lambda: admin_client.get(url),
        "patch": lambda: admin_client.patch(url, json={"name": "x"}, headers=headers),
        "delete": lambda: admin_client.delete(url, headers=headers),
        "move": lambda: admin_client.post(
            f"{url}/move", json={"contact_id": acme.ann}, headers=headers
        ),
    }[method]()
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


# --- refusals: edit, delete, move ----------------------------------------------------------


def test_when_patch_adds_fifth_sip_account_then_422_and_device_unchanged(app, admin_client, acme):
    device = create_device(admin_client, acme.mike, acme.sips[:4])
    response = admin_client.patch(
        f"{DEVICES}/{device['id']}",
        json={"sip_account_ids": acme.sips},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 422
    assert "at most four" in _field_errors(response)["sip_account_ids"][0]
    stored = _stored(app, device["id"])
    assert stored.sip_account_ids == acme.sips[:4]
    assert stored.version == 1


@pytest.mark.parametrize(
    "body",
    [
        {"sip_account_ids": []},
        {"sip_account_ids": [1, 1]},
        {"name": ""},
        {"status": "online"},
        {"sub_status": "pending_update"},
        {"contact_id": 1},
    ],
)
def test_when_patch_invalid_then_422_and_device_unchanged(app, admin_client, acme, body):
    device = create_device(admin_client, acme.mike, acme.sips[:2])
    response = admin_client.patch(
        f"{DEVICES}/{device['id']}", json=body, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 422
    assert next(iter(body)) in _field_errors(response)
    stored = _stored(app, device["id"])
    assert (stored.name, stored.sip_account_ids, stored.version) == (
        "Android",
        acme.sips[:2],
        1,
    )


def test_when_patch_names_sip_account_of_another_account_then_404_and_device_unchanged(
    app, admin_client, acme, globex
):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    response = admin_client.patch(
        f"{DEVICES}/{device['id']}",
        json={"name": "Renamed", "sip_account_ids": [acme.sips[1], globex.sips[0]]},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 404
    assert "sip_account_ids" in _field_errors(response)
    stored = _stored(app, device["id"])
    assert (stored.name, stored.sip_account_ids) == ("Android", acme.sips[:1])


@pytest.mark.parametrize(("method", "suffix"), [("patch", ""), ("delete", ""), ("post", "/move")])
def test_when_if_match_missing_then_428_and_stale_then_412_and_device_unchanged(
    app, admin_client, acme, method, suffix
):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    url = f"{DEVICES}/{device['id']}{suffix}"
    body = {"patch": {"name": "Renamed"}, "post": {"contact_id": acme.ann}}.get(method)
    send = getattr(admin_client, method)
    kwargs = {"json": body} if body is not None else {}
    assert send(url, **kwargs).status_code == 428
    assert send(url, headers={"If-Match": '"7"'}, **kwargs).status_code == 412
    stored = _stored(app, device["id"])
    assert (stored.name, stored.contact_id, stored.version) == ("Android", acme.mike, 1)


def test_when_moving_to_same_contact_then_422_naming_contact_id(app, admin_client, acme):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    response = admin_client.post(
        f"{DEVICES}/{device['id']}/move",
        json={"contact_id": acme.mike},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 422
    assert "Mike Brown" in _field_errors(response)["contact_id"][0]
    assert _stored(app, device["id"]).version == 1


@pytest.mark.parametrize("body", [{}, {"contact_id": None}, {"contact_id": 1, "name": "x"}])
def test_when_move_body_invalid_then_422(app, admin_client, acme, body):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    response = admin_client.post(
        f"{DEVICES}/{device['id']}/move", json=body, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 422
    assert _stored(app, device["id"]).contact_id == acme.mike


def test_when_moving_to_contact_of_another_account_then_404_and_device_stays(
    app, admin_client, acme, globex
):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    response = admin_client.post(
        f"{DEVICES}/{device['id']}/move",
        json={"contact_id": globex.zoe},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 404
    assert "contact_id" in _field_errors(response)
    assert _stored(app, device["id"]).contact_id == acme.mike


def test_when_other_account_moves_device_then_404_and_device_stays(
    app, admin_client, other_client, acme, globex
):
    device = create_device(admin_client, acme.mike, acme.sips[:1])
    response = other_client.post(
        f"{DEVICES}/{device['id']}/move",
        json={"contact_id": globex.zoe},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 404
    stored = _stored(app, device["id"])
    assert (stored.contact_id, stored.version) == (acme.mike, 1)


def test_when_move_fails_at_commit_then_device_stays_with_its_contact(
    app, admin_client, acme, monkeypatch
):
    device = create_device(admin_client, acme.mike, acme.sips[:2])

    def failing_commit():
        db.session.flush()  # the UPDATE reaches the database, then the commit fails
        raise IntegrityError("UPDATE devices", {}, Exception("simulated failure"))

    monkeypatch.setattr(db.session, "commit", failing_commit)
    response = admin_client.post(
        f"{DEVICES}/{device['id']}/move", json={"contact_id": acme.ann}, headers={"If-Match": '"1"'}
    )
    monkeypatch.undo()
    assert response.status_code == 409
    stored = _stored(app, device["id"])
    assert (stored.contact_id, stored.version) == (acme.mike, 1)
    assert stored.sip_account_ids == acme.sips[:2]
    listed = admin_client.get(f"{DEVICES}?contact_id={acme.ann}").get_json()
    assert listed == {"items": [], "total": 0}


# --- success -------------------------------------------------------------------------------


def test_when_device_created_then_not_activated_with_contact_and_sip_accounts_in_order(
    app, admin_client, acme
):
    ids = [acme.sips[2], acme.sips[0]]
    response = admin_client.post(
        DEVICES, json=_body(acme, name="  Android Phone ", sip_account_ids=ids)
    )
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["name"] == "Android Phone"
    assert body["version"] == 1
    assert (body["status"], body["sub_status"]) == ("not_activated", None)
    assert (body["app_version"], body["platform"], body["last_seen_at"]) == (None, None, None)
    assert body["contact"] == {"id": acme.mike, "name": "Mike Brown"}
    assert body["sip_accounts"] == [
        {
            "id": acme.sips[2],
            "friendly_name": "Line 3",
            "username": "1003",
            "provider_name": "Acme SIP",
        },
        {
            "id": acme.sips[0],
            "friendly_name": "Line 1",
            "username": "1001",
            "provider_name": "Acme SIP",
        },
    ]
    fetched = admin_client.get(f"{DEVICES}/{body['id']}")
    assert fetched.status_code == 200
    assert fetched.headers["ETag"] == '"1"'
    assert fetched.get_json() == body


def test_when_four_sip_accounts_and_100_character_name_then_created(admin_client, acme):
    device = create_device(admin_client, acme.mike, acme.sips[:4], name="x" * 100)
    assert [s["id"] for s in device["sip_accounts"]] == acme.sips[:4]


def test_when_listing_by_contact_then_only_that_contacts_devices(admin_client, acme):
    a = create_device(admin_client, acme.mike, acme.sips[:1], name="Desk")
    b = create_device(admin_client, acme.mike, acme.sips[1:2], name="Android")
    c = create_device(admin_client, acme.ann, acme.sips[:1], name="iPhone")
    mine = admin_client.get(f"{DEVICES}?contact_id={acme.mike}").get_json()
    assert [d["id"] for d in mine["items"]] == [b["id"], a["id"]]  # by name
    assert mine["total"] == 2
    everything = admin_client.get(DEVICES).get_json()
    assert {d["id"] for d in everything["items"]} == {a["id"], b["id"], c["id"]}
    assert everything["items"][0]["contact"]["name"]
    paged = admin_client.get(f"{DEVICES}?per_page=1&page=2&q=o").get_json()
    assert (paged["total"], [d["id"] for d in paged["items"]]) == (2, [c["id"]])


def test_when_patched_then_name_and_sip_accounts_change_and_version_moves_on(
    app, admin_client, acme
):
    device = create_device(admin_client, acme.mike, acme.sips[:2])
    url = f"{DEVICES}/{device['id']}"
    renamed = admin_client.patch(url, json={"name": "Desk"}, headers={"If-Match": '"1"'})
    assert renamed.status_code == 200
    assert renamed.headers["ETag"] == '"2"'
    assert renamed.get_json()["name"] == "Desk"
    reordered = admin_client.patch(
        url, json={"sip_account_ids": [acme.sips[3], acme.sips[0]]}, headers={"If-Match": '"2"'}
    )
    assert reordered.status_code == 200
    assert reordered.get_json()["version"] == 3  # only the lines changed: still a new version
    assert [s["id"] for s in reordered.get_json()["sip_accounts"]] == [acme.sips[3], acme.sips[0]]
    assert _stored(app, device["id"]).sip_account_ids == [acme.sips[3], acme.sips[0]]


def test_when_sip_accounts_reordered_then_kept_lines_keep_their_registration_state(
    app, admin_client, acme
):
    device = create_device(admin_client, acme.mike, acme.sips[:2])
    with app.app_context():
        for link in db.session.get(Device, device["id"]).sip_links:
            link.registered = link.sip_account_id == acme.sips[0]
        db.session.commit()
    response = admin_client.patch(
        f"{DEVICES}/{device['id']}",
        json={"sip_account_ids": [acme.sips[1], acme.sips[0]]},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 200
    with app.app_context():
        links = db.session.get(Device, device["id"]).sip_links
        assert [(link.sip_account_id, link.registered) for link in links] == [
            (acme.sips[1], False),
            (acme.sips[0], True),
        ]


def test_when_moved_then_device_keeps_sip_accounts_and_activation(app, admin_client, acme):
    device = create_device(admin_client, acme.mike, acme.sips[:3])
    seen = utcnow()
    with app.app_context():
        row = db.session.get(Device, device["id"])
        row.status, row.activated_at, row.token_hash, row.last_seen_at = "online", seen, "h", seen
        db.session.commit()
        version = row.version
    response = admin_client.post(
        f"{DEVICES}/{device['id']}/move",
        json={"contact_id": acme.ann},
        headers={"If-Match": f'"{version}"'},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["contact"] == {"id": acme.ann, "name": "Ann Lee"}
    assert [s["id"] for s in body["sip_accounts"]] == acme.sips[:3]
    assert body["status"] == "online"
    assert response.headers["ETag"] == f'"{version + 1}"'
    with app.app_context():
        row = db.session.get(Device, device["id"])
        assert (row.token_hash, row.activated_at) == ("h", seen)
    assert admin_client.get(f"{DEVICES}?contact_id={acme.mike}").get_json()["total"] == 0
    assert admin_client.get(f"{DEVICES}?contact_id={acme.ann}").get_json()["total"] == 1


def test_when_deleted_then_device_and_its_lines_go_and_sip_accounts_stay(app, admin_client, acme):
    device = create_device(admin_client, acme.mike, acme.sips[:2])
    response = admin_client.delete(f"{DEVICES}/{device['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 204
    _nothing_written(app)
    assert count_rows(app, SipAccount) == 5
    assert admin_client.get(f"{DEVICES}/{device['id']}").status_code == 404
