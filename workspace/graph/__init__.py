"""The pure routing engine: workspace rows -> graph -> problems -> routing plan -> simulation.

``build`` makes a networkx MultiDiGraph of objects and cables, ``validate`` lists every
problem, ``compile_plan`` turns a workspace without errors into the routing plan and
``simulate`` plays a call through a plan. Nothing here imports Flask, the database or the rest
of ``workspace``; object types come in as the ``types`` argument.

Example
-------
>>> from workspace.graph import build, compile_plan, validate
>>> from workspace.objects.types import REGISTRY
>>> G = build(objects=[], cables=[])
>>> validate(G, types=REGISTRY, facts={})
[]
>>> compile_plan(G, types=REGISTRY, facts={})["routes"]
{}
"""

from workspace.graph.build import (
    build,
    graph_memo,
    in_cables,
    object_label,
    out_cables,
    update_graph,
)
from workspace.graph.compile import FORMAT, compile_plan, node_id, plan_hash
from workspace.graph.devices import device_settings, devices_section
from workspace.graph.facts import record_on_demand_code
from workspace.graph.plan_format import upgrade_plan
from workspace.graph.simulate import declined, declines_of, ring_of, route_key, simulate
from workspace.graph.spec import (
    BuildError,
    CompileError,
    GraphError,
    ObjectType,
    PortSpec,
    Problem,
    Reference,
    make_problem,
)
from workspace.graph.validate import has_errors, placed_rows, valid_objects, validate

__all__ = [
    "FORMAT",
    "BuildError",
    "CompileError",
    "GraphError",
    "ObjectType",
    "PortSpec",
    "Problem",
    "Reference",
    "build",
    "compile_plan",
    "device_settings",
    "devices_section",
    "graph_memo",
    "has_errors",
    "in_cables",
    "make_problem",
    "node_id",
    "object_label",
    "out_cables",
    "placed_rows",
    "plan_hash",
    "record_on_demand_code",
    "declined",
    "declines_of",
    "ring_of",
    "route_key",
    "simulate",
    "update_graph",
    "upgrade_plan",
    "valid_objects",
    "validate",
]
