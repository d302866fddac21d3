"""The codecs of records many stores never hold: contacts, complaints, credit report lines
and disputes, imported when such a record is first decoded or encoded; and the history's,
which only a change, an undo or a look at the history reads.

With their records' classes those modules cost about 45 M instructions to import, about
4 % of the app's first frame, and a store without such records never needs them; the
history's module, events, patches and codec about 7.8 M more (`Closures.history`), and
the first frame reads no history.
The store's collections and the file checks name them through `deferred`, and only here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def deferred(module: str, name: str) -> Callable[..., Any]:
    """`closure_tui.store.<module>.<name>`, imported on its first call."""

    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(f"closure_tui.store.{module}"), name)(*args)

    return call
