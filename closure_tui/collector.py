"""Python's cyclic garbage collector, paused while long-lived objects are built.

Parsing a store, decoding its records or starting the app builds tens of thousands
of objects that live on; the collector would only re-scan them over and over (a
quarter of a large parse, about 6% of the TUI's first frame).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Collect nothing inside; afterwards the collector is as it was (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def resume_collector() -> None:
    """For a long run after a paused start (the TUI after its first frame): freeze what
    start-up built out of later scans, then collect as usual again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
