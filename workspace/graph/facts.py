"""Small readers of the account facts that validation hooks and the compiler share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["record_on_demand_code"]


def record_on_demand_code(facts: Mapping[str, Any]) -> str | None:
    """Return the code of the enabled ``record_on_demand`` feature code (lowest id), or None.

    Example
    -------
    >>> record_on_demand_code({"feature_codes": {
    ...     2: {"code": "*1", "purpose": "record_on_demand", "enabled": True}}})
    '*1'
    """
    for _, code in sorted((facts.get("feature_codes") or {}).items()):
        if code.get("purpose") == "record_on_demand" and code.get("enabled") and code.get("code"):
            return str(code["code"])
    return None
