"""Read stored plans of any format as format 2 (docs/routing-plan.md, "Format 1").

Revisions published before format 2 hold format-1 plans: ``inbound`` routes, each an entry and
a linear list of steps along the ``no_answer`` chain. They are converted when read, never
rewritten in the database, so a stored revision stays exactly what was published.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["upgrade_plan"]


def upgrade_plan(plan: Mapping[str, Any]) -> dict[str, Any]:
    """Return the plan in format 2; a format-2 plan comes back as a shallow copy.

    A format-1 route ``{"entry": 12, "steps": [ring group, ...]}`` becomes the route
    ``{"node": "n12"}``, the entry a node with a ``calls`` exit (``phone_number``, or
    ``internal_number`` for an ``ext:`` key), each ring group step a ``ring_group`` node whose
    ``no_answer`` exit leads to the next step, and a contact method step a ``contact_method``
    node. ``revision``, ``hash``, ``compiled_at`` and ``devices`` are kept as stored: the hash
    names what was published.

    Example
    -------
    >>> old = {"revision": 1, "hash": "sha256:x", "devices": {}, "inbound": {"ext:101": {
    ...     "entry": 13, "steps": [{"object": 30, "ring_group": 30, "timeline": [],
    ...                             "no_answer_after": 0}]}}}
    >>> new = upgrade_plan(old)
    >>> new["format"], new["routes"], new["nodes"]["n13"]["exits"], new["nodes"]["n30"]["type"]
    (2, {'ext:101': {'node': 'n13'}}, {'calls': 'n30'}, 'ring_group')
    """
    if plan.get("format", 1) >= 2:
        return dict(plan)
    routes: dict[str, Any] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for key, route in plan.get("inbound", {}).items():
        entry = f"n{route['entry']}"
        routes[key] = {"node": entry}
        nodes.setdefault(
            entry,
            {
                "object": route["entry"],
                "type": "internal_number" if key.startswith("ext:") else "phone_number",
            },
        )
        previous, exit_name = entry, "calls"
        for step in route["steps"]:
            current = f"n{step['object']}"
            if current not in nodes:
                nodes[current] = _node(step)
            nodes[previous].setdefault("exits", {})[exit_name] = current
            previous, exit_name = current, "no_answer"
    rest = {k: v for k, v in plan.items() if k != "inbound"}
    return {"format": 2, **rest, "routes": routes, "nodes": nodes}


def _node(step: Mapping[str, Any]) -> dict[str, Any]:
    """A format-1 step as a format-2 node body."""
    if "timeline" in step:
        return {
            "object": step["object"],
            "type": "ring_group",
            "timeline": [dict(entry) for entry in step["timeline"]],
            "no_answer_after": step["no_answer_after"],
        }
    return {**step, "type": "contact_method"}
