"""The vocabulary the graph engine shares with the object types: ports, types, problems, errors.

Object types live in ``workspace.objects.types``; the engine never imports them. Callers hand
the registry in (``validate(G, types=REGISTRY, facts=...)``), so this module holds only the
plain shapes both sides agree on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

import networkx as nx

__all__ = [
    "BuildError",
    "CompileError",
    "GraphError",
    "ObjectType",
    "PortSpec",
    "Problem",
    "Reference",
    "make_problem",
]

#: "info" is a note the canvas shows (overlapping intervals), never a reason to refuse.
Severity = Literal["error", "warning", "info"]
Direction = Literal["in", "out"]
Category = Literal["entry", "routing", "destination"]
Facts = Mapping[str, Any]


class GraphError(Exception):
    """Base class of the graph engine's exceptions."""


class BuildError(GraphError, ValueError):
    """The rows handed to ``build`` cannot form a graph (duplicate ids, dangling cables).

    The database's keys rule these out, so this is a caller's bug, not a user's mistake.
    """


class CompileError(GraphError):
    """``compile_plan`` was asked to compile a workspace that has errors.

    Attributes
    ----------
    problems : list of Problem
        Every problem of the workspace, errors and warnings, as ``validate`` returns them.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p["severity"] == "error"]
        super().__init__(f"the workspace has {len(errors)} error(s); validate it first")


class Problem(TypedDict):
    """One finding of ``validate``: JSON-ready as it is.

    ``code`` is a stable snake_case key (the canvas and the tests key on it), ``objects`` and
    ``cables`` are the ids to highlight.
    """

    code: str
    severity: Severity
    message: str
    objects: list[int]
    cables: list[int]


def make_problem(
    code: str,
    message: str,
    *,
    objects: list[int] | tuple[int, ...] = (),
    cables: list[int] | tuple[int, ...] = (),
    severity: Severity = "error",
) -> Problem:
    """Return a Problem with its id lists copied into lists.

    Example
    -------
    >>> p = make_problem("entry.no_route", "Phone Number #12 has no route.", objects=[12])
    >>> p["severity"], p["objects"], p["cables"]
    ('error', [12], [])
    """
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "objects": list(objects),
        "cables": list(cables),
    }


@dataclass(frozen=True)
class PortSpec:
    """One port of an object type.

    An output port emits ``signal``; an input port takes the signals in ``accepts``. A cable is
    legal when the source port's signal is one the target port accepts. ``max_cables`` is None
    for "many". ``warning`` asks the canvas to draw the port in its warning colour.
    """

    name: str
    direction: Direction
    label: str
    max_cables: int | None = None
    signal: str | None = None
    accepts: frozenset[str] = frozenset()
    warning: bool = False
    tone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the port as the catalogue serves it."""
        return {
            "name": self.name,
            "direction": self.direction,
            "label": self.label,
            "max_cables": self.max_cables,
            "signal": self.signal,
            "accepts": sorted(self.accepts),
            "warning": self.warning,
            "tone": self.tone,
        }


@dataclass(frozen=True)
class Reference:
    """A property that holds the id of a row of the account's facts.

    ``collection`` names the facts mapping (``"phone_numbers"``); ``label`` names the row kind
    in messages. Validation reports a reference that is unset or names no row; an ``optional``
    one may be unset (the type's validate hook says when it is needed).
    """

    prop: str
    collection: str
    label: str
    optional: bool = False


ValidateHook = Callable[[nx.MultiDiGraph, int, Facts], list[Problem]]
CompileHook = Callable[[nx.MultiDiGraph, int, Facts], dict[str, Any]]
InboundHook = Callable[[nx.MultiDiGraph, int, Facts], str]
#: ``simulate(node, call, at)``: what a compiled node does to a call that reaches it at
#: second ``at`` (see ``workspace.graph.simulate``).
SimulateHook = Callable[[Mapping[str, Any], Mapping[str, Any], int], dict[str, Any]]


