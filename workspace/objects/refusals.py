"""The 422 refusals of the workspace editor, in the project's one error shape.

A refusal that breaks a workspace rule names the field under ``errors.json`` and the rule's
stable code under ``errors.rule`` (also ``errors.code_name``), e.g.
``{"json": {"target_port": ["..."]}, "rule": "cable.illegal_port_pair"}``: clients and tests
key on the code, never on the wording.
"""

from __future__ import annotations

from typing import Any

from workspace.errors import FieldErrors, ServiceError

__all__ = ["InvalidProperties", "rule_error"]


def rule_error(field: str, message: str, rule: str) -> FieldErrors:
    exc = FieldErrors({field: message})
    assert exc.errors is not None
    exc.errors.update({"rule": rule, "code_name": rule})
    return exc


class InvalidProperties(ServiceError):
    """422 with the type schema's messages under ``errors.json.properties.<field>``."""

    status_code = 422

    def __init__(self, messages: dict[str, Any]) -> None:
        field = next(iter(messages), "")
        super().__init__(
            f"properties.{field}: {_first(messages.get(field))}"
            if field
            else "Invalid properties.",
            {"json": {"properties": messages}},
        )


def _first(value: Any) -> str:
    while isinstance(value, (list, dict)) and value:
        value = value[0] if isinstance(value, list) else next(iter(value.values()))
    return str(value) if value else "Invalid value."
