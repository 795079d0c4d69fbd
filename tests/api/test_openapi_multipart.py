"""Uploads document their form fields inside the multipart body, as OpenAPI 3 requires."""

from __future__ import annotations


def _document(client) -> dict:
    return client.get("/api/v1/openapi.json").get_json()


def test_when_any_operation_is_documented_then_no_parameter_is_in_form_data(client):
    document = _document(client)
    misplaced = [
        (path, method, parameter["name"])
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict)
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "formData"
    ]
    assert misplaced == []


def test_when_a_device_uploads_a_recording_then_its_fields_and_file_share_the_body(client):
    body = _document(client)["paths"]["/device/v1/recordings"]["post"]["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    fields = set(schema["properties"])
    assert {"file", "direction", "scope", "remote_number", "started_at"} <= fields
    assert schema["properties"]["file"] == {"type": "string", "format": "binary"}
    assert {"file", "direction", "scope", "remote_number"} <= set(schema["required"])


def test_when_an_audio_file_is_uploaded_then_its_name_is_a_body_field(client):
    body = _document(client)["paths"]["/api/v1/audio-files"]["post"]["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    assert set(schema["properties"]) == {"name", "file"}
    assert schema["required"] == ["file"]
