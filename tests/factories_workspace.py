"""Builders for the workspace editor's tests: inventory rows through the models, and the
workspace itself through the API (so every test exercises the same path the canvas does)."""

from __future__ import annotations

from typing import Any

from tests.factories import DEFAULT_PASSWORD
from tests.support import ApiClient
from workspace.auth.models import Admin
from workspace.contact_center.contacts.models import (
    CallCenterSettings,
    Contact,
    ContactEmail,
    ContactMethod,
)
from workspace.contact_center.numbers.models import InternalNumber, PhoneNumber
from workspace.database import utcnow
from workspace.extensions import db
from workspace.objects.models import Cable, Tab, WorkspaceObject
from workspace.security import hash_password

TABS = "/api/v1/tabs"
OBJECTS = "/api/v1/objects"
CABLES = "/api/v1/cables"
STATE = "/api/v1/workspace/state"


# ---- rows made directly (run inside app.app_context()) ----


def make_colleague(account_id: int, *, email: str, first_name: str = "Carol") -> dict:
    """A second confirmed admin in an existing account."""
    now = utcnow()
    admin = Admin(
        account_id=account_id,
        email=email,
        password_hash=hash_password(DEFAULT_PASSWORD),
        first_name=first_name,
        last_name="Colleague",
        phone_number="",
        country="US",
        terms_accepted_at=now,
        privacy_accepted_at=now,
        confirmed_at=now,
    )
    db.session.add(admin)
    db.session.commit()
    return {"id": admin.id, "email": admin.email, "account_id": account_id}


def make_phone_number(account_id: int, number: str = "+14155550100") -> int:
    row = PhoneNumber(account_id=account_id, number=number)
    db.session.add(row)
    db.session.commit()
    return row.id


def make_internal_number(account_id: int, number: str = "101") -> int:
    row = InternalNumber(account_id=account_id, number=number)
    db.session.add(row)
    db.session.commit()
    return row.id


def make_call_center_method(account_id: int, first: str = "Mike", last: str = "Brown") -> int:
    """A contact with its call.center contact method and default settings; the method id."""
    contact = Contact(account_id=account_id, first_name=first, last_name=last)
    contact.emails.append(ContactEmail(address=f"{first.lower()}@example.com", label="work"))
    method = ContactMethod(account_id=account_id, contact=contact, kind="call_center")
    method.call_center = CallCenterSettings()
    db.session.add_all([contact, method])
    db.session.commit()
    return method.id


def count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def counts() -> dict[str, int]:
    return {"tabs": count(Tab), "objects": count(WorkspaceObject), "cables": count(Cable)}


# ---- the workspace through the API ----


def draft_version(api: ApiClient) -> int:
    response = api.get(STATE)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["draft_version"]


def new_tab(api: ApiClient, name: str | None = None, **extra: Any) -> dict:
    body = {**({"name": name} if name is not None else {}), **extra}
    response = api.post(TABS, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def new_object(
    api: ApiClient,
    tab_id: int,
    type: str = "ring_group",
    *,
    x: float = 0,
    y: float = 0,
    **extra: Any,
) -> dict:
    body = {"tab_id": tab_id, "type": type, "position": {"x": x, "y": y}, **extra}
    response = api.post(OBJECTS, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def new_cable(api: ApiClient, source: int, source_port: str, target: int, target_port: str):
    response = api.post(
        CABLES,
        json={
            "source": source,
            "source_port": source_port,
            "target": target,
            "target_port": target_port,
        },
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def if_match(item: dict) -> dict[str, str]:
    return {"If-Match": f'"{item["version"]}"'}
