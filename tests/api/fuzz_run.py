"""The machinery of the OpenAPI fuzz test (test_openapi_fuzz.py): one run against one app.

A run holds the seeded account (tests/factories_fuzz.py), sends each generated case with the
right credentials, shows the app's traceback with a server error, and keeps the figures.
Its schemathesis hooks make generated ids and If-Match headers sometimes name the seeded
rows, so requests get past the 404s and 412s into the services.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories_fuzz import FuzzSeed, empty_tables, seed_fuzz_account

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
MUTATING = {"POST", "PUT", "PATCH", "DELETE"}

# Path parameters whose name alone does not say which rows they name: the first entry whose
# path prefix matches gives the key in FuzzSeed.ids. Other names are keys themselves.
PATH_IDS: dict[str, list[tuple[str, str]]] = {
    "method_id": [("/api/v1/contacts/", "contact_method_id"), ("", "delivery_method_id")],
    "number_id": [("/api/v1/numbers/phone", "phone_number_id"), ("", "internal_number_id")],
    "number": [("", "revision")],
    "old": [("", "revision")],
    "new": [("", "revision")],
}
# Body and query fields that hold ids of other rows -> key in FuzzSeed.ids.
FIELD_IDS = {
    "contact_id": "contact_id",
    "provider_id": "provider_id",
    "tab_id": "tab_id",
    "sip_account_id": "sip_account_id",
    "sip_account_ids": "sip_account_id",
    "source": "object_id",
    "target": "object_id",
    "internal_caller_id": "internal_number_id",
    "external_caller_id": "phone_number_id",
}
# Every seeded row is at one of these versions when an operation starts.
IF_MATCH_VERSIONS = ['"1"', '"2"', '"3"']


@dataclass
class Figures:
    """What a run did, per operation: examples, statuses, time, failing examples."""

    backend: str
    seed: int
    examples_per_operation: int
    examples: Counter = field(default_factory=Counter)
    answers: dict[str, Counter] = field(default_factory=dict)  # operation -> status -> n
    seconds: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)  # operation -> failing examples

    def statuses(self) -> Counter:
        return sum(self.answers.values(), Counter())

    def summary(self, elapsed: float) -> str:
        lines = [
            f"openapi fuzz [{self.backend}]: {len(self.examples)} operations, "
            f"{sum(self.examples.values())} examples, {elapsed:.1f} s; "
            f"{sum(self.failed.values())} failing examples in {len(self.failed)} operations "
            f"(seed {self.seed}, {self.examples_per_operation} examples per operation)",
            "  statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses().items())),
        ]
        lines += [f"  FAILED  {label}: {n} examples" for label, n in sorted(self.failed.items())]
        return "\n".join(lines)

    def as_json(self, elapsed: float) -> dict:
        return {
            "backend": self.backend,
            "seed": self.seed,
            "examples_per_operation": self.examples_per_operation,
            "seconds": round(elapsed, 1),
            "operations": len(self.examples),
            "examples": sum(self.examples.values()),
            "statuses": dict(self.statuses()),
            "failed": dict(self.failed),
            "per_operation": {
                label: {
                    "examples": n,
                    "seconds": round(self.seconds[label], 2),
                    "statuses": dict(self.answers.get(label, {})),
                }
                for label, n in sorted(self.examples.items())
            },
        }


class ServerErrors(logging.Handler):
    """Keeps the traceback of the last unhandled exception the app logged (workspace.errors)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.last: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.last = "".join(traceback.format_exception(*record.exc_info))


class FuzzRun:
    """One run against one app: the seeded account, the credentials per API, the figures.

    Every operation starts on a freshly seeded account once an earlier operation may have
    written, so a delete early in the document does not empty the account for the rest.
    """

    def __init__(self, app, figures: Figures) -> None:
        self.app = app
        self.seed: FuzzSeed = seed_fuzz_account(app)
        self.figures = figures
        self.errors = ServerErrors()
        self._operation: str | None = None
        self._dirty = False

    def _start(self, label: str, method: str) -> None:
        if label == self._operation:
            return
        if self._dirty:
            empty_tables(self.app)
            seed = seed_fuzz_account(self.app)
            assert seed.ids == self.seed.ids, "reseeding must make the same ids"
            self.seed = seed
        self._operation = label
        self._dirty = method in MUTATING

    def _credentials(self, case) -> dict:
        path = case.operation.path
        if path == "/device/v1/activate":
            return {}
        if path.startswith("/device/v1/"):
            return {"headers": self.seed.device_headers()}
        return {"headers": self.seed.csrf_headers(), "cookies": self.seed.cookies()}

    def check(self, case) -> None:
        """Send `case` with the credentials its API takes, and run CHECKS on the answer."""
        label = case.operation.label
        self._start(label, case.method.upper())
        started = time.perf_counter()
        self.figures.examples[label] += 1
        self.errors.last = None
        credentials = self._credentials(case)
        try:
            response = case.call(**credentials)
            self.figures.answers.setdefault(label, Counter())[response.status_code] += 1
            case.validate_response(response, checks=CHECKS, headers=credentials.get("headers"))
        except (Exception, BaseExceptionGroup):  # schemathesis' FailureGroup is the latter
            self.figures.failed[label] += 1
            if self.errors.last:
                print(self.errors.last)  # the app's traceback, shown with the failure
            raise
        finally:
            self.figures.seconds[label] += time.perf_counter() - started


# --- generation: sometimes the seeded ids, sometimes a matching If-Match -------------------


def _maybe(value, choices: list) -> st.SearchStrategy:
    """The generated value, or one of `choices` (rows that exist)."""
    if not choices:
        return st.just(value)
    return st.one_of(st.just(value), st.sampled_from(choices))


def _path_ids(run: FuzzRun, name: str, path: str) -> list[int]:
    for prefix, key in PATH_IDS.get(name, [("", name)]):
        if path.startswith(prefix):
            return run.seed.ids.get(key, [])
    return []


def _fields(run: FuzzRun, values) -> st.SearchStrategy:
    if not isinstance(values, dict):
        return st.just(values)
    options = {}
    for name, value in values.items():
        ids = run.seed.ids.get(FIELD_IDS.get(name, ""), [])
        if ids and isinstance(value, list):
            options[name] = _maybe(value, [ids[:1], ids])
        elif ids and isinstance(value, int) and not isinstance(value, bool):
            options[name] = _maybe(value, ids)
        else:
            options[name] = st.just(value)
    return st.fixed_dictionaries(options)


def install_hooks(schema, run: FuzzRun) -> None:
    """Schema-level hooks (this schema only) that steer generated values to seeded rows."""

    @schema.hook("flatmap_path_parameters")
    def seeded_path(ctx, path_parameters):
        path = ctx.operation.path
        return st.fixed_dictionaries(
            {
                name: _maybe(value, _path_ids(run, name, path))
                for name, value in (path_parameters or {}).items()
            }
        )

    @schema.hook("flatmap_query")
    def seeded_query(ctx, query):
        return _fields(run, query)

    @schema.hook("flatmap_body")
    def seeded_body(ctx, body):
        if ctx.operation.path == "/device/v1/activate" and isinstance(body, dict):
            return _maybe(body, [body | {"code": run.seed.activation_code}])
        return _fields(run, body)

    @schema.hook("flatmap_headers")
    def current_version(ctx, headers):
        if ctx.operation.method.upper() not in MUTATING:
            return st.just(headers)
        with_version = st.sampled_from(IF_MATCH_VERSIONS).map(
            lambda version: {**(headers or {}), "If-Match": version}
        )
        return st.one_of(st.just(headers), with_version)
