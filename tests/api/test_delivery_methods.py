"""/api/v1/delivery-methods: per-type settings, write-only encrypted secrets, safe deletes."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.factories_audio_delivery import (
    DELIVERY,
    count_rows,
    create_delivery,
    etag,
    make_call_center_user,
    settings_for,
)
from workspace.contact_center.delivery_methods.models import TYPES, DeliveryMethod
from workspace.extensions import db
from workspace.secrets_key import decrypt

SECRETS = {
    "email": [],
    "ftp": ["password"],
    "sftp": ["password", "private_key"],
    "dropbox": ["access_token", "app_secret", "refresh_token"],
    "google_drive": ["client_secret", "refresh_token"],
    "onedrive": ["client_secret", "refresh_token"],
}
REQUIRED = [
    ("email", "addresses"),
    ("ftp", "host"),
    ("ftp", "username"),
    ("ftp", "password"),
    ("sftp", "host"),
    ("sftp", "username"),
    ("sftp", "host_key"),
    ("dropbox", "access_token"),
    ("dropbox", "app_key"),
    ("google_drive", "client_id"),
    ("google_drive", "client_secret"),
    ("google_drive", "refresh_token"),
    ("onedrive", "client_id"),
    ("onedrive", "client_secret"),
    ("onedrive", "refresh_token"),
]


def body(type_: str = "ftp", name: str = "Recordings", **settings) -> dict:
    return {"name": name, "type": type_, "settings": settings_for(type_) | settings}


def without(type_: str, *fields: str) -> dict:
    settings = {k: v for k, v in settings_for(type_).items() if k not in fields}
    return {"name": "Recordings", "type": type_, "settings": settings}


def settings_errors(response) -> dict:
    return response.get_json()["errors"]["json"]["settings"]


def raw_rows(app) -> str:
    """Everything the table holds, as stored (no ORM types in between)."""
    with app.app_context():
        rows = db.session.execute(sa.text("SELECT * FROM delivery_methods")).all()
        return json.dumps([[str(value) for value in row] for row in rows])


def assert_no_canary(*texts: str) -> None:
    for text in texts:
        assert "CANARY" not in text
        assert "PRIVATE KEY" not in text


def exposed(response) -> str:
    return response.get_data(as_text=True) + str(response.headers)


# --- refusals ----------------------------------------------------------------------------------


def test_when_not_logged_in_then_401_and_nothing_written(app, client):
    assert client.get(DELIVERY).status_code == 401
    assert client.post(DELIVERY, json=body()).status_code == 401
    assert count_rows(app, DeliveryMethod) == 0


@pytest.mark.parametrize("field", ["name", "type", "settings"])
def test_when_top_level_field_missing_then_422_naming_it(app, admin_client, field):
    data = body()
    del data[field]
    response = admin_client.post(DELIVERY, json=data)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    assert count_rows(app, DeliveryMethod) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"type": "fax"}, "type"),
        ({"type": 3}, "type"),
        ({"name": ""}, "name"),
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"settings": "ftp://x"}, "settings"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_when_top_level_field_invalid_then_422_naming_it(app, admin_client, change, field):
    response = admin_client.post(DELIVERY, json=body() | change)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]
    assert count_rows(app, DeliveryMethod) == 0


@pytest.mark.parametrize(("type_", "field"), REQUIRED, ids=[f"{t}-{f}" for t, f in REQUIRED])
def test_when_required_setting_missing_then_422_naming_it(app, admin_client, type_, field):
    response = admin_client.post(DELIVERY, json=without(type_, field))
    assert response.status_code == 422
    assert field in settings_errors(response)
    assert_no_canary(exposed(response))
    assert count_rows(app, DeliveryMethod) == 0


def test_when_sftp_has_neither_password_nor_private_key_then_422(app, admin_client):
    response = admin_client.post(DELIVERY, json=without("sftp", "password", "private_key"))
    assert response.status_code == 422
    assert settings_errors(response) == {"password": ["Give a password or a private key."]}
    assert count_rows(app, DeliveryMethod) == 0


def _encrypted_key() -> str:
    return (
        ed25519.Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"passphrase"),
        )
        .decode()
    )


INVALID = [
    ("email", {"addresses": []}, "addresses"),
    ("email", {"addresses": [f"u{i}@example.com" for i in range(11)]}, "addresses"),
    ("email", {"addresses": ["not-an-email"]}, "addresses"),
    ("email", {"addresses": ["a@example.com", "A@example.com"]}, "addresses"),
    ("email", {"addresses": "a@example.com"}, "addresses"),
    ("ftp", {"host": "not a host!"}, "host"),
    ("ftp", {"host": "10.0.0.300"}, "host"),
    ("ftp", {"host": "-bad-.example.com"}, "host"),
    ("ftp", {"port": 0}, "port"),
    ("ftp", {"port": 65536}, "port"),
    ("ftp", {"port": "21"}, "port"),
    ("ftp", {"tls": "maybe"}, "tls"),
    ("ftp", {"folder": "/rec\x00"}, "folder"),
    ("ftp", {"username": ""}, "username"),
    ("ftp", {"password": ""}, "password"),
    ("ftp", {"password": "x" * 4097}, "password"),
    ("ftp", {"private_key": "CANARY-not-an-ftp-field"}, "private_key"),
    ("sftp", {"host_key": "garbage"}, "host_key"),
    ("sftp", {"host_key": "ssh-ed25519 AAAAnotbase64!!"}, "host_key"),
    ("sftp", {"private_key": "CANARY-not-a-key"}, "private_key"),
    ("sftp", {"private_key": _encrypted_key()}, "private_key"),
    ("sftp", {"port": -1}, "port"),
    ("dropbox", {"app_key": "  "}, "app_key"),
    ("google_drive", {"folder_id": "a/b"}, "folder_id"),
    ("onedrive", {"tenant": "bad tenant"}, "tenant"),
]


@pytest.mark.parametrize(
    ("type_", "change", "field"),
    INVALID,
    ids=[f"{t}-{f}-{i}" for i, (t, _, f) in enumerate(INVALID)],
)
def test_when_setting_invalid_then_422_naming_it_without_echoing_secrets(
    app, admin_client, type_, change, field
):
    response = admin_client.post(DELIVERY, json=body(type_, **change))
    assert response.status_code == 422, response.get_json()
    assert field in settings_errors(response)
    assert_no_canary(exposed(response))
    assert count_rows(app, DeliveryMethod) == 0


def test_when_item_unknown_then_404(admin_client):
    assert admin_client.get(f"{DELIVERY}/999").status_code == 404
    patched = admin_client.patch(f"{DELIVERY}/999", json={"name": "x"}, headers=etag(1))
    assert patched.status_code == 404
    assert admin_client.delete(f"{DELIVERY}/999", headers=etag(1)).status_code == 404


def test_when_if_match_missing_then_428_and_stale_then_412_and_unchanged(admin_client):
    item = create_delivery(admin_client)
    url = f"{DELIVERY}/{item['id']}"
    assert admin_client.patch(url, json={"name": "New"}).status_code == 428
    assert admin_client.patch(url, json={"name": "New"}, headers=etag(9)).status_code == 412
    assert admin_client.delete(url).status_code == 428
    assert admin_client.delete(url, headers=etag(9)).status_code == 412
    after = admin_client.get(url).get_json()
    assert (after["name"], after["version"]) == ("Recordings", 1)


def test_when_patch_changes_type_then_422_and_unchanged(admin_client):
    item = create_delivery(admin_client, "ftp")
    url = f"{DELIVERY}/{item['id']}"
    response = admin_client.patch(
        url, json={"type": "email", "settings": settings_for("email")}, headers=etag(1)
    )
    assert response.status_code == 422
    assert "type" in response.get_json()["errors"]["json"]
    assert admin_client.get(url).get_json() == item


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"host": "bad host"}, "host"),
        ({"password": None}, "password"),
        ({"username": None}, "username"),
        ({"addresses": ["x@example.com"]}, "addresses"),
        ({"port": 99999}, "port"),
    ],
)
def test_when_patch_settings_invalid_then_422_naming_it_and_unchanged(
    app, admin_client, settings, field
):
    item = create_delivery(admin_client, "ftp")
    url = f"{DELIVERY}/{item['id']}"
    before = raw_rows(app)
    response = admin_client.patch(url, json={"settings": settings}, headers=etag(1))
    assert response.status_code == 422
    assert field in settings_errors(response)
    assert response.get_json()["message"].startswith(f"settings.{field}: ")
    assert raw_rows(app) == before


def test_when_patch_clears_both_sftp_secrets_then_422_and_unchanged(app, admin_client):
    item = create_delivery(admin_client, "sftp")
    before = raw_rows(app)
    response = admin_client.patch(
        f"{DELIVERY}/{item['id']}",
        json={"settings": {"password": None, "private_key": None}},
        headers=etag(1),
    )
    assert response.status_code == 422
    assert "password" in settings_errors(response)
    assert raw_rows(app) == before


def test_when_call_center_settings_use_it_then_delete_is_409_naming_contacts(
    app, admin_client, admin
):
    item = create_delivery(admin_client)
    account = admin["account_id"]
    ann = make_call_center_user(app, account, "Ann", "Lee", delivery_method_id=item["id"])
    make_call_center_user(app, account, "Cy", "Free")
    response = admin_client.delete(f"{DELIVERY}/{item['id']}", headers=etag(1))
    assert response.status_code == 409
    answer = response.get_json()
    assert "Ann Lee" in answer["message"] and "Cy Free" not in answer["message"]
    assert answer["errors"]["used_by"] == [{"type": "contact", "id": ann, "name": "Ann Lee"}]
    assert count_rows(app, DeliveryMethod) == 1


# --- success -----------------------------------------------------------------------------------


@pytest.mark.parametrize("type_", TYPES)
def test_when_created_then_secrets_are_write_only_and_encrypted_one_by_one(
    app, admin_client, admin, type_
):
    sent = settings_for(type_)
    created = admin_client.post(DELIVERY, json={"name": "Rec", "type": type_, "settings": sent})
    assert created.status_code == 201, created.get_json()
    assert created.headers["ETag"] == '"1"'
    item = created.get_json()
    assert (item["type"], item["version"], item["secrets_set"]) == (type_, 1, SECRETS[type_])
    assert set(item["settings"]).isdisjoint(SECRETS[type_])
    for field, value in sent.items():
        if field not in SECRETS[type_]:
            assert item["settings"][field] == value
    got = admin_client.get(f"{DELIVERY}/{item['id']}")
    listed = admin_client.get(DELIVERY)
    assert got.get_json() == item
    assert_no_canary(exposed(created), exposed(got), exposed(listed), raw_rows(app))
    with app.app_context():
        row = db.session.get(DeliveryMethod, item["id"])
        for field in SECRETS[type_]:
            where = {"account_id": admin["account_id"], "table": "delivery_methods"}
            plain = decrypt(row.secrets[field], row_id=row.id, field=field, **where)
            assert plain == sent[field]


def test_when_optional_settings_omitted_then_defaults_apply(admin_client):
    ftp = create_delivery(admin_client, "ftp")["settings"]
    assert (ftp["port"], ftp["folder"], ftp["tls"]) == (21, "/", True)
    sftp = create_delivery(admin_client, "sftp")["settings"]
    assert (sftp["port"], sftp["folder"]) == (22, ".")
    assert create_delivery(admin_client, "onedrive")["settings"]["tenant"] == "common"
    assert create_delivery(admin_client, "dropbox")["settings"]["folder"] == "/"
    host = create_delivery(admin_client, "ftp", host="FTP.Example.COM")["settings"]["host"]
    assert host == "ftp.example.com"


def test_when_sftp_has_only_a_private_key_then_created(admin_client):
    item = create_delivery(admin_client, "sftp", password=None)
    assert item["secrets_set"] == ["private_key"]


def test_when_patch_omits_a_secret_then_it_is_kept(app, admin_client):
    item = create_delivery(admin_client, "ftp")
    url = f"{DELIVERY}/{item['id']}"
    with app.app_context():
        sealed = db.session.get(DeliveryMethod, item["id"]).secrets["password"]
    response = admin_client.patch(url, json={"settings": {"port": 2121}}, headers=etag(1))
    assert response.status_code == 200, response.get_json()
    patched = response.get_json()
    assert response.headers["ETag"] == '"2"'
    assert patched["settings"]["port"] == 2121
    assert patched["settings"]["host"] == "ftp.example.com"  # merged, not replaced
    assert patched["secrets_set"] == ["password"]
    with app.app_context():
        assert db.session.get(DeliveryMethod, item["id"]).secrets["password"] == sealed


def test_when_patch_sends_a_secret_then_replaced_and_null_clears_an_optional_one(
    app, admin_client, admin
):
    item = create_delivery(admin_client, "dropbox")
    url = f"{DELIVERY}/{item['id']}"
    change = {"access_token": "CANARY-new-access", "refresh_token": None, "folder": None}
    response = admin_client.patch(url, json={"name": "Box", "settings": change}, headers=etag(1))
    assert response.status_code == 200, response.get_json()
    patched = response.get_json()
    assert patched["name"] == "Box"
    assert patched["secrets_set"] == ["access_token", "app_secret"]
    assert patched["settings"]["folder"] == "/"  # null resets a plain setting to its default
    assert_no_canary(exposed(response), raw_rows(app))
    with app.app_context():
        row = db.session.get(DeliveryMethod, item["id"])
        plain = decrypt(
            row.secrets["access_token"],
            account_id=admin["account_id"],
            table="delivery_methods",
            row_id=row.id,
            field="access_token",
        )
        assert plain == "CANARY-new-access"


def test_when_patch_repeats_the_same_type_then_accepted(admin_client):
    item = create_delivery(admin_client, "email")
    response = admin_client.patch(
        f"{DELIVERY}/{item['id']}",
        json={"type": "email", "settings": {"addresses": ["only@example.com"]}},
        headers=etag(1),
    )
    assert response.status_code == 200
    assert response.get_json()["settings"] == {
        "addresses": ["only@example.com"],
        "file_name_template": None,
    }


def test_when_listing_then_sorted_by_name_with_total_and_search(admin_client):
    for name in ("Zulu", "alpha", "Mid_1"):
        create_delivery(admin_client, "email", name=name)
    listed = admin_client.get(DELIVERY).get_json()
    assert listed["total"] == 3
    assert [i["name"] for i in listed["items"]] == ["alpha", "Mid_1", "Zulu"]
    found = admin_client.get(f"{DELIVERY}?q=d_1").get_json()
    assert [i["name"] for i in found["items"]] == ["Mid_1"]


def test_when_deleted_then_gone(app, admin_client):
    item = create_delivery(admin_client)
    assert admin_client.delete(f"{DELIVERY}/{item['id']}", headers=etag(1)).status_code == 204
    assert admin_client.get(f"{DELIVERY}/{item['id']}").status_code == 404
    assert count_rows(app, DeliveryMethod) == 0


@pytest.mark.parametrize(
    ("template", "says"),
    [("{when}.{ext}", "Unknown field {when}"), ("{date:%Y}", "without : or !"), ("{date", "pair")],
)
def test_when_file_name_template_is_unusable_then_422_saying_why(app, admin_client, template, says):
    response = admin_client.post(DELIVERY, json=body("ftp", file_name_template=template))
    assert response.status_code == 422, response.get_json()
    assert says in settings_errors(response)["file_name_template"][0]
    assert count_rows(app, DeliveryMethod) == 0


def test_when_file_name_template_is_given_then_it_is_kept_and_recordings_use_it(admin_client):
    template = "{contact}_{date}_{direction}.{ext}"
    created = admin_client.post(DELIVERY, json=body("ftp", file_name_template=template))
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["settings"]["file_name_template"] == template
    plain = admin_client.post(DELIVERY, json=body("email", name="Mailbox"))
    assert plain.get_json()["settings"]["file_name_template"] is None
