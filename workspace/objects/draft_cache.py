"""An account's draft kept built between the validations pushed after canvas edits.

At 10k objects, reading the draft and building its graph took more than the validation
itself, for an edit that changed one cable. So the app keeps, per account, the draft's rows
and its built graph under the draft version they are at, and brings them forward by reading
again only the rows that the versions since changed (workspace.objects.draft_journal): a
handful of rows instead of 30k.

Whenever that cannot be trusted, the whole draft is read and built again:

* the journal lacks a version in between (a bulk write such as an import or a rollback,
  whose rows the journal could not tell, or one older than the journal keeps). The journal is
  in the database: a version another server process committed is brought forward like one
  of this process's own;
* the account is not the one cached (an account id given out again: the creation time is in
  the stamp) or its version went backwards;
* a changed cable joins an object the graph does not have, or a deleted object still has
  cables in the graph;
* after the update, the graph's object and cable counts differ from the database's.

The graph is changed in place, so its users must not keep it past ``cached_draft``'s block
(one lock per app: the validation worker and publishing take turns).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

import networkx as nx
from flask import Flask, current_app
from sqlalchemy import func, select

from workspace.extensions import db
from workspace.graph import BuildError, update_graph
from workspace.graph.incremental import Validation, revalidate
from workspace.objects.draft import graph_of, load_draft, load_rows, load_tabs
from workspace.objects.draft_journal import Change, changes_between, has_uncommitted_draft
from workspace.objects.models import Cable, WorkspaceObject
from workspace.objects.state import read_stamp
from workspace.objects.types import REGISTRY

__all__ = ["CachedDraft", "DraftCache", "cached_draft", "draft_cache", "init_app"]

_EXTENSION = "draft_cache"
# Past this many changed rows a full read is about as quick, and far simpler.
_MAX_CHANGED_ROWS = 2000


@dataclass
class CachedDraft:
    """A draft at ``version``: its rows by id and its graph (which holds the same
    properties dicts). Read only, inside ``cached_draft``'s block."""

    version: int
    created_at: Any
    tabs: list[dict[str, Any]]
    objects: dict[int, dict[str, Any]]
    cables: dict[int, dict[str, Any]]
    graph: nx.MultiDiGraph
    reads: dict[str, int] = field(default_factory=dict)  # how it was brought here (tests)
    # Objects changed since the last ``problems`` (workspace.graph.update_graph), and what that
    # validation found per object (workspace.graph.incremental).
    touched: set[int] = field(default_factory=set)
    validation: Validation | None = None
    last_problems: list[dict[str, Any]] | None = None

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        """The draft in load_draft's shape and order."""
        return {
            "tabs": self.tabs,
            "objects": [self.objects[i] for i in sorted(self.objects)],
            "cables": [self.cables[i] for i in sorted(self.cables)],
        }

    def graph_for(self, facts: dict[str, Any]) -> nx.MultiDiGraph:
        """The graph as ``build(..., facts)`` gives it, with nothing memoized from a run on
        other rows or facts (workspace.graph.build.graph_memo)."""
        self.graph.graph.pop("memo", None)
        self.graph.graph["account"] = facts.get("account")
        return self.graph

    def problems(self, facts: dict[str, Any], facts_key: Any = None) -> list[dict[str, Any]]:
        """``validate(graph, facts=facts)``, recomputing only what the rows changed since the
        last call can reach (workspace.graph.incremental). ``facts_key``: the facts version
        they were cached under (cached_facts), so facts read with and without the directory
        count as the same. Shared: read only."""
        if (
            self.last_problems is not None
            and not self.touched
            and self.validation is not None
            and not self.validation.changed_facts(facts, facts_key)
        ):
            return self.last_problems
        previous, self.validation = self.validation, None  # None until it is whole again
        problems, self.validation = revalidate(
            self.graph_for(facts),
            types=REGISTRY,
            facts=facts,
            previous=previous,
            changed=self.touched,
            facts_key=facts_key,
        )
        self.touched = set()
        self.last_problems = problems
        return problems


