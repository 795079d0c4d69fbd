"""Property-based tests of the whole API from its own OpenAPI document (schemathesis).

Every operation of /api/v1/openapi.json is called in-process with generated requests, valid
and invalid, as the logged-in admin of a seeded account (tests/factories_fuzz.py), whose
rows generated ids sometimes name (tests/api/fuzz_run.py). No answer may be a server error,
and each must be what the document says: a documented status code, content type and
headers, and a body matching its schema.

Bounded and reproducible: WORKSPACE_FUZZ_EXAMPLES examples per operation (default 15),
derandomized from WORKSPACE_FUZZ_SEED. The figures of a run (operations, examples, time,
statuses, failures) are printed at the end and written to test-output/fuzz/openapi-<backend>.json.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest
import schemathesis

from tests.api.fuzz_run import Figures, FuzzRun, install_hooks
from workspace.extensions import limiter

EXAMPLES = int(os.environ.get("WORKSPACE_FUZZ_EXAMPLES", "15"))
SEED = int(os.environ.get("WORKSPACE_FUZZ_SEED", "20261126"))
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "fuzz"

# Operations that would end the admin's session for every later request of the run.
SESSION_ENDING = ["POST /api/v1/auth/logout"]

CONFIG = {
    "seed": SEED,
    "generation": {
        "mode": "all",  # valid and invalid requests
        "max-examples": EXAMPLES,
        "deterministic": True,
        "database": "none",
    },
    "phases": {
        "examples": {"enabled": True},
        "coverage": {"enabled": False},  # unbounded by max-examples: hundreds per operation
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": False},
    },
    "suppress-health-check": ["all"],
}


def _report(request, text: str) -> None:
    """Print past pytest's capture, so the figures show on a passing run too."""
    plugins = request.config.pluginmanager
    reporter = plugins.get_plugin("terminalreporter")
    capture = plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("\n" + text)


@pytest.fixture
def fuzz_run(app, request, monkeypatch):
    # Rate limits have their own tests; here they would turn most of a run into 429s.
    monkeypatch.setitem(app.config, "RATELIMIT_ENABLED", False)
    monkeypatch.setattr(limiter, "enabled", False)
    backend = request.node.callspec.params["app"]
    run = FuzzRun(app, Figures(backend, SEED, EXAMPLES))
    errors_log = logging.getLogger("workspace.errors")
    errors_log.addHandler(run.errors)
    started = time.perf_counter()
    yield run
    errors_log.removeHandler(run.errors)
    elapsed = time.perf_counter() - started
    OUTPUT.mkdir(parents=True, exist_ok=True)
    figures = json.dumps(run.figures.as_json(elapsed), indent=1)
    (OUTPUT / f"openapi-{backend}.json").write_text(figures)
    _report(request, run.figures.summary(elapsed))


@pytest.fixture
def fuzz_schema(app, fuzz_run, request):
    # schemathesis 4.32 renames the test node per operation through `_nodeid`, which
    # pytest 9.2 no longer has; giving it one keeps its reporting working.
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid
    config = schemathesis.Config.from_dict(CONFIG)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)
    install_hooks(schema, fuzz_run)
    return schema


schema = schemathesis.pytest.from_fixture("fuzz_schema").exclude(name=SESSION_ENDING)


@pytest.mark.timeout(900)
@schema.parametrize()
def test_generated_requests_get_documented_answers_and_no_server_error(case, fuzz_run):
    fuzz_run.check(case)
