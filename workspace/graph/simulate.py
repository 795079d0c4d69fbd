"""Play a call through a compiled routing plan: the path it takes and who rings when.

It reads only the plan (format 2, a call program; older formats are upgraded first), so the
simulator shows exactly what a published revision does. Each node type's behaviour comes from
its ``simulate`` hook (``ObjectType.simulate``); the walk here is the same for every type. The
table of plan cases in ``tests/plan_cases/`` pins the semantics for any executor of the plan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workspace.graph.plan_format import upgrade_plan
from workspace.graph.spec import ObjectType

__all__ = ["declined", "declines_of", "ring_of", "route_key", "simulate"]

#: The bound on nodes one call may pass, whatever the types declare: a plan is data, and an
#: executor must stop even on a plan it did not compile itself.
MAX_STEPS = 1000


def route_key(plan: Mapping[str, Any], number: str) -> str | None:
    """Return the plan's route key for a dialled number, or None.

    E.164 (``"+1 415 555 0100"``) is looked up as is; bare digits are tried as an extension
    (``"101"`` -> ``"ext:101"``) and then as E.164 without its plus; ``"ext:101"`` as is.

    Example
    -------
    >>> route_key({"routes": {"ext:101": {}}}, "101")
    'ext:101'
    """
    routes = plan.get("routes", plan.get("inbound", {}))
    text = str(number).strip()
    if text.startswith("ext:"):
        candidates = [text]
    else:
        compact = "".join(ch for ch in text if ch.isdigit() or ch in "+*#")
        candidates = [compact] if compact.startswith("+") else [f"ext:{compact}", f"+{compact}"]
    return next((c for c in candidates if c in routes), None)


def ring_of(
    entry: Mapping[str, Any], at: int, until: int | None, ring_group: int | None = None
) -> dict[str, Any]:
    """Return one row of the ring schedule: a contact method ringing from ``at`` to ``until``.

    ``entry`` is a contact method's compiled step (a ring group's timeline entry or a
    ``contact_method`` node); ``until`` None rings until someone answers. ``declined`` says
    whether the ring ended because the contact method declined (``declined``).

    >>> entry = {"object": 40, "contact_method": 44, "kind": "phone", "devices": []}
    >>> ring_of(entry, 0, 20)["until"]
    20
    """
    return {
        "at": at,
        "until": until,
        "contact_method": entry["contact_method"],
        "contact": entry.get("contact"),
        "kind": entry["kind"],
        "devices": list(entry["devices"]),
        "ring_group": ring_group,
        "object": entry["object"],
        "declined": False,
    }


def declines_of(declines: Iterable[int | Mapping[str, int]] | None) -> dict[int, int]:
    """Return ``{contact method id: seconds after it starts ringing that it declines}``.

    An item is a contact method id (it declines the moment it rings) or
    ``{"contact_method": id, "after": seconds}``.

    >>> declines_of([44, {"contact_method": 45, "after": 5}])
    {44: 0, 45: 5}
    """
    found: dict[int, int] = {}
    for item in declines or ():
        if isinstance(item, Mapping):
            found[int(item["contact_method"])] = int(item.get("after", 0))
        else:
            found[int(item)] = 0
    return found


def declined(ring: dict[str, Any], call: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``ring`` ended at its contact method's decline, when the call's ``declines``
    name it and the decline comes before the ring would end anyway.

    A decline stops that member ringing, as a device's 486 Busy Here or 603 Decline ends its
    branch on the SIP server; the rest of the node rings on.

    >>> ring = {"at": 10, "until": 30, "contact_method": 44, "declined": False}
    >>> [declined(ring, {"declines": {44: s}})["until"] for s in (5, 25)]
    [15, 30]
    """
    after = (call.get("declines") or {}).get(ring["contact_method"])
    if after is None or (ring["until"] is not None and ring["at"] + after >= ring["until"]):
        return ring
    return {**ring, "until": ring["at"] + after, "declined": True}


