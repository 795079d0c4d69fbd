"""Forward: send the call on to an external number (E.164) and leave the account's routing.

The caller ID shown to the called party is the caller's own number (``"caller"``) or one of
the account's Phone Numbers (``"account"``, picked from the inventory). A forward has no
exits: the call leaves the plan there, with the outcome "forwarded".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import phonenumbers
from marshmallow import fields
from marshmallow import validate as check

from workspace.graph import ObjectType, Problem, Reference, make_problem, object_label
from workspace.objects.types._common import PropertiesSchema, calls_in, row_id, row_id_json

__all__ = ["TYPE", "ForwardProperties", "compile", "e164", "quick_valid", "simulate", "validate"]

DISPLAY_NAME = "Forward"
CALLER_IDS = ("caller", "account")


class ForwardProperties(PropertiesSchema):
    """``{"number": str, "caller_id": "caller" | "account", "caller_id_number": id | None}``."""

    number = fields.String(load_default="", validate=check.Length(max=64))
    caller_id = fields.String(load_default="caller", validate=check.OneOf(CALLER_IDS))
    caller_id_number = row_id()


def quick_valid(props: Mapping[str, Any]) -> bool:
    """The schema's fast accept path (see ObjectType.quick_valid).

    >>> quick_valid({"number": "+14155550199", "caller_id": "caller"}), quick_valid({"x": 1})
    (True, False)
    """
    if not isinstance(props, dict) or not _KEYS.issuperset(props):
        return False
    number = props.get("number", "")
    row = props.get("caller_id_number")
    return (
        type(number) is str
        and len(number) <= 64
        and props.get("caller_id", "caller") in CALLER_IDS
        and (row is None or type(row) is int)
    )


_KEYS = frozenset(("number", "caller_id", "caller_id_number"))


def e164(text: str) -> str | None:
    """Return ``text`` as a valid E.164 number, or None when it is not one.

    >>> e164("+1 415 555 0199"), e164("555 0199"), e164("+1 000")
    ('+14155550199', None, None)
    """
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _props(G: nx.MultiDiGraph, node: int) -> dict[str, Any]:
    return {**TYPE.defaults, **G._node[node]["properties"]}


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Codes: ``forward.no_number``, ``forward.invalid_number``, ``forward.no_caller_id_number``
    (caller ID "account" without a number picked). A picked number that is not in the
    inventory is ``reference.missing``, reported before this hook runs."""
    props = _props(G, node)
    label = object_label(G, node, DISPLAY_NAME)
    problems = []
    number = (props["number"] or "").strip()
    if not number:
        problems.append(
            make_problem(
                "forward.no_number",
                f"{label} has no number to forward calls to.",
                objects=[node],
            )
        )
    elif e164(number) is None:
        problems.append(
            make_problem(
                "forward.invalid_number",
                f"{label} forwards to {number}, which is not a valid international number "
                "(E.164, such as +14155550199).",
                objects=[node],
            )
        )
    if props["caller_id"] == "account" and props["caller_id_number"] is None:
        problems.append(
            make_problem(
                "forward.no_caller_id_number",
                f"{label} shows one of the account's numbers as caller ID but none is picked.",
                objects=[node],
            )
        )
    return problems


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """The node body: ``{"number": E.164, "caller_id": "caller" | "account",
    "caller_id_number": E.164 | None}``."""
    props = _props(G, node)
    account = props["caller_id"] == "account"
    return {
        "number": e164(props["number"].strip()),
        "caller_id": props["caller_id"],
        "caller_id_number": (
            facts["phone_numbers"][props["caller_id_number"]]["number"] if account else None
        ),
    }


def simulate(node: Mapping[str, Any], call: Mapping[str, Any], at: int) -> dict[str, Any]:
    """The call leaves the account at once for ``number``; nothing rings here."""
    shown = node["caller_id_number"] if node["caller_id"] == "account" else call.get("caller")
    return {
        "until": at,
        "outcome": "forwarded",
        "forwarded_to": {"number": node["number"], "caller_id": shown},
        "reason": f"Forwards the call to {node['number']}, showing "
        + ("the account's number" if node["caller_id"] == "account" else "the caller's number")
        + (f" {shown}." if shown else "."),
    }


TYPE = ObjectType(
    name="forward",
    display_name=DISPLAY_NAME,
    category="destination",
    icon="forward",
    color="#0891b2",
    ports=(calls_in("call"),),
    schema=ForwardProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "number": {
                "type": "string",
                "title": "Number to forward to",
                "maxLength": 64,
                "default": "",
                "description": "The external number calls go to, in E.164 (+14155550199).",
            },
            "caller_id": {
                "type": "string",
                "title": "Caller ID shown",
                "enum": list(CALLER_IDS),
                "default": "caller",
                "description": "Show the caller's number, or one of the account's numbers.",
            },
            "caller_id_number": {
                **row_id_json("The account's number shown when caller ID is account."),
                "title": "Caller ID number",
            },
        },
    },
    defaults={"number": "", "caller_id": "caller", "caller_id_number": None},
    default_name_prefix=DISPLAY_NAME,
    references=(Reference("caller_id_number", "phone_numbers", "phone number", optional=True),),
    validate=validate,
    compile=compile,
    simulate=simulate,
    quick_valid=quick_valid,
    pickers={"caller_id_number": "phone_number"},
)
