"""What a use case hands back: the result plus any warnings, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from closure_tui.domain.errors import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    warnings: list[Problem] = field(default_factory=list)