def simulate(
    plan: Mapping[str, Any],
    *,
    types: Mapping[str, ObjectType],
    number: str,
    caller: str | None = None,
    at: str | None = None,
    digits: Sequence[str] = (),
    answer: int | None = None,
    declines: Iterable[int | Mapping[str, int]] | None = None,
) -> dict[str, Any]:
    """Return what happens to a call to ``number``.

    Parameters
    ----------
    plan : dict
        A routing plan from ``compile_plan`` (format 2; a format-1 plan is upgraded).
    types : mapping of str to ObjectType
        The object-type registry: each node's ``simulate`` hook. A node whose type has none
        passes the call on through its first declared exit (entries do).
    number : str
        The dialled number: E.164, an extension (``"101"``) or a route key (``"ext:101"``).
    caller : str, optional
        The caller's number (caller routers and blacklists route on it; Forward passes it
        on); None is a withheld number.
    at : str, optional
        The ISO 8601 time of the call, with its time zone (time routers route on it; a
        node reached ``n`` seconds into the call decides at ``at`` + ``n``); now when None.
    digits : sequence of str
        The digits the caller presses, in order (voice menus will read them).
    answer : int, optional
        The contact method (id) that answers when it rings; None: nobody answers. It picks up
        the moment it starts ringing, and everyone else stops ringing then.
    declines : iterable, optional
        The contact methods (ids, as ``answer``) that decline whenever they ring: an id
        declines at once, ``{"contact_method": id, "after": s}`` that many seconds after it
        starts ringing. A decline ends that member's ring (``declined`` on the ring); a ring
        group whose members have all declined or stopped, with none still to start, leaves by
        ``no_answer`` then, and a ``contact_method`` node declined ends the call (hangup).
        Raises ValueError when ``answer`` is among them.

    Returns
    -------
    result : dict
        ``{"number", "key", "found", "rings", "steps", "path", "outcome", "ends_at",
        "answered_by", "answered_at", "forwarded_to", "rejected"}``.
        ``rings`` is the ring schedule: ``{"at", "until", "contact_method", "contact", "kind",
        "devices", "ring_group", "object", "object_path", "declined"}`` per contact method that
        rings, in seconds from the start of the call (``until`` None: rings until answered;
        ``declined``: it stopped at ``until`` because it declined).
        ``steps``: per node the call passes, ``{"node", "object", "type", "at", "until",
        "exit", "next", "reason"}``: ``exit`` the exit it leaves by (None: it ends there),
        ``next`` the next object, ``reason`` a sentence. ``path``: the object ids in order.
        ``outcome``: ``"not_found"``, ``"answered"``, ``"ringing"`` (it ends at a contact
        method that rings until answered), ``"hangup"`` (a timeline ran out with no exit
        cabled), ``"forwarded"`` or ``"loop_limit"``; ``ends_at`` the second it ends (None
        while it can ring on, or once answered).

    Example
    -------
    >>> from workspace.objects.types import REGISTRY
    >>> plan = {"format": 2, "routes": {"ext:101": {"node": "n13"}}, "nodes": {
    ...     "n13": {"object": 13, "type": "internal_number", "exits": {"calls": "n30"}},
    ...     "n30": {"object": 30, "type": "ring_group", "no_answer_after": 20, "timeline": [
    ...         {"object": 40, "contact_method": 44, "contact": 9, "kind": "call_center",
    ...          "devices": [5], "start": 0, "duration": 20}]}}}
    >>> result = simulate(plan, types=REGISTRY, number="101")
    >>> result["rings"][0]["until"], result["path"], result["outcome"], result["ends_at"]
    (20, [13, 30], 'hangup', 20)
    """
    refusing = declines_of(declines)
    if answer is not None and answer in refusing:
        raise ValueError(f"Contact method #{answer} cannot both answer and decline.")
    plan = upgrade_plan(plan)
    key = route_key(plan, number)
    result: dict[str, Any] = {
        "number": number,
        "key": key,
        "found": key is not None,
        "rings": [],
        "steps": [],
        "path": [],
        "outcome": "not_found",
        "ends_at": None,
        "answered_by": None,
        "answered_at": None,
        "forwarded_to": None,
        "rejected": None,
    }
    if key is None:
        return result
    call = {
        "number": number,
        "key": key,
        "caller": caller,
        "at": at,
        "digits": list(digits),
        "declines": refusing,
    }
    nodes = plan["nodes"]
    current: str | None = plan["routes"][key]["node"]
    visits: Counter[str] = Counter()
    now = 0
    while current is not None:
        node = nodes[current]
        kind = types.get(node["type"])
        visits[current] += 1
        if visits[current] > (kind.max_visits if kind else 1) or len(result["steps"]) >= MAX_STEPS:
            result.update(outcome="loop_limit", ends_at=now)
            return result
        result["path"].append(node["object"])
        hook = kind.simulate if kind is not None and kind.simulate is not None else None
        played = hook(node, call, now) if hook else _pass_on(node, kind, now)
        step = {
            "node": current,
            "object": node["object"],
            "type": node["type"],
            "at": now,
            "until": played.get("until"),
            "exit": None,
            "next": None,
            "reason": played["reason"],
        }
        result["steps"].append(step)
        fresh = [
            {**ring, "object_path": [*result["path"], *_via(ring, node)]}
            for ring in played.get("rings", ())
        ]
        result["rings"].extend(fresh)
        if answer is not None and _answered(result, answer, step, fresh):
            return result
        _say_declines(step, fresh)
        if played.get("outcome"):  # the node ends the call itself (forward)
            result.update(
                outcome=played["outcome"],
                ends_at=played.get("until", now),
                forwarded_to=played.get("forwarded_to"),
                rejected=played.get("rejected"),
            )
            return result
        if played.get("until") is None:  # rings on until someone answers
            result["outcome"] = "ringing"
            return result
        now = played["until"]
        exit_name = played.get("exit")
        target = node.get("exits", {}).get(exit_name) if exit_name else None
        if target is None:
            step["reason"] += f" No {exit_name} exit is cabled: the call ends." if exit_name else ""
            result.update(outcome="hangup", ends_at=now)
            return result
        step.update(exit=exit_name, next=nodes[target]["object"])
        current = target
    return result  # pragma: no cover - the loop returns


