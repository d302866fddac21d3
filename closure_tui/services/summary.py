"""Totals for the dashboard's summary line and reports."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from closure_tui.domain.platform import Platform


class Summary(NamedTuple):
    platforms: int
    closed: int
    steps_left: int
    original: Decimal
    settled: Decimal
    saved: Decimal
    """Original minus settled over the platforms where both are known: a platform whose
    settlement is not agreed yet has saved nothing, whatever it owes."""


def summarise(platforms: Iterable[Platform]) -> Summary:
    items = list(platforms)
    zero = Decimal("0.00")
    return Summary(
        platforms=len(items),
        closed=sum(p.closed for p in items),
        steps_left=sum(p.steps_left for p in items),
        original=sum((p.original or zero for p in items), zero),
        settled=sum((p.settled or zero for p in items), zero),
        saved=sum((p.saved for p in items if p.saved is not None), zero),
    )
