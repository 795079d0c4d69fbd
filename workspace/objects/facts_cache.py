"""The facts an account's engine runs read, kept per app while the account's facts version
stands (workspace.objects.facts_state), so a canvas edit's pushed problems, a publish, the
simulator and the week view do not load them again each time (at 10k objects a load was a
quarter of the pushed validation).

Entries are kept under the version read *before* the facts were loaded (with the account's
creation time: ids can be given out again), so a hit is what a load would read now, in any
server process. A transaction that has written facts it has not
committed reads them fresh and keeps nothing: it may yet roll back.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock
from typing import Any

from flask import Flask, current_app

from workspace.extensions import db
from workspace.objects.facts import load_facts
from workspace.objects.facts_state import has_uncommitted_facts, read_facts_stamp

__all__ = ["FactsCache", "cached_facts", "facts_cache", "init_app"]

_EXTENSION = "facts_cache"
Stamp = tuple[int, Any]  # (facts version, the account's creation time): read_facts_stamp


class FactsCache:
    """The last facts loaded per account, kept under the facts version read before them.

    ``get`` answers only at the same version, so what it returns is what a load would read
    now. A few accounts at most (least recently used out): a 10k-object account's facts are
    megabytes. Callers must not change what they get (validate and compile do not).
    """

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, bool], _Entry] = OrderedDict()
        self._lock = Lock()

    def get(self, account_id: int, version: Stamp | None, *, directory: bool) -> dict | None:
        entry = self._entry(account_id, version, directory)
        return None if entry is None else entry.facts

    def put(self, account_id: int, version: Stamp | None, facts: dict, *, directory: bool) -> None:
        if version is None:
            return
        with self._lock:
            self._entries[(account_id, directory)] = _Entry(version, facts)
            self._entries.move_to_end((account_id, directory))
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def digest(
        self, account_id: int, version: Stamp | None, facts: dict, compute: Callable[[dict], str]
    ) -> str:
        """``compute(facts)``, remembered beside cached facts that are these very facts."""
        entry = self._entry(account_id, version, True)
        if entry is None or entry.facts is not facts:
            return compute(facts)
        if entry.digest is None:
            entry.digest = compute(facts)
        return entry.digest

    def _entry(self, account_id: int, version: Stamp | None, directory: bool) -> _Entry | None:
        """The entry at this version; facts with the directory serve a caller without (they
        hold everything those hold)."""
        if version is None:
            return None
        with self._lock:
            for key in ((account_id, directory), (account_id, True)):
                entry = self._entries.get(key)
                if entry is not None and entry.version == version:
                    self._entries.move_to_end(key)
                    return entry
            return None


@dataclass
class _Entry:
    version: Stamp
    facts: dict[str, Any]
    digest: str | None = None


def facts_cache(app: Flask) -> FactsCache:
    return app.extensions[_EXTENSION]  # type: ignore[no-any-return]


def cached_facts(account_id: int, *, directory: bool) -> tuple[dict[str, Any], Stamp | None]:
    """``load_facts(account_id, directory=...)`` as a load would read it now, from the app's
    cache while the account's facts version stands; (facts, that version). Shared: read only.

    The version is read first, so facts kept under it are never older than it.
    """
    cache = facts_cache(current_app)
    version = read_facts_stamp(account_id)  # its autoflush notes what is still pending
    if has_uncommitted_facts(db.session(), account_id):
        # This transaction wrote facts it has not committed (the wizard, then a publish): what
        # it reads may yet roll back, and the version moves only at commit. Neither kept nor
        # taken from the cache.
        return load_facts(account_id, directory=directory), None
    facts = cache.get(account_id, version, directory=directory)
    if facts is None:
        facts = load_facts(account_id, directory=directory)
        cache.put(account_id, version, facts, directory=directory)
    return facts, version


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = FactsCache()
