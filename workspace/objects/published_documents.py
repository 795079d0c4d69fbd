"""The published revision's snapshot and plan, parsed once per process.

A revision never changes once written, yet every validation pushed to the canvas compared the
draft with the published snapshot, and so read and parsed it again: at 10k objects a third
of a second and some hundred thousand objects for the collector. The parsed documents are
kept here, per app (a test's app, or a worker's), for the few revisions last asked for.

The documents are shared between callers: read them, never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from flask import current_app

from workspace.objects.models import Revision

__all__ = ["published_documents"]

#: Revisions kept per process: one per account being edited at once is enough to matter.
KEEP = 4
_EXTENSION = "published_documents"

Documents = tuple[dict[str, Any], dict[str, Any]]


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple[Any, ...], Documents] = OrderedDict()


def published_documents(revision: Revision) -> Documents:
    """``(snapshot, plan)`` of a revision, parsed on its first use in this process.

    The key holds the revision's id, account and creation time: ids start again in a new
    database (tests, a restore), and two rows with all three equal are the same row.
    """
    cache: _Cache = current_app.extensions.setdefault(_EXTENSION, _Cache())
    key = (revision.id, revision.account_id, revision.number, revision.created_at)
    with cache.lock:
        found = cache.entries.get(key)
        if found is not None:
            cache.entries.move_to_end(key)
            return found
    documents = (revision.snapshot, revision.plan)  # deferred columns: read and parsed here
    with cache.lock:
        cache.entries[key] = documents
        while len(cache.entries) > KEEP:
            cache.entries.popitem(last=False)
    return documents
