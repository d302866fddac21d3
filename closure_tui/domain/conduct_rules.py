"""The collection conduct thresholds (`[conduct]` in `config.toml`), apart from the contact
log they judge: reading the settings needs no contact record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True, slots=True)
class ConductRules:
    """Thresholds from the source page: at most 5 collection calls a day, 08:00-18:30."""

    max_calls_per_day: int = 5
    earliest: time = time(8, 0)
    latest: time = time(18, 30)

    def __post_init__(self) -> None:
        if self.max_calls_per_day < 1 or self.earliest >= self.latest:
            raise ValueError("conduct: max_calls_per_day >= 1 and earliest before latest")