@dataclass(frozen=True)
class ObjectType:
    """Everything the engine and the canvas know about one kind of workspace object.

    Hooks take ``(G, node, facts)``. The ``facts`` they get are the account facts plus
    ``facts["placed"]``: ``{collection: {row id: [object ids]}}``, what the workspace places,
    computed once per run so that hooks never scan the graph. The engine calls ``validate``
    only on objects whose properties passed ``schema``, and ``compile``/``inbound`` only on
    a workspace without errors.

    Attributes
    ----------
    name, display_name, category, icon, color, default_name_prefix
        Catalogue facts; ``category`` is ``"entry"``, ``"routing"`` or ``"destination"``.
    ports : tuple of PortSpec
    schema : marshmallow.Schema
        Validates the properties (``unknown = RAISE``); the Flask side loads writes with it.
    properties_schema : dict
        The same as a JSON schema, for the catalogue.
    defaults : dict
        Default properties; also fill keys the stored properties leave out.
    references : tuple of Reference
        Properties that point at facts rows (checked generically: unset or missing). The
        hooks run only once these resolve.
    max_visits : int
        How often one call may pass this object. 1 (every type today) makes a cycle through
        it a ``route.loop`` error; a type that repeats by design (a voice menu) declares its
        bound, and the simulator and the SIP server stop a call there after that many visits.
    validate : hook returning a list of Problem, or None
    compile : hook returning this object's node body in the plan (without ``object``,
        ``type`` and ``exits``, which the engine adds); None compiles to those alone.
    simulate : hook playing a call through this type's node, or None (see ``graph.simulate``)
    inbound : hook returning the plan's route key, ``"+1..."`` or ``"ext:101"`` (entries);
        two entries with one key are ``number.placed_twice``.
    pickers : dict of str to str
        Which picker the canvas uses for a property (``"phone_number"``, ``"internal_number"``,
        ``"contact_method"``); declared, so the form never guesses from description text.
    quick_valid : predicate on properties, or None
        A fast accept path for ``schema``: True only for properties the schema surely
        accepts (a property test pins ``quick_valid(p) -> schema.validate(p) == {}``); on
        False the schema decides and words the problem. Schema validation was a third of
        the time of validating a large workspace.
    in_ports, out_ports : dict of str to PortSpec
        The ports by name, derived from ``ports``.
    exits : tuple of str
        The output ports that carry calls (signal ``"call"``), in declared order: the exit
        names of this type's plan nodes. Derived from ``ports``.
    """

    name: str
    display_name: str
    category: Category
    icon: str
    color: str
    ports: tuple[PortSpec, ...]
    schema: Any
    properties_schema: Mapping[str, Any]
    defaults: Mapping[str, Any]
    default_name_prefix: str
    references: tuple[Reference, ...] = ()
    max_visits: int = 1
    validate: ValidateHook | None = None
    compile: CompileHook | None = None
    simulate: SimulateHook | None = None
    inbound: InboundHook | None = None
    quick_valid: Callable[[Mapping[str, Any]], bool] | None = None
    pickers: Mapping[str, str] = field(default_factory=dict)
    in_ports: dict[str, PortSpec] = field(init=False, repr=False, compare=False)
    out_ports: dict[str, PortSpec] = field(init=False, repr=False, compare=False)
    exits: tuple[str, ...] = field(init=False, repr=False, compare=False)
    limited: frozenset[tuple[Direction, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.category == "entry" and self.inbound is None:
            raise ValueError(f"entry type {self.name!r} needs an inbound hook (its route key)")
        # Derived lookups (frozen dataclass, hence object.__setattr__).
        object.__setattr__(self, "in_ports", {p.name: p for p in self.ports if p.direction == "in"})
        object.__setattr__(
            self, "out_ports", {p.name: p for p in self.ports if p.direction == "out"}
        )
        object.__setattr__(
            self,
            "exits",
            tuple(p.name for p in self.ports if p.direction == "out" and p.signal == "call"),
        )
        # The ports with a cable limit: most objects have none to count.
        object.__setattr__(
            self,
            "limited",
            frozenset((p.direction, p.name) for p in self.ports if p.max_cables is not None),
        )

    def port(self, name: str, direction: Direction) -> PortSpec | None:
        """Return the port called ``name`` in ``direction``, or None."""
        return (self.in_ports if direction == "in" else self.out_ports).get(name)

    def to_dict(self) -> dict[str, Any]:
        """Return the type as the catalogue serves it (JSON-ready)."""
        return {
            "type": self.name,
            "display_name": self.display_name,
            "category": self.category,
            "icon": self.icon,
            "color": self.color,
            "ports": [p.to_dict() for p in self.ports],
            "properties_schema": self.properties_schema,
            "defaults": dict(self.defaults),
            "default_name_prefix": self.default_name_prefix,
            "exits": list(self.exits),
            "pickers": dict(self.pickers),
            "max_visits": self.max_visits,
        }