def _pass_on(node: Mapping[str, Any], kind: ObjectType | None, now: int) -> dict[str, Any]:
    """A node without a simulate hook (an entry) hands the call on at once by its first exit."""
    exits = node.get("exits", {})
    names = [e for e in (kind.exits if kind else ()) if e in exits] or list(exits)
    first = names[0] if names else None
    label = kind.display_name if kind else node["type"]
    reason = f"The call arrives at this {label}" + (f" and goes on by {first}." if first else ".")
    return {"until": now, "exit": first, "reason": reason}


def _via(ring: Mapping[str, Any], node: Mapping[str, Any]) -> list[int]:
    """The member object a ring goes through, unless the node rings itself."""
    return [] if ring["object"] == node["object"] else [ring["object"]]


def _answered(
    result: dict[str, Any], answer: int, step: dict[str, Any], fresh: list[dict[str, Any]]
) -> bool:
    """End the call answered when ``answer`` rings at this node; stop every other ring then."""
    start = min((r["at"] for r in fresh if r["contact_method"] == answer), default=None)
    if start is None:
        return False
    kept = []
    for ring in result["rings"]:
        if ring["at"] > start:
            continue  # its turn never comes
        if ring["until"] is None or ring["until"] > start:
            ring.update(until=start, declined=False)  # stopped by the answer, not its decline
        kept.append(ring)
    step["until"] = start
    _say_declines(step, [ring for ring in fresh if ring["at"] <= start])
    step["reason"] += f" Contact method #{answer} answers at {start} s."
    result.update(
        rings=kept, outcome="answered", answered_by=answer, answered_at=start, ends_at=None
    )
    return True


def _say_declines(step: dict[str, Any], fresh: list[dict[str, Any]]) -> None:
    """Name in the step's reason each contact method that declined at this node, and when."""
    for ring in fresh:
        if ring.get("declined"):
            method, at = ring["contact_method"], ring["until"]
            step["reason"] += f" Contact method #{method} declines at {at} s."
