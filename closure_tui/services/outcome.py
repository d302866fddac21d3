"""What a use case hands back: the result plus any warnings, as data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar

from closure_tui.domain.errors import Problem

T = TypeVar("T")


class Outcome(NamedTuple, Generic[T]):
    """A use case's result, and what deserves a second look (warn, never block).

    A NamedTuple, not a dataclass: made on the way to the first frame, where creating a
    frozen dataclass class costs several times as much (see `closure_tui.store.store.Notice`)."""

    value: T
    warnings: Sequence[Problem] = ()
