"""What a use case hands back: the result plus any warnings, as data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from closure_tui.domain.errors import Problem

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """A use case's result, and what deserves a second look (warn, never block)."""

    value: T
    warnings: Sequence[Problem] = ()
