"""decide.py is what the SIP server's KEMI module loads by file path into Debian's system
python3: it must import nothing but the standard library, and decide there as it does here."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import workspace.graph.decide as decide
from workspace.graph import simulate
from workspace.objects.types import REGISTRY

PATH = Path(decide.__file__)
CASES = Path(__file__).resolve().parent.parent / "plan_cases"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}

LOADER = """
import importlib.util, json, sys
from datetime import datetime
spec = importlib.util.spec_from_file_location("decide", sys.argv[1])
decide = importlib.util.module_from_spec(spec)
spec.loader.exec_module(decide)
answers = []
for node, caller, at in json.load(sys.stdin):
    answers.append(decide.choose_exit(node, {"caller": caller, "at": datetime.fromisoformat(at)}))
print(json.dumps(answers))
"""


def test_when_decide_is_read_then_it_imports_only_the_standard_library():
    tree = ast.parse(PATH.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports: the file is loaded by path"
            names.add((node.module or "").split(".")[0])
    assert names <= STDLIB, names - STDLIB


def _decisions() -> list[tuple[dict, str | None, str, str]]:
    """(node, caller, at, the exit the reference executor took) for every router a case passes."""
    found = []
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text())
        plan = case["plan"]
        for call in case["calls"]:
            at = call["call"].get("at") or "2026-12-07T10:00:00+00:00"
            played = simulate(plan, types=REGISTRY, **{**call["call"], "at": at})
            for step in played["steps"]:
                node = plan["nodes"][step["node"]]
                if node["type"] in ("time_router", "caller_router", "blacklist"):
                    exit_name = step["exit"] or (
                        "blocked" if played["outcome"] == "rejected" else None
                    )
                    seconds = timedelta(seconds=step["at"])
                    moment = (datetime.fromisoformat(at) + seconds).isoformat()
                    found.append((node, call["call"].get("caller"), moment, exit_name))
    return found


@pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="no system python3")
def test_when_the_system_python_loads_it_by_path_then_it_decides_as_the_table_says():
    decisions = _decisions()
    assert len(decisions) >= 15
    stdin = json.dumps([[node, caller, at] for node, caller, at, _ in decisions])
    # -I: isolated (no site-packages, no cwd on sys.path), as in Kamailio's interpreter.
    done = subprocess.run(
        [
            shutil.which("python3", path="/usr/bin") or "/usr/bin/python3",
            "-I",
            "-c",
            LOADER,
            str(PATH),
        ],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [expected for *_, expected in decisions]
