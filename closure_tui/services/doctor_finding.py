"""One line of the `doctor` report (its own module so that checks can live apart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the report: a catalogue key, its parameters, and whether to act on it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    attention: bool = False
