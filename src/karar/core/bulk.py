"""Bulk work over big maps: a pause of Python's cyclic garbage collector.

Reading, laying out or indexing a 100,000-node map allocates several long-lived objects per
node, and every few hundred allocations the collector would rescan them all (a third of the
time at 100,000 nodes). Nothing in that work creates reference cycles, so nothing is lost by
pausing it; the previous state is restored on exit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nesting is fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
