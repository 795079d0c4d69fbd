"""No input produces a 500 (DESIGN 7 and 9): malformed JSON, NUL bytes, integers beyond
64 bits and odd If-Match headers each get a 4xx in the one error shape, and write nothing.
"""

from __future__ import annotations

import re

import pytest

from tests.factories_publishing import make_tab, simple_call_flow
from tests.support import assert_error, etag, row_counts

DEEP = "[" * 100_000 + "]" * 100_000
TOO_BIG = 2**63  # one past the largest signed 64-bit integer
MANY_DIGITS = "9" * 5000  # past Python's int() limit of 4300 digits

# Bodies that Python's json module accepts (or chokes on with something other than a
# ValueError) but that are not JSON anything downstream can take.
MALFORMED = {
    "deep_nesting": DEEP,
    "lone_surrogate_escape": '{"name": "\\ud800", "email": "\\udfff"}',
    "lone_surrogate_bytes": b'{"name": "\xed\xa0\x80"}',
    "nan": '{"name": NaN, "position": Infinity}',
    "thousands_of_digits": '{"position": ' + MANY_DIGITS + "}",
}

PAGED_LISTS = [
    "/api/v1/contacts",
    "/api/v1/providers",
    "/api/v1/sip-accounts",
    "/api/v1/numbers/phone",
    "/api/v1/numbers/internal",
    "/api/v1/devices",
    "/api/v1/feature-codes",
    "/api/v1/audio-files",
    "/api/v1/delivery-methods",
    "/api/v1/recordings",
    "/api/v1/calls",
    "/api/v1/revisions",
    "/api/v1/objects",
    "/api/v1/cables",
]


def json_operations(client) -> list[tuple[str, str]]:
    """(method, url) of every documented operation with a JSON body, path ids set to 1."""
    doc = client.get("/api/v1/openapi.json").get_json()
    found = []
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method == "parameters":  # the path's own, not an operation
                continue
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                found.append((method.upper(), re.sub(r"{[^}]+}", "1", path)))
    return found


def send_raw(client, method: str, url: str, data, headers: dict | None = None):
    headers = {"Content-Type": "application/json", **(headers or {})}
    return client.open(url, method=method, data=data, headers=headers)


# --- malformed JSON: 400 ------------------------------------------------------------------


@pytest.mark.parametrize("kind", MALFORMED)
def test_when_json_body_malformed_then_400_on_every_json_endpoint(app, admin_client, kind):
    operations = json_operations(admin_client)
    assert len(operations) > 40  # the whole API, not an empty walk
    before = row_counts(app)
    for method, url in operations:
        response = send_raw(
            admin_client.client, method, url, MALFORMED[kind], {"X-CSRF-Token": admin_client.csrf}
        )
        assert response.status_code == 400, (method, url, response.get_json())
        assert_error(response, 400, "json", None)
    assert row_counts(app) == before


@pytest.mark.parametrize("kind", MALFORMED)
@pytest.mark.parametrize(
    "url", ["/api/v1/auth/login", "/api/v1/auth/register", "/device/v1/activate"]
)
def test_when_anonymous_json_malformed_then_400_and_nothing_written(app, client, url, kind):
    before = row_counts(app)
    assert_error(send_raw(client.client, "POST", url, MALFORMED[kind]), 400)
    assert row_counts(app) == before


# --- NUL bytes: 422 naming the field ------------------------------------------------------


def test_when_login_email_has_nul_then_422_naming_it(app, client, admin):
    before = row_counts(app)
    response = client.post(
        "/api/v1/auth/login", json={"email": "alice@example.com\x00", "password": "x"}
    )
    assert_error(response, 422, "json", "email")
    assert row_counts(app) == before


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/tabs", {"name": "Sa\x00les"}, "name"),
        ("/api/v1/workspace/publish", {"message": "first\x00"}, "message"),
        ("/api/v1/auth/tokens", {"name": "ci\x00"}, "name"),
        ("/api/v1/simulate", {"number": "+1415\x00", "source": "draft"}, "number"),
        (
            "/api/v1/contacts",
            {"first_name": "Mi\x00ke", "last_name": "B", "emails": []},
            "first_name",
        ),
    ],
)
def test_when_text_field_has_nul_then_422_naming_it_and_nothing_written(
    app, admin_client, url, body, field
):
    before = row_counts(app)
    assert_error(admin_client.post(url, json=body), 422, "json", field)
    assert row_counts(app) == before


def _nul_in_import(document: dict, where: str) -> dict:
    if where == "tab_name":
        document["tabs"][0]["name"] += "\x00"
    else:  # a free-form property: the phone number object's number, a natural key
        phone = next(o for o in document["objects"] if o["type"] == "phone_number")
        phone["properties"]["number"] += "\x00"
    return document


