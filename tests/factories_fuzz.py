"""The account the OpenAPI fuzz test (tests/api/test_openapi_fuzz.py) runs against.

One admin's account with a row behind every path parameter of the document: the guide's
Simple Call Flow (provider, SIP accounts, numbers, Mike Brown, two devices, a tab of objects
and cables) published twice, a feature code, an audio file, a recording user (delivery
method, activated device) with one uploaded recording, an API token and a device still
waiting with its activation code. Rows go through the models and the API, as in the other
factories; `seed_fuzz_account` returns plain values, so the test can build requests on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import Flask

from tests.factories import DEFAULT_PASSWORD, make_admin
from tests.factories_audio_delivery import create_audio
from tests.factories_contacts import make_feature_code
from tests.factories_devices import create_device
from tests.factories_publishing import PUBLISH, set_properties, simple_call_flow
from tests.factories_recordings import make_recording_user, upload_recording
from tests.support import ApiClient
from workspace.auth.current import CSRF_HEADER, session_cookie_name
from workspace.auth.models import Account, Admin
from workspace.auth.service import create_api_token
from workspace.device_api.recompute import config_recompute
from workspace.extensions import db
from workspace.objects.validation_push import draft_validation

FUZZ_EMAIL = "fuzz.admin@example.com"


@dataclass(frozen=True)
class FuzzSeed:
    """What a request needs to reach the seeded rows: ids by name, and credentials."""

    ids: dict[str, list[int]] = field(default_factory=dict)
    session_cookie: tuple[str, str] = ("", "")  # name, value
    csrf_token: str = ""
    device_token: str = ""
    activation_code: str = ""

    def csrf_headers(self) -> dict[str, str]:
        return {CSRF_HEADER: self.csrf_token}

    def cookies(self) -> dict[str, str]:
        return dict([self.session_cookie])

    def device_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.device_token}"}


def empty_tables(app: Flask) -> None:
    """Delete every row, identities restarting at 1, so each seeding makes the same ids."""
    # The device-config recompute runs off the request: let it finish first, or its reads
    # and the TRUNCATE's exclusive lock deadlock on PostgreSQL.
    config_recompute(app).wait_idle()
    draft_validation(app).wait_idle()  # the off-request validation reads the same tables
    with app.app_context():
        tables = db.metadata.sorted_tables
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            db.session.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                db.session.execute(table.delete())
            sequences = "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
            if db.session.execute(sa.text(sequences)).first():
                db.session.execute(sa.text("DELETE FROM sqlite_sequence"))
        db.session.commit()


def _published(api: ApiClient, message: str) -> int:
    response = api.post(PUBLISH, json={"message": message})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["number"]


def seed_fuzz_account(app: Flask) -> FuzzSeed:
    """The seeded account, logged in; call it on empty tables."""
    with app.app_context():
        admin = make_admin(email=FUZZ_EMAIL, account_name="Fuzz Co")
        account_id = admin["account_id"]
        # The wizard is off by default; on, so its endpoints get past the 403.
        db.session.get(Account, account_id).setup_wizard_enabled = True
        db.session.commit()
        flow = simple_call_flow(account_id)
        _, token_row = create_api_token(db.session.get(Admin, admin["id"]), "Fuzz automation")
        api_token_id = token_row.id
        cookie_name = session_cookie_name()
    code_id = make_feature_code(app, account_id)
    recorder = make_recording_user(app, account_id, first_name="Rita")

    client = app.test_client()
    api = ApiClient(client)
    api.login(FUZZ_EMAIL, DEFAULT_PASSWORD)
    revisions = [_published(api, "First call flow")]
    with app.app_context():
        members = [{"target": flow["o_method"], "start": 0, "duration": 20}]
        set_properties(flow["o_group"], {"members": members, "preset": "ring_all"})
    revisions.append(_published(api, "Shorter ring"))
    audio_id = create_audio(api)["id"]
    waiting = create_device(api, flow["contact"], [flow["sip_1"]], name="Desk phone")["id"]
    activation = api.get(f"/api/v1/devices/{waiting}/activation").get_json()
    uploaded = upload_recording(client, recorder.token)
    assert uploaded.status_code == 201, uploaded.get_json()

    ids = {
        "contact_id": [flow["contact"], recorder.contact_id],
        "contact_method_id": [flow["method"]],
        "delivery_method_id": [recorder.method_id],
        "device_id": [flow["laptop"], flow["phone"], waiting],
        "audio_id": [audio_id],
        "code_id": [code_id],
        "phone_number_id": [flow["phone_number"]],
        "internal_number_id": [flow["internal_number"]],
        "provider_id": [flow["provider"]],
        "sip_account_id": [flow["sip_1"], flow["sip_2"]],
        "tab_id": [flow["tab"]],
        "object_id": [flow["o_phone"], flow["o_ext"], flow["o_group"], flow["o_method"]],
        "cable_id": [flow["c_phone"], flow["c_ext"], flow["c_member"]],
        "recording_id": [uploaded.get_json()["id"]],
        "token_id": [api_token_id],
        "revision": revisions,
    }
    return FuzzSeed(
        ids=ids,
        session_cookie=(cookie_name, client.get_cookie(cookie_name).value),
        csrf_token=api.csrf or "",
        device_token=recorder.token,
        activation_code=activation["code"],
    )
