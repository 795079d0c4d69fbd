"""The simulator: play a call through the published plan (or the compiled draft) and name who rings.

workspace.graph.simulate reads only a plan, so the published answer is exactly what the
published revision does; the names are joined from today's contact-center data.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from workspace.errors import Conflict
from workspace.graph import CompileError, compile_plan, has_errors, simulate, validate
from workspace.objects.draft import graph_of, load_draft
from workspace.objects.facts_cache import cached_facts
from workspace.objects.publishing_service import GraphErrors, published_revision
from workspace.objects.types import REGISTRY

SOURCES = ("published", "draft")


def simulate_call(
    account_id: int,
    *,
    number: str,
    caller: str | None = None,
    at: datetime | None = None,
    digits: list[str] | None = None,
    answer: int | None = None,
    declines: list[dict[str, int]] | None = None,
    source: str = "published",
) -> dict[str, Any]:
    """What happens to a call to `number`: who rings when, the path through the objects.

    source "published": the published revision's plan (409 while nothing is published).
    source "draft": the draft compiled now (422 with the problems while it has errors).
    """
    facts, _ = cached_facts(account_id, directory=True)  # read only here
    snapshot, plan, revision = plan_to_play(account_id, source, facts)
    if at is None:
        at = datetime.now(UTC)
    result = simulate(
        plan,
        types=REGISTRY,
        number=number,
        caller=caller,
        at=at.isoformat(),
        digits=digits or [],
        answer=answer,
        declines=declines,
    )
    result["rings"] = [_named(ring, facts) for ring in result["rings"]]
    result["steps"] = [_with_names(step, result["rings"]) for step in result["steps"]]
    names = {o["id"]: o["name"] for o in snapshot["objects"]}
    shown = set(result["path"]) | {o for ring in result["rings"] for o in ring["object_path"]}
    return {
        **result,
        "source": source,
        "revision": revision,
        "hash": plan["hash"],
        "caller": caller,
        "at": at,
        "digits": list(digits or []),
        "answer": answer,
        "declines": list(declines or []),
        "object_names": {str(o): names.get(o, "") for o in sorted(shown)},
    }


def plan_to_play(account_id: int, source: str, facts: dict) -> tuple[dict, dict, int | None]:
    """``(snapshot, plan, revision)``: the published revision's, or the draft compiled now."""
    if source == "draft":
        snapshot = load_draft(account_id)
        return snapshot, _compile_draft(snapshot, facts), None
    current = published_revision(account_id)
    if current is None:
        raise Conflict(
            "Nothing is published yet: publish the workspace first, or simulate the draft "
            'with source "draft".'
        )
    return current.snapshot, current.plan, current.number


def _compile_draft(snapshot: dict, facts: dict) -> dict[str, Any]:
    G = graph_of(snapshot, facts)
    problems = validate(G, types=REGISTRY, facts=facts)
    if has_errors(problems):
        raise GraphErrors(problems, action="simulating the draft")
    try:
        return compile_plan(G, types=REGISTRY, facts=facts, problems=problems)
    except CompileError as exc:  # a guard: validate passed
        raise GraphErrors(exc.problems, action="simulating the draft") from exc


_METHOD_REF = re.compile(r"Contact method #(\d+)")


def _with_names(step: dict[str, Any], rings: list[dict[str, Any]]) -> dict[str, Any]:
    """The step with its reason naming who answers or declines ("Mike Brown declines at
    4 s."), as the ring list does; the engine says "Contact method #44", knowing ids only."""
    names = {r["contact_method"]: r["contact_name"] for r in rings if r.get("contact_name")}
    reason = _METHOD_REF.sub(
        lambda m: names.get(int(m.group(1)), m.group(0)), step.get("reason") or ""
    )
    return {**step, "reason": reason}


def _named(ring: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """The ring with its contact's name and its devices' names (None where deleted since)."""
    method = facts["contact_methods"].get(ring["contact_method"]) or {}
    contact_name = method.get("contact_name")
    if contact_name is None and ring.get("contact") is not None:
        contact_name = next(
            (
                m["contact_name"]
                for m in facts["contact_methods"].values()
                if m["contact"] == ring["contact"]
            ),
            None,
        )
    devices = facts["devices"]
    return {
        **ring,
        "contact_name": contact_name,
        "device_names": [(devices.get(d) or {}).get("name") for d in ring["devices"]],
    }