@pytest.mark.parametrize(("where", "field"), [("tab_name", "tabs"), ("property", "objects")])
def test_when_imported_document_has_nul_then_422_naming_its_place(
    app, admin, admin_client, where, field
):
    with app.app_context():
        simple_call_flow(admin["account_id"])
    document = admin_client.get("/api/v1/workspace/export").get_json()
    before = row_counts(app)
    body = {"document": _nul_in_import(document, where), "mode": "replace"}
    response = admin_client.post("/api/v1/workspace/import", json=body)
    assert field in assert_error(response, 422, "json", "document")["errors"]["json"]["document"]
    assert row_counts(app) == before


def test_when_tab_renamed_with_nul_then_422_and_name_kept(app, admin, admin_client):
    with app.app_context():
        tab = make_tab(admin["account_id"])
    response = admin_client.patch(f"/api/v1/tabs/{tab}", json={"name": "\x00"}, headers=etag(1))
    assert_error(response, 422, "json", "name")
    assert admin_client.get(f"/api/v1/tabs/{tab}").get_json()["name"] == "Main"


@pytest.mark.parametrize("url", [url for url in PAGED_LISTS if url != "/api/v1/cables"])
def test_when_query_text_has_nul_then_422_naming_it(admin_client, url):
    assert_error(admin_client.get(f"{url}?q=a%00b"), 422, "query", "q")


# --- integers beyond 64 bits --------------------------------------------------------------


@pytest.mark.parametrize("url", PAGED_LISTS)
@pytest.mark.parametrize("page", [TOO_BIG, 2**62, MANY_DIGITS])
def test_when_page_beyond_range_then_422_naming_page(admin_client, url, page):
    assert_error(admin_client.get(f"{url}?page={page}"), 422, "query", "page")


@pytest.mark.parametrize("number", [2**31, TOO_BIG, MANY_DIGITS])  # ids are 32-bit columns
@pytest.mark.parametrize(
    ("method", "template"),
    [
        ("GET", "/api/v1/revisions/{n}"),
        ("GET", "/api/v1/revisions/{n}/plan"),
        ("GET", "/api/v1/revisions/{n}/diff/1"),
        ("GET", "/api/v1/revisions/1/diff/{n}"),
        ("POST", "/api/v1/revisions/{n}/rollback"),
        ("GET", "/api/v1/contacts/{n}"),
        ("PATCH", "/api/v1/contacts/{n}"),
        ("DELETE", "/api/v1/tabs/{n}"),
    ],
)
def test_when_path_id_beyond_64_bits_then_404(app, admin, admin_client, method, template, number):
    with app.app_context():
        simple_call_flow(admin["account_id"])
    assert admin_client.post("/api/v1/workspace/publish", json={"message": "v1"}).status_code == 201
    before = row_counts(app)
    url = template.format(n=number)
    response = admin_client.client.open(
        url, method=method, json={}, headers={"X-CSRF-Token": admin_client.csrf, **etag(1)}
    )
    assert_error(response, 404)
    assert row_counts(app) == before


@pytest.mark.parametrize("value", [TOO_BIG, -TOO_BIG - 1])
@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/tabs", {"name": "Sales", "position": None}, "position"),
        ("/api/v1/sip-accounts", {"provider_id": None, "username": "1001"}, "provider_id"),
        (
            "/api/v1/devices",
            {"contact_id": None, "name": "x", "sip_account_ids": [1]},
            "contact_id",
        ),
    ],
)
def test_when_body_integer_beyond_64_bits_then_422_naming_it(
    app, admin_client, url, body, field, value
):
    before = row_counts(app)
    response = admin_client.post(url, json=body | {field: value})
    assert_error(response, 422, "json", field)
    assert row_counts(app) == before


# --- If-Match that cannot be a version: 412 -----------------------------------------------


@pytest.mark.parametrize(
    "header", [f'"{TOO_BIG}"', f'W/"{TOO_BIG}"', f'"{MANY_DIGITS}"', MANY_DIGITS, '"-1"']
)
def test_when_if_match_not_a_possible_version_then_412_and_nothing_changed(
    app, admin, admin_client, header
):
    with app.app_context():
        tab = make_tab(admin["account_id"])
    response = admin_client.patch(
        f"/api/v1/tabs/{tab}", json={"name": "Sales"}, headers={"If-Match": header}
    )
    assert_error(response, 412)
    assert admin_client.get(f"/api/v1/tabs/{tab}").get_json()["name"] == "Main"
