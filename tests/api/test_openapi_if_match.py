"""The OpenAPI document declares If-Match, 412 and 428 on every operation that reads If-Match.

Which operations read it is taken from the code (views that call `if_match()`), so a new
view that forgets `@needs_if_match` fails here instead of being documented as unconditional.
"""

from __future__ import annotations

import re

import pytest

from workspace.versioning import if_match

NOT_OPERATIONS = {"HEAD", "OPTIONS"}


def _reads_if_match(view) -> bool:
    while view is not None:
        if if_match.__name__ in view.__code__.co_names:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def _resolve(doc: dict, item: dict) -> dict:
    if "$ref" in item:
        section, name = item["$ref"].split("/")[-2:]
        return doc["components"][section][name]
    return item


def _operations_reading_if_match(app) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if _reads_if_match(app.view_functions[rule.endpoint]):
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            found += [(path, method.lower()) for method in rule.methods - NOT_OPERATIONS]
    return found


def test_when_openapi_read_then_every_if_match_operation_declares_header_412_and_428(app, client):
    doc = client.get("/api/v1/openapi.json").get_json()
    operations = _operations_reading_if_match(app)
    methods = {method for _, method in operations}
    assert len(operations) >= 30 and {"patch", "delete", "post"} <= methods

    for path, method in operations:
        operation = doc["paths"][path][method]
        parameters = [_resolve(doc, p) for p in operation.get("parameters", [])]
        headers = [p for p in parameters if p["in"] == "header" and p["name"] == "If-Match"]
        assert headers and headers[0]["required"], (method, path, parameters)
        for status in ("412", "428"):
            response = _resolve(doc, operation["responses"].get(status, {"missing": True}))
            assert "content" in response, (method, path, status, operation["responses"])


@pytest.mark.parametrize("path", ["/api/v1/contacts/{contact_id}", "/api/v1/tabs/{tab_id}"])
def test_when_openapi_read_then_reads_and_creates_declare_no_if_match(client, path):
    doc = client.get("/api/v1/openapi.json").get_json()
    operation = doc["paths"][path]["get"]
    assert "412" not in operation["responses"]
    assert all(p.get("name") != "If-Match" for p in operation.get("parameters", []))
