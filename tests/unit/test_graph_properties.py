"""Properties that hold for every workspace: hypothesis draws the workspaces.

``any_workspaces`` draws anything, broken or not (unknown types and ports, bad properties,
missing rows, loops); ``valid_workspaces`` draws well-formed call flows over ``FACTS``.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workspace.graph import build, compile_plan, has_errors, simulate, validate
from workspace.objects.types import REGISTRY

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PHONE_NUMBERS = [101, 102, 103, 104]
INTERNAL_NUMBERS = [201, 202, 203, 204]
CONTACT_METHODS = [301, 302, 303, 304, 305]


def _call_center(contact: int, devices: list[int], **settings: Any) -> dict[str, Any]:
    recording = {
        "enabled": False,
        "inbound": False,
        "outbound": False,
        "internal": False,
        "external": False,
        "on_demand": False,
        "delivery_method": None,
    }
    recording.update(settings.pop("recording", {}))
    return {
        "kind": "call_center",
        "contact": contact,
        "contact_name": f"Contact {contact}",
        "devices": devices,
        "sip_account": None,
        "number": None,
        "settings": {
            "caller_id_name": f"Contact {contact}",
            "internal_caller_id": None,
            "outbound_calling": False,
            "external_caller_id": None,
            "recording": recording,
            "announcements": {"internal": None, "external": 901},
            **settings,
        },
    }


FACTS: dict[str, Any] = {
    "account": 1,
    "phone_numbers": {i: {"number": f"+1415555{i:04d}"} for i in PHONE_NUMBERS},
    "internal_numbers": {i: {"number": str(i + 300)} for i in INTERNAL_NUMBERS},
    "contact_methods": {
        301: _call_center(
            601,
            [401, 402],
            internal_caller_id=201,
            outbound_calling=True,
            external_caller_id=101,
        ),
        302: _call_center(
            602,
            [403],
            recording={"enabled": True, "inbound": True, "on_demand": True, "delivery_method": 801},
        ),
        303: _call_center(603, []),
        304: {
            "kind": "sip_account",
            "contact": 604,
            "contact_name": "SIP",
            "devices": [],
            "sip_account": 501,
            "number": None,
            "settings": None,
        },
        305: {
            "kind": "phone",
            "contact": 605,
            "contact_name": "Mobile",
            "devices": [],
            "sip_account": None,
            "number": "+4915112345678",
            "settings": None,
        },
    },
    "devices": {
        401: {"contact": 601, "name": "Laptop", "sip_accounts": [501]},
        402: {"contact": 601, "name": "Phone", "sip_accounts": [501, 502]},
        403: {"contact": 602, "name": "Desk", "sip_accounts": []},
    },
    "sip_accounts": {
        501: {
            "server": "sip.example.net",
            "port": 5060,
            "transport": "udp",
            "proxy": None,
            "username": "1001",
            "auth_username": None,
            "display_name": "A",
            "push": True,
            "manual_password": False,
            "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
        },
        502: {
            "server": "sip.example.org",
            "port": 5061,
            "transport": "tls",
            "proxy": "proxy.example.org",
            "username": "1002",
            "auth_username": "x",
            "display_name": "B",
            "push": False,
            "manual_password": True,
            "dialing_rules": [],
        },
    },
    "feature_codes": {701: {"code": "*1", "purpose": "record_on_demand", "enabled": True}},
    "delivery_methods": {801: {"type": "email"}},
    "audio_files": {901: {"name": "welcome.wav"}},
}

TYPES = ["phone_number", "internal_number", "ring_group", "contact_method", "mystery"]
PORTS = ["calls", "members", "no_answer", "bogus"]
TIMING = {"start", "duration", "no_answer_after", "port", "min_length", "at", "until"}


def _properties(draw: st.DrawFn, kind: str, ids: list[int]) -> dict[str, Any]:
    if kind in ("phone_number", "internal_number"):
        pool = PHONE_NUMBERS if kind == "phone_number" else INTERNAL_NUMBERS
        return {"number": draw(st.sampled_from([None, 999, *pool]))}
    if kind == "contact_method":
        return {"contact_method": draw(st.sampled_from([None, 999, *CONTACT_METHODS]))}
    if kind == "ring_group":
        member = st.fixed_dictionaries(
            {"target": st.sampled_from([*ids, 999])},
            optional={"start": st.integers(-5, 310), "duration": st.integers(0, 310)},
        )
        props = {"members": draw(st.lists(member, max_size=4))}
        if draw(st.booleans()):
            props["preset"] = draw(st.sampled_from(["ring_all", "sequential", "custom", "x"]))
        return props
    return draw(st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@st.composite
def any_workspaces(draw: st.DrawFn) -> tuple[list[dict], list[dict]]:
    """Anything at all: the engine must report, never raise."""
    ids = draw(st.lists(st.integers(1, 60), unique=True, max_size=10))
    objects = []
    for i in ids:
        kind = draw(st.sampled_from(TYPES))
        objects.append(
            {
                "id": i,
                "type": kind,
                "name": f"o{i}",
                "tab": 1,
                "properties": _properties(draw, kind, ids),
            }
        )
    cables = []
    if ids:
        for c in draw(st.lists(st.integers(1, 100), unique=True, max_size=14)):
            cables.append(
                {
                    "id": c,
                    "source": draw(st.sampled_from(ids)),
                    "source_port": draw(st.sampled_from(PORTS)),
                    "target": draw(st.sampled_from(ids)),
                    "target_port": draw(st.sampled_from(PORTS)),
                }
            )
    return objects, cables


@st.composite
def valid_workspaces(draw: st.DrawFn) -> tuple[list[dict], list[dict]]:
    """Well-formed call flows: entries -> ring groups (no_answer forward only) -> methods."""
    n_methods = draw(st.integers(1, 4))
    n_groups = draw(st.integers(0, 3))
    phones = draw(st.lists(st.sampled_from(PHONE_NUMBERS), unique=True, max_size=3))
    internals = [
        201,
        *draw(st.lists(st.sampled_from(INTERNAL_NUMBERS[1:]), unique=True, max_size=2)),
    ]
    total = n_methods + n_groups + len(phones) + len(internals)
    ids = draw(st.permutations(range(1, 200)))[:total]
    cable_ids = iter(draw(st.permutations(range(1, 400))))
    methods, groups = ids[:n_methods], ids[n_methods : n_methods + n_groups]
    entries = ids[n_methods + n_groups :]
    objects, cables = [], []

    def wire(source: int, port: str, target: int) -> None:
        cables.append(
            {
                "id": next(cable_ids),
                "source": source,
                "source_port": port,
                "target": target,
                "target_port": "calls",
            }
        )

    for m in methods:
        props = {"contact_method": draw(st.sampled_from(CONTACT_METHODS))}
        objects.append(
            {"id": m, "type": "contact_method", "name": f"m{m}", "tab": 1, "properties": props}
        )
    for index, g in enumerate(groups):
        members = draw(st.lists(st.sampled_from(methods), min_size=1, unique=True))
        timeline = []
        for position, target in enumerate(members):
            if position and draw(st.booleans()):
                continue  # a cabled member without an entry rings from 0 s for 30 s
            start = 0 if position == 0 else draw(st.integers(0, 120))
            timeline.append(
                {"target": target, "start": start, "duration": draw(st.integers(1, 120))}
            )
        objects.append(
            {
                "id": g,
                "type": "ring_group",
                "name": f"g{g}",
                "tab": 2,
                "properties": {"members": timeline},
            }
        )
        for target in members:
            wire(g, "members", target)
        onward = draw(
            st.sampled_from([None, "method", *(["group"] if index + 1 < n_groups else [])])
        )
        if onward == "method":
            wire(g, "no_answer", draw(st.sampled_from(methods)))
        elif onward == "group":
            wire(g, "no_answer", draw(st.sampled_from(groups[index + 1 :])))
    numbers = [("phone_number", n) for n in phones] + [("internal_number", n) for n in internals]
    for e, (kind, number) in zip(entries, numbers, strict=True):
        objects.append(
            {"id": e, "type": kind, "name": f"e{e}", "tab": 1, "properties": {"number": number}}
        )
        wire(e, "calls", draw(st.sampled_from(groups + methods)))
    return objects, cables


def _shuffled(rows: list[dict], seed: int) -> list[dict]:
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return rows


def _ints(value: Any, skip: frozenset[str] = frozenset()) -> set[int]:
    """Every int in a JSON-shaped value (dict keys included; digit strings of keys too)."""
    found: set[int] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, int):
                found.add(key)
            elif isinstance(key, str) and key.isdigit():
                found.add(int(key))
            if key not in skip:
                found |= _ints(item, skip)
    elif isinstance(value, list):
        for item in value:
            found |= _ints(item, skip)
    elif isinstance(value, int) and not isinstance(value, bool):
        found.add(value)
    return found


def _compile(objects: list[dict], cables: list[dict]) -> dict[str, Any]:
    G = build(objects, cables)
    return compile_plan(G, types=REGISTRY, facts=FACTS)


@PROPERTY
@given(any_workspaces(), st.integers(0, 10**6))
def test_when_anything_is_validated_then_it_reports_without_raising_in_a_stable_order(
    workspace, seed
):
    objects, cables = workspace
    problems = validate(build(objects, cables), types=REGISTRY, facts=FACTS)
    again = validate(
        build(_shuffled(objects, seed), _shuffled(cables, seed)), types=REGISTRY, facts=FACTS
    )
    assert problems == again
    assert all(p["severity"] in ("error", "warning") for p in problems)
    ids = {o["id"] for o in objects}
    cable_ids = {c["id"] for c in cables}
    for problem in problems:
        assert set(problem["objects"]) <= ids
        assert set(problem["cables"]) <= cable_ids


@PROPERTY
@given(st.one_of(any_workspaces(), valid_workspaces()))
def test_when_anything_validates_without_errors_then_it_compiles(workspace):
    objects, cables = workspace
    G = build(objects, cables)
    problems = validate(G, types=REGISTRY, facts=FACTS)
    assume(not has_errors(problems))
    plan = compile_plan(G, types=REGISTRY, facts=FACTS, problems=problems)
    assert plan == compile_plan(G, types=REGISTRY, facts=FACTS)


@PROPERTY
@given(valid_workspaces())
def test_when_a_call_flow_is_valid_then_it_compiles(workspace):
    objects, cables = workspace
    problems = validate(build(objects, cables), types=REGISTRY, facts=FACTS)
    assert not has_errors(problems), problems
    plan = _compile(objects, cables)
    entries = [o for o in objects if o["type"] in ("phone_number", "internal_number")]
    assert len(plan["routes"]) == len(entries)
    for key in plan["routes"]:
        assert simulate(plan, types=REGISTRY, number=key)["found"]


@PROPERTY
@given(valid_workspaces(), st.integers(0, 10**6))
def test_when_input_order_is_shuffled_then_the_hash_is_the_same(workspace, seed):
    objects, cables = workspace
    plan = _compile(objects, cables)
    shuffled = _compile(_shuffled(objects, seed), _shuffled(cables, seed))
    assert shuffled["hash"] == plan["hash"]
    assert shuffled == plan
    assert _compile(objects, cables)["hash"] == plan["hash"]
    body = {k: plan[k] for k in ("format", "routes", "nodes", "devices")}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    assert plan["hash"] == "sha256:" + hashlib.sha256(canonical).hexdigest()


def _route_nodes(plan, key):
    """The nodes a route passes, following every exit."""
    found, todo = [], [plan["routes"][key]["node"]]
    while todo:
        node = plan["nodes"][todo.pop()]
        found.append(node)
        todo += [t for t in node.get("exits", {}).values() if plan["nodes"][t] not in found]
    return found


@PROPERTY
@given(valid_workspaces())
def test_when_a_device_rings_on_a_route_then_its_contact_method_is_on_that_route(workspace):
    plan = _compile(*workspace)
    methods = FACTS["contact_methods"]
    for key in plan["routes"]:
        entries = []
        for step in _route_nodes(plan, key):
            entries += step.get("timeline", [step] if "contact_method" in step else [])
        on_route = {e["contact_method"] for e in entries}
        for entry in entries:
            for device in entry["devices"]:
                assert any(device in methods[m]["devices"] for m in on_route)
                assert key in plan["devices"][str(device)]["reachable_at"]
    for device, config in plan["devices"].items():
        for key in config["reachable_at"]:
            steps = _route_nodes(plan, key)
            ringing = {
                d for s in steps for e in s.get("timeline", [s]) for d in e.get("devices", [])
            }
            assert int(device) in ringing


@PROPERTY
@given(st.one_of(valid_workspaces(), any_workspaces()))
def test_when_compiled_then_the_plan_names_only_ids_from_the_input(workspace):
    objects, cables = workspace
    G = build(objects, cables)
    problems = validate(G, types=REGISTRY, facts=FACTS)
    assume(not has_errors(problems))
    plan = compile_plan(G, types=REGISTRY, facts=FACTS, problems=problems)
    known = _ints(objects) | _ints(cables) | _ints(FACTS)
    named = _ints(
        {k: v for k, v in plan.items() if k not in ("revision", "format")}, skip=frozenset(TIMING)
    )
    assert named <= known
