"""Contact Method: a destination that rings one of a contact's contact methods.

The call.center method rings every device of the contact; a SIP account method rings that
account; a phone method calls a landline or mobile number. The validation hook checks the
call.center settings the devices will be given (caller IDs, outbound calling, recording,
announcements), since the workspace is where those settings take effect.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.graph import (
    ObjectType,
    Problem,
    Reference,
    declined,
    graph_memo,
    make_problem,
    object_label,
    record_on_demand_code,
    ring_of,
)
from workspace.objects.types._common import (
    PropertiesSchema,
    calls_in,
    row_id,
    row_id_json,
    row_ids_only,
)

__all__ = ["TYPE", "ContactMethodProperties", "compile", "simulate", "validate"]

DISPLAY_NAME = "Contact Method"


class ContactMethodProperties(PropertiesSchema):
    """``{"contact_method": <contact method id> | None}``."""

    contact_method = row_id()


def _method(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
    method_id = G._node[node]["properties"]["contact_method"]
    return method_id, facts["contact_methods"][method_id]


def validate(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> list[Problem]:
    """Check what the contact method refers to and, for call.center, its settings.

    Codes: ``reference.missing`` (a device, SIP account, internal number, delivery method or
    audio file that is not in the facts), ``caller_id.internal_not_placed``,
    ``caller_id.external_not_in_inventory``, ``outbound.no_external_caller_id``,
    ``recording.no_delivery_method``, ``recording.on_demand_no_feature_code``. Recording
    options count only while recording is enabled.
    """
    _, method = _method(G, node, facts)
    label = object_label(G, node, DISPLAY_NAME)
    problems: list[Problem] = []

    def missing(what: str, row: Any) -> None:
        message = (
            f"{label} refers to {what} #{row}, which does not exist."
            if row not in (None, "")
            else f"{label} stands for a contact method without {what}."
        )
        problems.append(make_problem("reference.missing", message, objects=[node]))

    sip_accounts = facts.get("sip_accounts") or {}
    if method["kind"] == "sip_account" and method.get("sip_account") not in sip_accounts:
        missing(
            "a SIP account" if method.get("sip_account") is None else "SIP account",
            method.get("sip_account"),
        )
    if method["kind"] == "phone" and not method.get("number"):
        missing("a phone number", None)
    if method["kind"] != "call_center":
        return problems

    devices = facts.get("devices") or {}
    for device in sorted(method.get("devices") or []):
        if device not in devices:
            missing("device", device)
            continue
        for account in devices[device].get("sip_accounts") or []:
            if account not in sip_accounts:
                missing("SIP account", account)

    settings = method.get("settings") or {}
    internal = settings.get("internal_caller_id")
    if internal is not None:
        if internal not in (facts.get("internal_numbers") or {}):
            missing("internal number", internal)
        elif internal not in facts["placed"].get("internal_numbers", {}):
            number = facts["internal_numbers"][internal]["number"]
            problems.append(
                make_problem(
                    "caller_id.internal_not_placed",
                    f"{label} uses internal caller ID {number}, but no Internal Number object "
                    "on the workspace carries it.",
                    objects=[node],
                )
            )
    external = settings.get("external_caller_id")
    if external is not None and external not in (facts.get("phone_numbers") or {}):
        problems.append(
            make_problem(
                "caller_id.external_not_in_inventory",
                f"{label} uses external caller ID #{external}, which is not one of the "
                "account's phone numbers.",
                objects=[node],
            )
        )
    if settings.get("outbound_calling") and external is None:
        problems.append(
            make_problem(
                "outbound.no_external_caller_id",
                f"{label} allows outbound calls but has no external caller ID.",
                objects=[node],
            )
        )

    recording = settings.get("recording") or {}
    if recording.get("enabled"):
        delivery = recording.get("delivery_method")
        if delivery is None:
            problems.append(
                make_problem(
                    "recording.no_delivery_method",
                    f"{label} records calls but has no delivery method for the recordings.",
                    objects=[node],
                )
            )
        elif delivery not in (facts.get("delivery_methods") or {}):
            missing("delivery method", delivery)
        if recording.get("on_demand") and record_on_demand_code(facts) is None:
            problems.append(
                make_problem(
                    "recording.on_demand_no_feature_code",
                    f"{label} offers recording on demand, but no record-on-demand feature "
                    "code is enabled.",
                    objects=[node],
                )
            )

    audio_files = facts.get("audio_files") or {}
    announcements = settings.get("announcements") or {}
    for which in ("internal", "external"):
        audio = announcements.get(which)
        if audio is not None and audio not in audio_files:
            missing(f"the {which} announcement audio file", audio)
    return problems


def compile(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    """Return the node body that rings this contact method (also a ring group timeline entry).

    ``{"object", "contact_method", "contact", "kind", "devices"}`` plus ``sip_account`` or
    ``number`` for those kinds. ``devices`` is the call.center devices, ascending; [] otherwise.
    Built once per graph and facts (every ring group that rings the method repeats it); each
    caller gets its own dict, the ``devices`` list shared.
    """
    memo = graph_memo(G, "contact_method.compile")
    if memo.get("facts") is not facts:  # held, so its id cannot be reused by other facts
        memo.clear()
        memo["facts"] = facts
    step = memo.get(node)
    if step is None:
        step = memo[node] = _step(G, node, facts)
    return dict(step)


def _step(G: nx.MultiDiGraph, node: int, facts: Mapping[str, Any]) -> dict[str, Any]:
    method_id, method = _method(G, node, facts)
    kind = method["kind"]
    devices = method.get("devices") if kind == "call_center" else None
    step: dict[str, Any] = {
        "object": node,
        "contact_method": method_id,
        "contact": method.get("contact"),
        "kind": kind,
        "devices": sorted(devices) if devices else [],
    }
    if kind == "sip_account":
        step["sip_account"] = method.get("sip_account")
    elif kind == "phone":
        step["number"] = method.get("number")
    return step


def simulate(node: Mapping[str, Any], call: Mapping[str, Any], at: int) -> dict[str, Any]:
    """A contact method cabled straight in rings from ``at`` until someone answers; no exits.

    When it declines nobody is left to ring: the call ends then (hangup).
    """
    ring = declined(ring_of(node, at, None), call)
    if ring["declined"]:
        reason = "Rings this contact method; once it declines nobody is left to ring."
        return {"rings": [ring], "until": ring["until"], "reason": reason}
    reason = "Rings this contact method until someone answers."
    return {"rings": [ring], "until": None, "reason": reason}


TYPE = ObjectType(
    name="contact_method",
    display_name=DISPLAY_NAME,
    category="destination",
    icon="user",
    color="#d97706",
    ports=(calls_in("call", "member"),),
    schema=ContactMethodProperties(),
    properties_schema={
        "type": "object",
        "additionalProperties": False,
        "properties": {"contact_method": row_id_json("The id of a contact method.")},
    },
    defaults={"contact_method": None},
    default_name_prefix=DISPLAY_NAME,
    references=(Reference("contact_method", "contact_methods", "contact method"),),
    pickers={"contact_method": "contact_method"},
    validate=validate,
    compile=compile,
    simulate=simulate,
    quick_valid=row_ids_only("contact_method"),
)
