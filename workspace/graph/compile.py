"""Compile a valid workspace graph into the routing plan (DESIGN.md section 6).

The plan is plain JSON: ``inbound`` routes keyed by number (E.164, or ``ext:<digits>`` for
extensions), each a list of steps that follows the ``no_answer`` chain; and ``devices``, the
slice of settings each call.center device is given. No SIP password is ever in it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import networkx as nx

from workspace.graph.facts import record_on_demand_code
from workspace.graph.spec import CompileError, ObjectType, Problem, make_problem
from workspace.graph.validate import has_errors, placed_rows, validate

__all__ = ["compile_plan", "plan_hash"]

Types = Mapping[str, ObjectType]
Facts = Mapping[str, Any]

#: Plan keys that are left out of the hash: they name the publication, not the routing.
UNHASHED = ("hash", "compiled_at", "revision")


def compile_plan(
    G: nx.MultiDiGraph,
    *,
    types: Types,
    facts: Facts,
    revision: int | None = None,
    compiled_at: str | None = None,
    problems: list[Problem] | None = None,
) -> dict[str, Any]:
    """Return the routing plan of a workspace.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from ``build``.
    types : mapping of str to ObjectType
        The object-type registry.
    facts : mapping
        The account's contact-center facts.
    revision : int, optional
        The revision number the plan is published as.
    compiled_at : str, optional
        An ISO 8601 timestamp; the plan does not read the clock itself.
    problems : list of Problem, optional
        What ``validate(G, types=types, facts=facts)`` returned for this very graph, to save
        validating twice; validated here when None.

    Returns
    -------
    plan : dict
        ``{"revision", "hash", "compiled_at", "inbound", "devices"}``. ``hash`` is
        ``"sha256:"`` + the hex digest of the canonical JSON (sorted keys, no whitespace) of
        the plan without ``hash``, ``compiled_at`` and ``revision``: the same workspace and
        facts always give the same hash, whatever the order of the input rows.

    Raises
    ------
    CompileError
        The workspace has errors (``error.problems`` lists them with the warnings). Callers
        validate first and show the problems; compiling never papers over one.

    Example
    -------
    >>> from workspace.graph.build import build
    >>> from workspace.objects.types import REGISTRY
    >>> facts = {"phone_numbers": {7: {"number": "+14155550100"}},
    ...          "contact_methods": {44: {"kind": "phone", "contact": 9, "number": "+4930123"}}}
    >>> G = build([{"id": 1, "type": "phone_number", "properties": {"number": 7}},
    ...            {"id": 2, "type": "contact_method", "properties": {"contact_method": 44}}],
    ...           [{"id": 3, "source": 1, "source_port": "calls", "target": 2,
    ...             "target_port": "calls"}])
    >>> plan = compile_plan(G, types=REGISTRY, facts=facts)
    >>> plan["inbound"]["+14155550100"]["steps"][0]["number"]
    '+4930123'
    """
    if problems is None:
        problems = validate(G, types=types, facts=facts)
    if has_errors(problems):
        raise CompileError(problems)
    hook_facts = {**facts, "placed": placed_rows(G, types=types)}
    inbound = _inbound(G, types, hook_facts)
    body = {"inbound": inbound, "devices": _devices(hook_facts, inbound)}
    return {"revision": revision, "hash": plan_hash(body), "compiled_at": compiled_at, **body}


def plan_hash(plan: Mapping[str, Any]) -> str:
    """Return ``"sha256:<hex>"`` of the plan's canonical JSON, leaving out ``UNHASHED`` keys.

    Example
    -------
    >>> plan_hash({"inbound": {}, "devices": {}}) == plan_hash(
    ...     {"devices": {}, "inbound": {}, "revision": 3})
    True
    """
    body = {k: v for k, v in plan.items() if k not in UNHASHED}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _inbound(G: nx.MultiDiGraph, types: Types, facts: Facts) -> dict[str, Any]:
    """One route per entry object: its key, the entry, and the steps a call goes through."""
    steps: dict[int, dict[str, Any]] = {}  # a step is compiled once, however many routes share it
    inbound: dict[str, Any] = {}
    for node in sorted(G):
        kind = types[G.nodes[node]["type"]]
        if kind.category != "entry":
            continue
        key = kind.inbound(G, node, facts)
        if key in inbound:
            raise CompileError(
                [
                    make_problem(
                        "number.placed_twice",
                        f"The number {key} is placed twice.",
                        objects=[inbound[key]["entry"], node],
                    )
                ]
            )
        inbound[key] = {"entry": node, "steps": _route(G, node, types, facts, steps)}
    return inbound


def _route(
    G: nx.MultiDiGraph, entry: int, types: Types, facts: Facts, steps: dict[int, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Follow each object's continue port from the entry, collecting the steps on the way."""
    route = []
    seen = {entry}
    node = _next(G, entry, types[G.nodes[entry]["type"]].continue_port)
    while node is not None:
        if node in seen:  # validate reports route.loop; this guards a caller that skipped it
            raise CompileError(
                [make_problem("route.loop", "Calls go round in a loop.", objects=sorted(seen))]
            )
        seen.add(node)
        kind = types[G.nodes[node]["type"]]
        if node not in steps:
            steps[node] = kind.compile(G, node, facts)
        route.append(steps[node])
        node = _next(G, node, kind.continue_port)
    return route


