"""What a use case hands back: the result plus any warnings, as data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar

from closure_tui.domain.errors import Problem

T = TypeVar("T")


class Outcome(NamedTuple, Generic[T]):
    value: T
    warnings: Sequence[Problem] = ()
