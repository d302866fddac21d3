"""Totals for the dashboard's summary line and reports."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from closure_tui.domain.platform import Platform


class Summary(NamedTuple):
    """What is left across the platforms, and what the settlements saved (a NamedTuple:
    see `closure_tui.store.store.Notice`)."""

    platforms: int
    closed: int
    steps_left: int
    original: Decimal
    settled: Decimal
    saved: Decimal
    """Original minus settled over the platforms where both are known: a platform whose
    settlement is not agreed yet has saved nothing, whatever it owes."""


def summarise(platforms: Iterable[Platform]) -> Summary:
    count = closed = steps_left = 0
    original = settled = saved = Decimal("0.00")
    for platform in platforms:
        count += 1
        closed += platform.closed
        steps_left += platform.steps_left
        if platform.original is not None:
            original += platform.original
        if platform.settled is not None:
            settled += platform.settled
        if (difference := platform.saved) is not None:
            saved += difference
    return Summary(count, closed, steps_left, original, settled, saved)
