"""`@recorded`: a use case whose writes become one undoable history event.

Apart from `services.history` so the services that use it at class definition do not
import the history itself (its events, patches and codec), which waits for the first
change or history read (`Closures.history`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


class ChangeLog(Protocol):
    def change(self, action: str) -> AbstractContextManager[None]: ...


class HasHistory(Protocol):
    @property
    def history(self) -> ChangeLog: ...


def recorded(action: str) -> Callable[[F], F]:
    """Run a use case (a method of something with a `history`) inside
    `self.history.change(action)`, so its writes become one event."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def inner(self: HasHistory, *args: Any, **kwargs: Any) -> Any:
            with self.history.change(action):
                return method(self, *args, **kwargs)

        return cast(F, inner)

    return wrap