def _next(G: nx.MultiDiGraph, node: int, port: str | None) -> int | None:
    """The object cabled to ``port`` of ``node`` (such ports take one cable), or None."""
    if port is None:
        return None
    for target, keyed in G._succ[node].items():
        for data in keyed.values():
            if data["source_port"] == port:
                return target
    return None


def _devices(facts: Facts, inbound: Mapping[str, Any]) -> dict[str, Any]:
    """The settings of every device of the call.center methods the workspace places."""
    reachable: dict[int, list[str]] = {}
    for key, route in sorted(inbound.items()):
        ringing = set()
        for step in route["steps"]:
            ringing.update(step.get("devices", ()))
            for entry in step.get("timeline", ()):
                ringing.update(entry["devices"])
        for device in ringing:
            reachable.setdefault(device, []).append(key)

    devices: dict[str, Any] = {}
    on_demand_code = record_on_demand_code(facts)
    for method_id in sorted(facts["placed"].get("contact_methods", {})):
        method = facts["contact_methods"][method_id]
        if method["kind"] != "call_center":
            continue
        for device in sorted(method.get("devices") or []):
            if str(device) in devices:
                continue  # one call.center method per contact: this guards bad facts only
            devices[str(device)] = _device(
                facts, method_id, method, device, on_demand_code, reachable.get(device, [])
            )
    return devices


def _device(
    facts: Facts,
    method_id: int,
    method: Mapping[str, Any],
    device: int,
    on_demand_code: str | None,
    reachable_at: list[str],
) -> dict[str, Any]:
    row = facts["devices"][device]
    settings = method.get("settings") or {}
    internal = settings.get("internal_caller_id")
    external = settings.get("external_caller_id")
    recording = settings.get("recording") or {}
    enabled = bool(recording.get("enabled"))
    announcements = settings.get("announcements") or {}
    return {
        "contact": row.get("contact", method.get("contact")),
        "contact_method": method_id,
        "name": row.get("name"),
        "lines": [
            _line(account, facts["sip_accounts"][account])
            for account in row.get("sip_accounts") or []
        ],
        "caller_id": {
            "name": settings.get("caller_id_name") or method.get("contact_name"),
            "internal": None if internal is None else facts["internal_numbers"][internal]["number"],
            "external": None if external is None else facts["phone_numbers"][external]["number"],
            "outbound": bool(settings.get("outbound_calling")),
        },
        # Recording options take effect only while recording is enabled.
        "recording": {
            "enabled": enabled,
            **{k: enabled and bool(recording.get(k)) for k in _RECORDING_FLAGS},
            "on_demand_code": on_demand_code if enabled and recording.get("on_demand") else None,
            "delivery_method": recording.get("delivery_method") if enabled else None,
        },
        "announcements": {
            "internal": announcements.get("internal"),
            "external": announcements.get("external"),
        },
        "reachable_at": reachable_at,
    }


_RECORDING_FLAGS = ("inbound", "outbound", "internal", "external")
_LINE_FIELDS = (
    "server",
    "port",
    "transport",
    "proxy",
    "username",
    "auth_username",
    "display_name",
    "push",
)


def _line(account_id: int, account: Mapping[str, Any]) -> dict[str, Any]:
    """One SIP line of a device; the password is only ever said to be manual or provisioned."""
    line: dict[str, Any] = {"sip_account": account_id}
    line.update({k: account.get(k) for k in _LINE_FIELDS})
    line["password"] = "manual" if account.get("manual_password") else "provisioned"
    line["dialing_rules"] = [
        {
            "start_with": rule.get("start_with"),
            "replace_with": rule.get("replace_with"),
            "min_length": rule.get("min_length"),
        }
        for rule in account.get("dialing_rules") or []
    ]
    return line
