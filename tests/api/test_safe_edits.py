"""Edits on one page that would break another are refused (409 naming each user, with the
tab of each workspace object), or accepted with a warning naming the problem publish reports.

The policy (workspace/contact_center/contacts/call_center_service.save_warnings): what only
the canvas can fix is accepted with a warning; what the settings themselves get wrong is
refused at save.
"""

from __future__ import annotations

import pytest

from tests.factories_publishing import PUBLISH, simple_call_flow
from workspace.extensions import db
from workspace.objects.models import Tab

PHONE = "/api/v1/numbers/phone"
INTERNAL = "/api/v1/numbers/internal"


@pytest.fixture
def flow(app, admin):
    with app.app_context():
        ids = simple_call_flow(admin["account_id"])
        db.session.get(Tab, ids["tab"]).name = "Reception"
        db.session.commit()
        return ids


def _etag(api, url: str) -> dict[str, str]:
    return {"If-Match": f'"{api.get(url).get_json()["version"]}"'}


def _users(response) -> list[dict]:
    assert response.status_code == 409, response.get_json()
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}
    return body["errors"]["used_by"]


# ---- 409: deleting or renumbering what the workspace or a contact uses ------------------------


def test_when_phone_number_on_the_canvas_deleted_then_409_naming_card_tab_and_contact(
    admin_client, flow
):
    url = f"{PHONE}/{flow['phone_number']}"
    response = admin_client.delete(url, headers=_etag(admin_client, url))
    users = _users(response)
    assert {
        "type": "object",
        "id": flow["o_phone"],
        "name": "Main line",
        "tab": flow["tab"],
        "tab_name": "Reception",
        "as": "on the workspace",
    } in users
    # Mike Brown's external caller ID is this number too
    assert {
        "type": "contact",
        "id": flow["contact"],
        "name": "Mike Brown",
        "as": "external caller ID",
    } in users
    assert '"Main line" on the workspace tab "Reception"' in response.get_json()["message"]
    assert admin_client.get(url).status_code == 200


def test_when_internal_number_on_the_canvas_renumbered_then_409_and_unchanged(admin_client, flow):
    url = f"{INTERNAL}/{flow['internal_number']}"
    response = admin_client.patch(url, json={"number": "109"}, headers=_etag(admin_client, url))
    users = _users(response)
    assert [u["id"] for u in users if u["type"] == "object"] == [flow["o_ext"]]
    assert [u["id"] for u in users if u["type"] == "contact"] == [flow["contact"]]
    assert "cannot be renumbered" in response.get_json()["message"]
    assert admin_client.get(url).get_json()["number"] == "101"


def test_when_internal_number_on_the_canvas_deleted_then_409(admin_client, flow):
    url = f"{INTERNAL}/{flow['internal_number']}"
    users = _users(admin_client.delete(url, headers=_etag(admin_client, url)))
    assert {u["type"] for u in users} == {"object", "contact"}


def test_when_phone_number_renumbered_while_only_on_the_canvas_then_409(app, admin, admin_client):
    from tests.factories_publishing import make_object, make_phone_number, make_tab

    with app.app_context():
        number = make_phone_number(admin["account_id"], "+14155550122")
        tab = make_tab(admin["account_id"], "Support")
        card = make_object(admin["account_id"], tab, "phone_number", "Support", {"number": number})
    url = f"{PHONE}/{number}"
    response = admin_client.patch(
        url, json={"number": "+14155550123"}, headers=_etag(admin_client, url)
    )
    assert _users(response) == [
        {
            "type": "object",
            "id": card,
            "name": "Support",
            "tab": tab,
            "tab_name": "Support",
            "as": "on the workspace",
        }
    ]


def test_when_contact_on_the_canvas_deleted_then_409_naming_the_card_and_its_tab(
    admin_client, flow
):
    url = f"/api/v1/contacts/{flow['contact']}"
    users = _users(admin_client.delete(url, headers=_etag(admin_client, url)))
    assert users == [
        {
            "type": "object",
            "id": flow["o_method"],
            "name": "Mike Brown",
            "tab": flow["tab"],
            "tab_name": "Reception",
        }
    ]


def test_when_unused_number_renumbered_then_200(app, admin, admin_client):
    from tests.factories_publishing import make_internal_number

    with app.app_context():
        ext = make_internal_number(admin["account_id"], "150")
    url = f"{INTERNAL}/{ext}"
    response = admin_client.patch(url, json={"number": "151"}, headers=_etag(admin_client, url))
    assert response.status_code == 200 and response.get_json()["number"] == "151"


# ---- settings that the draft does not carry: refused, or accepted with a warning -------------


def test_when_outbound_on_without_external_caller_id_then_refused_at_save(app, admin, admin_client):
    """Refused: the settings themselves are wrong, whatever the canvas holds."""
    from tests.factories_publishing import make_contact

    with app.app_context():
        made = make_contact(admin["account_id"], email="ann@example.com")
    url = f"/api/v1/contacts/{made['contact']}/call-center"
    response = admin_client.patch(
        url, json={"outbound_calling": True}, headers=_etag(admin_client, url)
    )
    assert response.status_code == 422
    assert "external_caller_id" in response.get_json()["errors"]["json"]
    assert admin_client.get(url).get_json()["outbound_calling"] is False


def test_when_internal_caller_id_is_on_no_card_then_saved_with_the_warning_publish_will_give(
    app, admin, admin_client, flow
):
    """Accepted with a warning: only the canvas can fix it, and publish names the same code."""
    from tests.factories_publishing import make_internal_number

    with app.app_context():
        ext = make_internal_number(admin["account_id"], "150")
    url = f"/api/v1/contacts/{flow['contact']}/call-center"
    response = admin_client.patch(
        url, json={"internal_caller_id": ext}, headers=_etag(admin_client, url)
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["internal_caller_id"] == ext
    assert body["live_devices"] == 0  # activated devices only; none of the two is yet
    [warning] = body["warnings"]
    assert warning["code"] == "caller_id.internal_not_placed"
    assert "150" in warning["message"]
    refused = admin_client.post(PUBLISH, json={"message": "try"})
    assert refused.status_code == 422
    assert warning["code"] in {p["code"] for p in refused.get_json()["errors"]["graph"]}


def test_when_internal_caller_id_is_on_a_card_then_saved_without_warning(admin_client, flow):
    url = f"/api/v1/contacts/{flow['contact']}/call-center"
    response = admin_client.patch(
        url, json={"caller_id_name": "Mike B."}, headers=_etag(admin_client, url)
    )
    assert response.status_code == 200
    assert response.get_json()["warnings"] == []
