"""Benchmark: build + validate + compile of synthetic accounts against a bare networkx traversal.

For each size it builds a realistic account (phone and internal numbers, ring groups with
timelines and no_answer chains, contact methods with devices; about two cables per object),
then prints the best time of the engine's pipeline (and of each phase), the best time of
``nx.descendants`` from every entry of the same graph, their ratio, a second reference ("plan
data": the time orjson takes to make the plan's dicts and lists from its JSON text, in C and
with no logic: what merely producing data of the plan's size costs), the pipeline's peak memory
(tracemalloc, in a separate run so that tracing does not slow the timed ones) and the share of
one run spent in the cyclic garbage collector. Then the pipeline again "as served": after
``workspace.collector.tune_collector_for_serving()``, which ``workspace serve`` calls in each
worker once its app is built (the data is made after it, as a request's would be).

    python bench/compile.py                     # 1k, 10k and 50k objects
    python bench/compile.py --sizes 1000,10000  # target: 10k under 1 s, ratio under 10
    python bench/compile.py --clock cpu         # CPU time: steadier when the machine is busy
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402
import orjson  # noqa: E402

from workspace.collector import tune_collector_for_serving  # noqa: E402
from workspace.graph import build, compile_plan, has_errors, validate  # noqa: E402
from workspace.objects.types import REGISTRY  # noqa: E402
from workspace.objects.types.ring_group import ring_all, sequential  # noqa: E402


def synthetic_account(size: int, seed: int = 1) -> tuple[list[dict], list[dict], dict]:
    """Return ``(objects, cables, facts)`` of a valid account with ``size`` objects.

    40% contact methods (8 in 10 call.center with 1 to 3 devices), 20% ring groups of 5 to 9
    members (half of them passing no_answer on), 20% phone numbers, 20% internal numbers.
    """
    rng = random.Random(seed)
    n_methods, n_groups = size * 2 // 5, size // 5
    n_phones = size // 5
    n_internals = size - n_methods - n_groups - n_phones
    ids = iter(range(1, 10 * size))
    facts: dict[str, Any] = {
        "account": 1,
        "phone_numbers": {i: {"number": f"+1415{i:07d}"} for i in range(1, n_phones + 1)},
        "internal_numbers": {i: {"number": str(10000 + i)} for i in range(1, n_internals + 1)},
        "contact_methods": {},
        "devices": {},
        "sip_accounts": {},
        "feature_codes": {1: {"code": "*9", "purpose": "record_on_demand", "enabled": True}},
        "delivery_methods": {1: {"type": "email"}},
        "audio_files": {1: {"name": "welcome.wav"}},
    }
    objects: list[dict] = []
    cables: list[dict] = []
    cable_ids = iter(range(1, 10 * size))

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

    device_ids = iter(range(1, 10 * size))
    methods = []
    for m in range(1, n_methods + 1):
        kind = rng.choices(["call_center", "sip_account", "phone"], [8, 1, 1])[0]
        method: dict[str, Any] = {
            "kind": kind,
            "contact": m,
            "contact_name": f"Contact {m}",
            "devices": [],
            "sip_account": None,
            "number": None,
            "settings": None,
        }
        if kind == "call_center":
            for _ in range(rng.randint(1, 3)):
                device = next(device_ids)
                facts["sip_accounts"][device] = {
                    "server": "sip.example.net",
                    "port": 5060,
                    "transport": "udp",
                    "proxy": None,
                    "username": str(device),
                    "auth_username": None,
                    "display_name": f"Contact {m}",
                    "push": True,
                    "manual_password": device % 7 == 0,
                    "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
                }
                facts["devices"][device] = {
                    "contact": m,
                    "name": f"Device {device}",
                    "sip_accounts": [device],
                }
                method["devices"].append(device)
            recording = rng.random() < 0.2
            method["settings"] = {
                "caller_id_name": f"Contact {m}",
                "internal_caller_id": rng.randint(1, n_internals) if n_internals else None,
                "outbound_calling": True,
                "external_caller_id": rng.randint(1, n_phones) if n_phones else None,
                "recording": {
                    "enabled": recording,
                    "inbound": recording,
                    "outbound": recording,
                    "internal": False,
                    "external": recording,
                    "on_demand": recording,
                    "delivery_method": 1 if recording else None,
                },
                "announcements": {"internal": None, "external": 1 if m % 5 == 0 else None},
            }
            if method["settings"]["external_caller_id"] is None:
                method["settings"]["outbound_calling"] = False
        elif kind == "sip_account":
            account = next(device_ids)
            facts["sip_accounts"][account] = {"server": "sip.example.net", "port": 5060}
            method["sip_account"] = account
        else:
            method["number"] = f"+49151{m:07d}"
        facts["contact_methods"][m] = method
        node = next(ids)
        methods.append(node)
        objects.append(
            {
                "id": node,
                "type": "contact_method",
                "name": f"Contact {m}",
                "tab": 1 + node % 8,
                "properties": {"contact_method": m},
            }
        )

    groups = [next(ids) for _ in range(n_groups)]
    for index, group in enumerate(groups):
        members = rng.sample(methods, min(len(methods), rng.randint(5, 9)))
        timed = members[: len(members) * 2 // 3]
        timeline = ring_all(timed) if rng.random() < 0.5 else sequential(timed, duration=15)
        objects.append(
            {
                "id": group,
                "type": "ring_group",
                "name": f"Group {group}",
                "tab": 1 + group % 8,
                "properties": {"members": timeline, "preset": "custom"},
            }
        )
        for member in members:
            wire(group, "members", member)
        if rng.random() < 0.5:
            later = groups[index + 1 : index + 20]
            wire(group, "no_answer", rng.choice(later) if later else rng.choice(methods))

    targets = groups or methods
    for kind, count in (("phone_number", n_phones), ("internal_number", n_internals)):
        for number in range(1, count + 1):
            node = next(ids)
            objects.append(
                {
                    "id": node,
                    "type": kind,
                    "name": f"{kind} {number}",
                    "tab": 1 + node % 8,
                    "properties": {"number": number},
                }
            )
            wire(node, "calls", rng.choice(targets) if rng.random() < 0.85 else rng.choice(methods))
    return objects, cables, facts


def pipeline(objects: list[dict], cables: list[dict], facts: dict) -> dict[str, Any]:
    """What the Flask side does on publish: build (keeping the rows' properties, as
    ``graph_of`` does with a loaded draft), validate, compile."""
    G = build(objects, cables, facts, owned=True)
    problems = validate(G, types=REGISTRY, facts=facts)
    return compile_plan(G, types=REGISTRY, facts=facts, problems=problems)


def traversal(G: nx.MultiDiGraph, entries: list[int]) -> int:
    """The baseline: every node reachable from every entry, by networkx alone."""
    return sum(len(nx.descendants(G, entry)) for entry in entries)


def plan_data_time(
    objects: list[dict], cables: list[dict], facts: dict, repeat: int, clock: Any
) -> tuple[float, int]:
    """The reference "plan data": the best time orjson takes to make the plan's dicts and lists
    from its JSON text (C, no logic), and the text's size in bytes."""
    text = orjson.dumps(pipeline(objects, cables, facts))
    return best(lambda: orjson.loads(text), repeat, clock), len(text)


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def best(fn: Any, repeat: int, clock: Any) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def gc_share(fn: Any, clock: Any) -> float:
    """Run ``fn`` once and return the share of its time the cyclic garbage collector took."""
    spent = [0.0]
    started = [0.0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = clock()
        else:
            spent[0] += clock() - started[0]

    gc.collect()
    gc.callbacks.append(watch)
    start = clock()
    try:
        fn()
    finally:
        gc.callbacks.remove(watch)
    return spent[0] / (clock() - start)


def measure(size: int, repeat: int, clock: Any = time.perf_counter) -> dict[str, Any]:
    objects, cables, facts = synthetic_account(size)
    G = build(objects, cables, facts)
    problems = validate(G, types=REGISTRY, facts=facts)
    assert not has_errors(problems), problems[:3]
    entries = [o["id"] for o in objects if o["type"] in ("phone_number", "internal_number")]

    phases = {
        "build": best(lambda: build(objects, cables, facts, owned=True), repeat, clock),
        "validate": best(lambda: validate(G, types=REGISTRY, facts=facts), repeat, clock),
        "compile": best(
            lambda: compile_plan(G, types=REGISTRY, facts=facts, problems=problems), repeat, clock
        ),
    }
    total = best(lambda: pipeline(objects, cables, facts), repeat, clock)
    baseline = best(lambda: traversal(G, entries), repeat, clock)

    plan_data, _ = plan_data_time(objects, cables, facts, repeat, clock)
    in_gc = gc_share(lambda: pipeline(objects, cables, facts), clock)
    gc.collect()
    tracemalloc.start()
    plan = pipeline(objects, cables, facts)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "size": size,
        "cables": len(cables),
        "routes": len(plan["routes"]),
        "devices": len(plan["devices"]),
        "total": total,
        "baseline": baseline,
        "ratio": total / baseline,
        "plan_data": plan_data,
        "gc_share": in_gc,
        "peak_mib": peak / 2**20,
        **phases,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best counts")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall time, or this process's CPU time (steadier on a busy machine)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    header = (
        f"{'objects':>8} {'cables':>7} {'routes':>7} {'build':>7} {'valid.':>7} {'compile':>7} "
        f"{'total s':>8} {'nx BFS s':>8} {'ratio':>6} {'data s':>7} {'peak MiB':>8} {'in gc':>6}"
    )
    print(header)
    for size in sizes:
        r = measure(size, args.repeat, CLOCKS[args.clock])
        print(
            f"{r['size']:>8} {r['cables']:>7} {r['routes']:>7} {r['build']:>7.3f} "
            f"{r['validate']:>7.3f} {r['compile']:>7.3f} {r['total']:>8.3f} "
            f"{r['baseline']:>8.3f} {r['ratio']:>6.1f} {r['plan_data']:>7.3f} "
            f"{r['peak_mib']:>8.1f} "
            f"{r['gc_share']:>6.0%}",
            flush=True,
        )
    tune_collector_for_serving()
    print("as served (collector tuned as in `workspace serve`):")
    for size in sizes:
        print(served(size, args.repeat, CLOCKS[args.clock]), flush=True)


def served(size: int, repeat: int, clock: Any) -> str:
    """The pipeline's best time once the collector is tuned, on data made after the tuning."""
    objects, cables, facts = synthetic_account(size)
    G = build(objects, cables, facts)
    entries = [o["id"] for o in objects if o["type"] in ("phone_number", "internal_number")]
    total = best(lambda: pipeline(objects, cables, facts), repeat, clock)
    baseline = best(lambda: traversal(G, entries), repeat, clock)
    plan_data, size_bytes = plan_data_time(objects, cables, facts, repeat, clock)
    in_gc = gc_share(lambda: pipeline(objects, cables, facts), clock)
    return (
        f"{size:>8} total {total:.3f} s, nx BFS {baseline:.3f} s, "
        f"ratio {total / baseline:.1f}, plan data {plan_data:.3f} s "
        f"({plan_data / baseline:.1f} x BFS, {size_bytes / 2**20:.1f} MiB of JSON), "
        f"in gc {in_gc:.0%}"
    )


if __name__ == "__main__":
    main()
