"""An injectable clock: nothing in the app asks the system for the time directly."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Source of the current local time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real local time."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock for tests and benchmarks that moves only when told to."""

    def __init__(self, current: datetime) -> None:
        self.current = current

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current = self.current + timedelta(**delta)


def today(clock: Clock) -> date:
    return clock.now().date()
