"""Internal Number: an entry where calls to one of the account's extensions arrive.

Its validation hook also keeps feature codes and extensions apart: when one begins the other,
the PBX cannot tell which the caller is dialling.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.graph import Problem, make_problem, object_label
from workspace.objects.types._common import PropertiesSchema, entry_type, row_id

__all__ = ["TYPE", "InternalNumberProperties", "dialled", "inbound", "validate"]


class InternalNumberProperties(PropertiesSchema):
    """``{"number": <internal number inventory id> | None}``."""

    number = row_id()


def dialled(text: str) -> str:
    """Return what a caller keys in: digits, ``*`` and ``#``, without spaces or dashes.

    Example
    -------
    >>> dialled(" 10-1 "), dialled("*1")
    ('101', '*1')
    """
    return "".join(ch for ch in text if ch.isdigit() or ch in "*#")


def inbound(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> str:
    """Return the plan's inbound key: ``"ext:<digits>"``."""
    number = facts["internal_numbers"][G.nodes[node]["properties"]["number"]]["number"]
    return f"ext:{dialled(number)}"


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Report enabled feature codes whose dial string begins this extension's, or the reverse.

    Compared as dialled, symbol included, as the feature-code service does when it saves
    one: ``*1`` and ``101`` coexist. Internal numbers are digits and codes start with ``*``
    or ``#``, so today this fires only on data saved by an older or foreign rule (an import);
    it stays so the engine never publishes an ambiguous dial plan.
    """
    number = dialled(facts["internal_numbers"][G._node[node]["properties"]["number"]]["number"])
    problems = []
    for code_id, code in sorted((facts.get("feature_codes") or {}).items()):
        digits = dialled(code.get("code") or "")
        if not code.get("enabled") or not digits or not number:
            continue
        if digits.startswith(number) or number.startswith(digits):
            problems.append(
                make_problem(
                    "feature_code.collides_internal_number",
                    f"Feature code {code['code']} and {object_label(G, node, 'Internal Number')} "
                    f"({number}) collide: one dial string begins the other "
                    f"(feature code #{code_id}).",
                    objects=[node],
                )
            )
    return problems


TYPE = entry_type(
    name="internal_number",
    display_name="Internal Number",
    icon="hash",
    color="#7c3aed",
    collection="internal_numbers",
    label="internal number",
    schema=InternalNumberProperties(),
    inbound=inbound,
    validate=validate,
)
