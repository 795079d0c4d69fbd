"""Phone Number: an entry where calls to one of the account's DIDs (E.164) arrive."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.objects.types._common import PropertiesSchema, entry_type, row_id

__all__ = ["TYPE", "PhoneNumberProperties", "inbound"]


class PhoneNumberProperties(PropertiesSchema):
    """``{"number": <phone number inventory id> | None}``."""

    number = row_id()


def inbound(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> str:
    """Return the plan's inbound key: the number in E.164 (``"+14155550100"``)."""
    number: str = facts["phone_numbers"][G.nodes[node]["properties"]["number"]]["number"]
    return number


TYPE = entry_type(
    name="phone_number",
    display_name="Phone Number",
    icon="phone",
    color="#2563eb",
    collection="phone_numbers",
    label="phone number",
    schema=PhoneNumberProperties(),
    inbound=inbound,
)
