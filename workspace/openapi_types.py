"""TypeScript types for the frontend, generated from the live OpenAPI document.

    python -m workspace.openapi_types            # rewrite frontend/src/api/schema.gen.ts
    python -m workspace.openapi_types --check    # exit 1 when the file is out of date

openapi-typescript would be the usual tool, but it (like typescript-eslint) builds on the
TypeScript 5 compiler API, which the TypeScript 7 of this project no longer ships; this
small renderer covers what our flask-smorest document uses. Property names are camelCased,
as frontend/src/api/client.ts delivers them. tests/api/test_openapi_types.py fails when the
checked-in file no longer matches the document, so `make test` catches a stale file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "frontend" / "src" / "api" / "schema.gen.ts"
METHODS = ("get", "post", "put", "patch", "delete")
HEADER = (
    "/**\n * Generated from /api/v1/openapi.json by `python -m workspace.openapi_types`.\n"
    " * Do not edit: change the marshmallow schemas, then regenerate.\n */\n"
)


# How apispec writes a nullable Nested field under OpenAPI 3.0: anyOf this and the $ref.
NULLABLE_REF = {"type": "object", "nullable": True}


def camel(key: str) -> str:
    return re.sub(r"(?<=[A-Za-z0-9])_([a-z0-9])", lambda m: m.group(1).upper(), key)


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", name) else json.dumps(name)


def ts_type(schema: dict, indent: str = "") -> str:
    if not schema:
        return "unknown"
    if "$ref" in schema:
        return f'Schemas["{schema["$ref"].split("/")[-1]}"]'
    nullable = " | null" if schema.get("nullable") else ""
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"]) + nullable
    for combo in ("oneOf", "anyOf", "allOf"):
        if combo in schema:
            joiner = " & " if combo == "allOf" else " | "
            parts = ["null" if s == NULLABLE_REF else ts_type(s, indent) for s in schema[combo]]
            return "(" + joiner.join(parts) + ")" + nullable
    kind = schema.get("type")
    if kind == "array":
        return f"{_wrap(ts_type(schema.get('items', {}), indent))}[]{nullable}"
    if kind in ("integer", "number"):
        return "number" + nullable
    if kind == "boolean":
        return "boolean" + nullable
    if kind == "string":
        return ("Blob" if schema.get("format") == "binary" else "string") + nullable
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        return _object(schema, indent) + nullable
    return "unknown"


def _wrap(text: str) -> str:
    return f"({text})" if "|" in text or "&" in text else text


def _object(schema: dict, indent: str) -> str:
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    if not props:
        if isinstance(extra, dict) and extra:
            return f"Record<string, {ts_type(extra, indent)}>"
        return "Record<string, unknown>"
    required = set(schema.get("required", []))
    inner = indent + "  "
    lines = [
        f"{inner}{_key(camel(name))}{'' if name in required else '?'}: {ts_type(sub, inner)};"
        for name, sub in props.items()
    ]
    return "{\n" + "\n".join(lines) + f"\n{indent}}}"


def _content_type(item: dict, doc: dict) -> str:
    if "$ref" in item:
        section, name = item["$ref"].split("/")[-2:]
        item = doc["components"][section][name]
    content = item.get("content", {})
    for mime in ("application/json", *content):
        if mime in content:
            return ts_type(content[mime].get("schema", {}), "      ")
    return "void"


def render(doc: dict) -> str:
    out = [HEADER]
    out.append("export interface Schemas {")
    for name in sorted(doc.get("components", {}).get("schemas", {})):
        out.append(f"  {_key(name)}: {ts_type(doc['components']['schemas'][name], '  ')};")
    out.append("}\n")
    out.append("/** Per path and method: the JSON body sent and the success response. */")
    out.append("export interface Paths {")
    for path in sorted(doc.get("paths", {})):
        item = doc["paths"][path]
        out.append(f"  {json.dumps(path)}: {{")
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            body = _content_type(op["requestBody"], doc) if "requestBody" in op else "never"
            ok = [c for c in sorted(op.get("responses", {})) if c.startswith("2")]
            response = _content_type(op["responses"][ok[0]], doc) if ok else "void"
            out.append(
                f"    {method}: {{\n      body: {body};\n      response: {response};\n    }};"
            )
        out.append("  };")
    out.append("}\n")
    return "\n".join(out)


def live_document() -> dict:
    import base64
    import os

    from workspace import create_app

    # The document needs no data and no real key: a throwaway one keeps this runnable anywhere.
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True, "SECRETS_KEY": key})
    return app.test_client().get("/api/v1/openapi.json").get_json()


def main(argv: list[str]) -> int:
    text = render(live_document())
    if "--check" in argv:
        current = TARGET.read_text() if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run `python -m workspace.openapi_types`", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
