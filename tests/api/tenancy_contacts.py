"""Tenancy cases for contacts, their call.center settings and their contact methods.

The sub-resources hang under a contact, so their cases create a contact, list
/api/v1/contacts (where the contact must stay visible to A only), and point the item
methods at the contact's sub-resource.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.api.tenancy_cases import TenantResource
from tests.factories_contacts import CONTACTS, create_contact
from tests.support import ApiClient

# contact id -> the phone method created for it (item_url needs both ids).
_PHONE_METHOD_OF: dict[int, int] = {}


def _create_contact(api: ApiClient) -> int:
    return create_contact(api)["id"]


def _create_contact_with_phone(api: ApiClient) -> int:
    contact_id = _create_contact(api)
    body = {"kind": "phone", "number": "+14155550100", "number_type": "mobile"}
    response = api.post(f"{CONTACTS}/{contact_id}/methods", json=body)
    assert response.status_code == 201, response.get_json()
    _PHONE_METHOD_OF[contact_id] = response.get_json()["id"]
    return contact_id


@dataclass(frozen=True)
class _PhoneMethodItem(TenantResource):
    def item_url(self, item_id: int) -> str:
        return f"{CONTACTS}/{item_id}/methods/{_PHONE_METHOD_OF[item_id]}"


CASES = [
    TenantResource(
        "contacts",
        CONTACTS,
        _create_contact,
        item_methods=("GET", "PATCH", "DELETE"),
        body=lambda: {"first_name": "Changed"},
    ),
    TenantResource(
        "contact_call_center",
        CONTACTS,
        _create_contact,
        item_methods=("GET", "PATCH"),
        body=lambda: {"caller_id_name": "Changed"},
        item_path="{collection}/{id}/call-center",
    ),
    TenantResource(
        "contact_methods_list",
        CONTACTS,
        _create_contact,
        item_methods=("GET",),
        item_path="{collection}/{id}/methods",
    ),
    _PhoneMethodItem(
        "contact_method",
        CONTACTS,
        _create_contact_with_phone,
        item_methods=("GET", "PATCH", "DELETE"),
        body=lambda: {"number_type": "landline"},
    ),
]
