"""The checked-in TypeScript API types match the live OpenAPI document."""

from __future__ import annotations

from workspace.openapi_types import TARGET, camel, render, ts_type


def test_when_schema_nullable_or_enum_then_rendered_as_union():
    assert ts_type({"type": "string", "nullable": True}) == "string | null"
    assert ts_type({"enum": ["a", "b"]}) == '"a" | "b"'
    assert ts_type({"type": "array", "items": {"$ref": "#/components/schemas/X"}}) == (
        'Schemas["X"][]'
    )
    assert camel("show_in_directory") == "showInDirectory"


def test_when_openapi_document_changes_then_checked_in_types_must_be_regenerated(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert TARGET.read_text() == render(doc), (
        "frontend/src/api/schema.gen.ts is stale: run `python -m workspace.openapi_types`"
    )
