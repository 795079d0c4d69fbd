"""GET /api/v1/object-types: the catalogue the canvas draws its palette and rules from."""

from __future__ import annotations

from workspace.objects.objects_service import REFERENCE_MODELS
from workspace.objects.types import REGISTRY, catalogue

URL = "/api/v1/object-types"


def test_when_not_logged_in_then_401(client):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.get_json()["code"] == 401


def test_when_logged_in_then_the_catalogue_is_served_whole_and_in_palette_order(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] == len(REGISTRY)
    assert body["items"] == catalogue()
    assert [t["type"] for t in body["items"]] == [
        "phone_number",
        "internal_number",
        "time_router",
        "caller_router",
        "blacklist",
        "ring_group",
        "contact_method",
        "forward",
    ]


def test_when_catalogue_read_then_ports_carry_the_connection_rules(admin_client):
    types = {t["type"]: t for t in admin_client.get(URL).get_json()["items"]}
    ring_ports = {(p["direction"], p["name"]): p for p in types["ring_group"]["ports"]}
    assert ring_ports[("out", "no_answer")]["max_cables"] == 1
    assert ring_ports[("out", "no_answer")]["warning"] is True
    assert ring_ports[("out", "members")]["max_cables"] is None
    assert ring_ports[("out", "members")]["signal"] == "member"
    assert ring_ports[("in", "calls")]["accepts"] == ["call"]
    assert types["contact_method"]["ports"] == [
        {
            "name": "calls",
            "direction": "in",
            "label": "Calls",
            "max_cables": None,
            "signal": None,
            "accepts": ["call", "member"],
            "warning": False,
            "tone": None,
        }
    ]
    assert types["ring_group"]["defaults"] == {"members": [], "preset": "ring_all"}
    assert types["phone_number"]["default_name_prefix"] == "Phone Number"


def test_every_reference_of_every_type_is_checked_against_an_inventory_table():
    collections = {ref.collection for kind in REGISTRY.values() for ref in kind.references}
    assert collections <= set(REFERENCE_MODELS), collections - set(REFERENCE_MODELS)
