"""Admin B of another account gets 404 on A's items and never sees them in lists."""

from __future__ import annotations

import pytest

from tests.api.tenancy_cases import RESOURCES, TenantResource

CASES = [(r, m) for r in RESOURCES for m in r.item_methods]


def _items(response) -> list[dict]:
    body = response.get_json()
    return body["items"] if isinstance(body, dict) else body


@pytest.mark.parametrize(("resource", "method"), CASES, ids=[f"{r.name}-{m}" for r, m in CASES])
def test_when_other_account_touches_item_then_404_and_item_untouched(
    admin_client, other_client, resource: TenantResource, method: str
):
    item_id = resource.create(admin_client)
    url = resource.item_url(item_id)
    headers = {"If-Match": '"1"'}
    send = {
        "GET": lambda: other_client.get(url),
        "PATCH": lambda: other_client.patch(url, json=resource.body(), headers=headers),
        "PUT": lambda: other_client.put(url, json=resource.body(), headers=headers),
        "DELETE": lambda: other_client.delete(url, headers=headers),
    }[method]
    response = send()
    assert response.status_code == 404, (resource.name, method, response.get_json())
    assert response.get_json()["code"] == 404
    mine = [item["id"] for item in _items(admin_client.get(resource.collection))]
    assert item_id in mine


@pytest.mark.parametrize("resource", RESOURCES, ids=[r.name for r in RESOURCES])
def test_when_other_account_lists_then_items_of_a_are_absent(
    admin_client, other_client, resource: TenantResource
):
    item_id = resource.create(admin_client)
    listed = other_client.get(resource.collection)
    assert listed.status_code == 200
    assert item_id not in [item["id"] for item in _items(listed)]