class DraftCache:
    """The last built draft of a few accounts (least recently used out: a 10k-object graph
    is tens of megabytes)."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._entries: OrderedDict[int, CachedDraft] = OrderedDict()
        self.lock = Lock()

    def get(self, account_id: int) -> CachedDraft | None:
        entry = self._entries.get(account_id)
        if entry is not None:
            self._entries.move_to_end(account_id)
        return entry

    def put(self, account_id: int, entry: CachedDraft) -> None:
        self._entries[account_id] = entry
        self._entries.move_to_end(account_id)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def drop(self, account_id: int) -> None:
        self._entries.pop(account_id, None)


def draft_cache(app: Flask) -> DraftCache:
    return app.extensions[_EXTENSION]  # type: ignore[no-any-return]


@contextmanager
def cached_draft(account_id: int) -> Iterator[CachedDraft]:
    """The account's draft as ``load_draft`` would read it now, at least at the draft version
    read first (``version``), built; from the app's cache when the journal allows.

    A transaction that has written draft rows it has not committed (a rollback's restore, then
    its publish) gets a fresh read that is not kept: it may yet roll back.
    """
    cache = draft_cache(current_app)
    with cache.lock:
        # Its autoflush lets the journal see what this transaction still has pending.
        stamp = read_stamp(account_id, "draft_version")
        if stamp is None or has_uncommitted_draft(db.session(), account_id):
            yield _load(account_id, 0 if stamp is None else stamp[0], None)
            return
        version, created_at = stamp
        entry = cache.get(account_id)
        try:
            if entry is not None and not _bring_forward(entry, account_id, version, created_at):
                entry = None
        except BaseException:
            cache.drop(account_id)  # half brought forward
            raise
        if entry is None:
            cache.drop(account_id)
            entry = _load(account_id, version, created_at)
            cache.put(account_id, entry)
        yield entry


def _load(account_id: int, version: int, created_at: Any) -> CachedDraft:
    snapshot = load_draft(account_id)
    return CachedDraft(
        version=version,
        created_at=created_at,
        tabs=snapshot["tabs"],
        objects={row["id"]: row for row in snapshot["objects"]},
        cables={row["id"]: row for row in snapshot["cables"]},
        graph=graph_of(snapshot),
        reads={"full": 1},
    )


def _bring_forward(entry: CachedDraft, account_id: int, version: int, created_at: Any) -> bool:
    """Apply the journal's changes since the entry's version; False when it cannot be trusted
    (the entry may then be half-changed: the caller drops it)."""
    if entry.created_at != created_at or entry.version > version:
        return False
    if entry.version == version:
        return True
    changes = changes_between(account_id, entry.version, version)
    if changes is None:
        return False
    tabs, objects, cables = _union(changes)
    if len(objects) + len(cables) > _MAX_CHANGED_ROWS:
        return False
    object_rows, cable_rows = load_rows(account_id, objects=objects, cables=cables)
    if tabs:
        entry.tabs = load_tabs(account_id)
    if not _apply(entry, objects, cables, object_rows, cable_rows):
        return False
    if _counts(account_id) != (len(entry.objects), len(entry.cables)):
        return False  # a write the journal did not see: read it all again
    entry.version = version
    entry.reads = {"objects": len(objects), "cables": len(cables)}
    return True


def _union(changes: list[Change]) -> tuple[set[int], set[int], set[int]]:
    tabs: set[int] = set()
    objects: set[int] = set()
    cables: set[int] = set()
    for change in changes:
        tabs |= change.tabs
        objects |= change.objects
        cables |= change.cables
    return tabs, objects, cables


def _apply(
    entry: CachedDraft,
    objects: set[int],
    cables: set[int],
    object_rows: list[dict[str, Any]],
    cable_rows: list[dict[str, Any]],
) -> bool:
    """The changed rows into the entry and its graph; False on rows that do not fit together."""
    found_objects = {row["id"]: row for row in object_rows}
    found_cables = {row["id"]: row for row in cable_rows}
    try:
        touched = update_graph(
            entry.graph,
            objects={i: found_objects.get(i) for i in objects},
            cables={i: found_cables.get(i) for i in cables},
        )
    except BuildError:
        return False
    updates = ((entry.objects, objects, found_objects), (entry.cables, cables, found_cables))
    for store, ids, found in updates:
        for i in ids:
            if i in found:
                store[i] = found[i]
            else:
                store.pop(i, None)
    entry.touched |= touched
    return True


def _counts(account_id: int) -> tuple[int, int]:
    run = db.session.execute
    objects = run(
        select(func.count())
        .select_from(WorkspaceObject)
        .where(WorkspaceObject.account_id == account_id)
    ).scalar_one()
    cables = run(
        select(func.count()).select_from(Cable).where(Cable.account_id == account_id)
    ).scalar_one()
    return objects, cables


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = DraftCache(app.config.get("DRAFT_CACHE_ACCOUNTS", 4))
