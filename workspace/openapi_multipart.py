"""OpenAPI 3 has no `formData` parameters: put a multipart upload's form fields in its body.

An upload view reads its form fields and its file with two `@blp.arguments` (locations "form"
and "files"); flask-smorest documents the second as the multipart request body and the first
as `in: formData` parameters, an OpenAPI 2 notion that OpenAPI 3 tools ignore (schemathesis
never sent the fields, a generated client would not either). This plugin, run after the
marshmallow plugin has expanded them, moves those fields into the multipart body's schema:
one object with the file part's properties and the form's (not an allOf: the file schema
forbids additional properties, so an allOf of the two could never be satisfied).
"""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin

MULTIPART = "multipart/form-data"


class MultipartFormPlugin(BasePlugin):
    def init_spec(self, spec: APISpec) -> None:
        self.spec = spec

    def operation_helper(self, path: str | None = None, operations: Any = None, **kwargs) -> None:
        for operation in (operations or {}).values():
            if isinstance(operation, dict):
                _move_form_fields(operation, self._resolve)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref", "")
        if not ref:
            return schema
        return self.spec.components.schemas[ref.rsplit("/", 1)[-1]]


def _move_form_fields(operation: dict[str, Any], resolve) -> None:
    parameters = operation.get("parameters") or []
    form = [p for p in parameters if isinstance(p, dict) and p.get("in") == "formData"]
    if not form:
        return
    operation["parameters"] = [p for p in parameters if p not in form]
    if not operation["parameters"]:
        del operation["parameters"]
    body = operation.setdefault("requestBody", {"required": True, "content": {}})
    media = body.setdefault("content", {}).setdefault(MULTIPART, {})
    files = resolve(media.get("schema") or {"type": "object"})
    merged = {
        **files,
        "type": "object",
        "properties": {**files.get("properties", {}), **{p["name"]: _described(p) for p in form}},
    }
    required = [*files.get("required", []), *(p["name"] for p in form if p.get("required"))]
    if required:
        merged["required"] = list(dict.fromkeys(required))
    media["schema"] = merged


def _described(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = dict(parameter.get("schema", {}))
    if parameter.get("description") and "description" not in schema:
        schema["description"] = parameter["description"]
    return schema
