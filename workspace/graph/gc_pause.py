"""Pause Python's cyclic garbage collector while the engine builds its large, acyclic data.

build, validate and compile allocate hundreds of thousands of dicts and lists that are
all still alive when the step ends, so every generation-0 collection triggered on the way
scans them for nothing (about a fifth of the time of a 10k-object publish). Reference
counting still frees what dies; the collector runs again, as usual, once re-enabled.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` with the cyclic collector off (nesting-safe: restores the prior state).

    >>> @gc_paused
    ... def enabled() -> bool:
    ...     return gc.isenabled()
    >>> enabled(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
