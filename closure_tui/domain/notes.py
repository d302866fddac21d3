"""Notes: who said what and when, kept as evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from closure_tui.domain.stages import StageKey


@dataclass(frozen=True, slots=True)
class Note:
    """A dated note on a platform, optionally about one of its stages."""

    id: int
    platform_id: int
    created: datetime
    text: str
    stage: StageKey | None = None
