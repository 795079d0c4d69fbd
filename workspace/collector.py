"""How a serving process sets up Python's cyclic garbage collector, once, at its start.

Measured on a draft of 10k objects validated off the request and pushed to the canvas
(SQLite, one process, quiet machine): 0.9-1.05 s a push with the collector's defaults, of
which 0.35-0.47 s were full collections, three per push. A push allocates a few hundred
thousand objects that live until it ends (the draft, the facts, the graph), and each full
collection walked them together with the whole app.

* ``gc.freeze()`` after the app is built moves what is alive then (modules, mappers, schemas,
  the object-type registry: about 200k objects) into a generation the collector never walks,
  as the Python documentation advises for a process that serves after its start-up.
* A full collection waits for 100 collections of the middle generation instead of 10. The
  young generations are still collected as often as before (they catch the cycles that die
  young, most of them); what waits is the walk of everything long-lived. Pushes: 0.55-0.8 s,
  a full collection about every second push.

Called once per process, never around a computation: the collector stays on throughout.
Nothing in ``workspace.graph`` touches the collector.
"""

from __future__ import annotations

import gc

__all__ = ["FULL_COLLECTION_EVERY", "tune_collector_for_serving"]

#: Collections of the middle generation between two full collections (Python's default: 10).
FULL_COLLECTION_EVERY = 100


def tune_collector_for_serving() -> int:
    """Collect the start-up garbage, freeze what survives, space out full collections.

    Returns how many objects are now frozen (``gc.get_freeze_count()``).
    """
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    return gc.get_freeze_count()
