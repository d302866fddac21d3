"""History events: what changed, when, on which platform, with the records before and after.

An event keeps the stored documents of every record the change touched, so undo
can put them back exactly and redo can re-apply them: `before`/`after` map a
collection name to `{record id: document or None}` (None: the record did not exist).
A record that existed on both sides is kept as the differing parts only when
`patch` is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

Records = Mapping[str, Mapping[int, Mapping[str, Any] | None]]


class EventState(StrEnum):
    APPLIED = "applied"
    UNDONE = "undone"
    #: Undone, then a new change was made: it can no longer be redone.
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Event:
    """One saved change, with the records before and after it, so it can be undone."""

    id: int
    at: datetime
    action: str
    platform_id: int | None
    platform_name: str
    before: Records
    after: Records
    state: EventState = EventState.APPLIED
    undone_at: datetime | None = None
    #: Records present on both sides are stored as patches (see `domain.patches`).
    patch: bool = False
