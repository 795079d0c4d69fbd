"""The top-level packages of `workspace` import each other in one direction only.

Our first release tied contact_center, objects and device_api into one import cycle through
direct calls to device_api's config refresh. Now a lower package announces what changed
(workspace.signals) and a higher one subscribes; a lower package never imports a higher one.
The order, lowest first (a package may import those before it, never those after it):

    graph          pure engine: imports nothing from workspace at all
    auth           accounts, admins, sessions, the /workspace socket namespace
    contact_center providers, numbers, contacts, devices, delivery methods
    objects        the canvas: reads contact_center to compile; answers its questions
                   (contact_methods_placed) through a signal
    device_api     what devices fetch: reads contact_center and the published plan; subscribes
                   to devices_may_change and device_token_revoked
    sip            the SIP server: writes plan files from the published plan and the
                   device-config builder, renders and runs Kamailio (kemi/ is stdlib only)
    delivery       recordings: reads contact_center's delivery methods and device_api's token
                   check; lends contact_center its connection check in its init_app
    account        account settings (reads contact_center)
    wizard         builds through every service below it
    device_sim     a pure client: imports nothing from the server packages

Every import counts: module level, inside functions, relative, and `import workspace.x`.
Top-level modules (create_app, cli, blueprints, models, demo) may import any package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import workspace

ROOT = Path(workspace.__file__).parent
LAYERS = [
    "graph",
    "auth",
    "team",
    "contact_center",
    "objects",
    "device_api",
    "calls",
    "sip",
    "audit",
    "delivery",
    "account",
    "wizard",
    "device_sim",
]
# Packages that import nothing else from workspace's packages.
LEAVES = {"graph", "device_sim"}


def packages() -> set[str]:
    return {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module `path` imports, at any depth of its syntax tree."""
    module = ".".join(("workspace", *path.relative_to(ROOT).with_suffix("").parts))
    if path.name == "__init__.py":
        module += ".__init__"
    return imports_of(path.read_text(), module)


def imports_of(source: str, module: str) -> set[str]:
    """Absolute names of the modules `source` (the text of `module`) imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                names.add(".".join([*base, node.module] if node.module else base))
            else:
                names.add(node.module or "")
            # `from workspace import objects` imports the package objects.
            names.update(f"{node.module}.{alias.name}" for alias in node.names if node.module)
    return names


def package_edges() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) package pairs, with the files that make each one."""
    known = packages()
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if len(parts) < 2:
            continue  # a top-level module: create_app, cli and friends may import anything
        source = parts[0]
        for name in imported_modules(path):
            pieces = name.split(".")
            if pieces[0] != "workspace" or len(pieces) < 2 or pieces[1] not in known:
                continue
            if pieces[1] != source:
                edges.setdefault((source, pieces[1]), []).append(str(path.relative_to(ROOT)))
    return edges


def find_cycle(edges) -> list[str] | None:
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                found = visit(nxt, [*path, nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def test_when_a_package_is_added_then_it_is_given_a_layer():
    assert packages() == set(LAYERS)


def test_when_packages_import_each_other_then_there_is_no_cycle():
    edges = package_edges()
    cycle = find_cycle(edges)
    assert cycle is None, " -> ".join(cycle or []) + f"  ({edges})"


def test_when_a_package_imports_another_then_the_other_is_lower():
    upward = {
        (source, target): files
        for (source, target), files in package_edges().items()
        if LAYERS.index(target) > LAYERS.index(source)
    }
    assert upward == {}


def test_when_graph_or_device_sim_import_then_nothing_from_the_server_packages():
    assert [edge for edge in package_edges() if edge[0] in LEAVES] == []


def test_when_two_packages_import_each_other_then_the_walker_sees_the_cycle():
    edges = {("contact_center", "device_api"): [], ("device_api", "contact_center"): []}
    assert find_cycle(edges) in (
        ["contact_center", "device_api", "contact_center"],
        ["device_api", "contact_center", "device_api"],
    )


def test_when_an_import_is_inside_a_function_or_relative_then_it_counts():
    source = "def f():\n    from workspace.device_api import refresh\n    from ..objects import x\n"
    names = imports_of(source, "workspace.contact_center.probe")
    assert {"workspace.device_api.refresh", "workspace.objects"} <= names
