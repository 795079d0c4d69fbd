"""Play a call through a compiled routing plan: who rings, when, for how long, and what then.

It reads only the plan, so the simulator shows exactly what a published revision does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["route_key", "simulate"]


def route_key(plan: Mapping[str, Any], number: str) -> str | None:
    """Return the plan's inbound key for a dialled number, or None.

    E.164 (``"+1 415 555 0100"``) is looked up as is; bare digits are tried as an extension
    (``"101"`` -> ``"ext:101"``) and then as E.164 without its plus; ``"ext:101"`` as is.

    Example
    -------
    >>> route_key({"inbound": {"ext:101": {}}}, "101")
    'ext:101'
    """
    text = str(number).strip()
    if text.startswith("ext:"):
        candidates = [text]
    else:
        compact = "".join(ch for ch in text if ch.isdigit() or ch in "+*#")
        candidates = [compact] if compact.startswith("+") else [f"ext:{compact}", f"+{compact}"]
    return next((c for c in candidates if c in plan["inbound"]), None)


def simulate(
    plan: Mapping[str, Any],
    *,
    number: str,
    caller: str | None = None,
    at: str | None = None,
) -> dict[str, Any]:
    """Return what happens to a call to ``number`` that nobody answers.

    Parameters
    ----------
    plan : dict
        A routing plan from ``compile_plan``.
    number : str
        The dialled number: E.164, an extension (``"101"``) or an inbound key (``"ext:101"``).
    caller : str, optional
        The caller's number. No object type routes on it yet (caller routers will).
    at : str, optional
        The ISO 8601 time of the call. No object type routes on it yet (time routers will).

    Returns
    -------
    result : dict
        ``{"number", "key", "found", "rings", "steps", "path", "outcome", "ends_at"}``.
        ``rings``: one per contact method that rings, ``{"at", "until", "contact_method",
        "contact", "kind", "devices", "ring_group", "object", "object_path"}`` with times in
        seconds from the start of the call (``until`` None: rings until answered).
        ``steps``: ``{"object", "at", "until", "no_answer"}`` per object the call passes,
        ``no_answer`` being where it goes next. ``path``: the object ids in order, entry
        first. ``outcome``: ``"not_found"``, ``"ringing"`` (it ends at a contact method
        that rings until answered) or ``"hangup"`` (the last timeline ran out), with
        ``ends_at`` the second the call ends (None while it can ring on).

    Example
    -------
    >>> plan = {"inbound": {"ext:101": {"entry": 13, "steps": [
    ...     {"object": 30, "ring_group": 30, "no_answer_after": 20, "timeline": [
    ...         {"object": 40, "contact_method": 44, "contact": 9, "kind": "call_center",
    ...          "devices": [5], "start": 0, "duration": 20}]}]}}}
    >>> result = simulate(plan, number="101")
    >>> result["rings"][0]["until"], result["path"], result["outcome"], result["ends_at"]
    (20, [13, 30], 'hangup', 20)
    """
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
    }
    if key is None:
        return result
    route = plan["inbound"][key]
    path = [route["entry"]]
    now = 0
    for step in route["steps"]:
        path.append(step["object"])
        if result["steps"]:
            result["steps"][-1]["no_answer"] = step["object"]
        if "timeline" in step:
            until = now + step["no_answer_after"]
            for entry in step["timeline"]:
                start = now + entry["start"]
                result["rings"].append(
                    _ring(entry, start, start + entry["duration"], step["object"], path)
                )
        else:  # a contact method cabled straight in rings until someone answers
            until = None
            result["rings"].append(_ring(step, now, None, None, path[:-1]))
        result["steps"].append(
            {"object": step["object"], "at": now, "until": until, "no_answer": None}
        )
        if until is None:
            result.update(path=path, outcome="ringing")
            return result
        now = until
    result.update(path=path, outcome="hangup", ends_at=now)
    return result


def _ring(
    entry: Mapping[str, Any], start: int, until: int | None, ring_group: int | None, path: list[int]
) -> dict[str, Any]:
    return {
        "at": start,
        "until": until,
        "contact_method": entry["contact_method"],
        "contact": entry.get("contact"),
        "kind": entry["kind"],
        "devices": list(entry["devices"]),
        "ring_group": ring_group,
        "object": entry["object"],
        "object_path": [*path, entry["object"]],
    }
