"""What the lists show and in which order (shared by `closure-tui list` and the dashboard)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import STAGE_ORDER, StageState
from closure_tui.services.listing import View, name_matches, progress_bar, select
from closure_tui.services.session import closures_session
from closure_tui.services.summary import summarise

DAY = date(2026, 11, 29)


def platform(platform_id: int, name: str, states: str = "tttttt") -> Platform:
    """`states`: one letter a stage, t(odo) d(one) s(kipped)."""
    base = Platform(id=platform_id, name=name, created_on=DAY)
    letters = {"t": StageState.TODO, "d": StageState.DONE, "s": StageState.SKIPPED}
    for key, letter in zip(STAGE_ORDER, states, strict=True):
        base = base.with_stage(replace(base.stage(key), state=letters[letter]))
    return base


def test_progress_marks_done_todo_and_skipped_differently() -> None:
    assert progress_bar(platform(1, "借呗", "ddtsts")) == "▰▰▱▭▱▭ 2/4"


def test_view_cycles_outstanding_all_closed() -> None:
    assert View.OUTSTANDING.next() is View.ALL
    assert View.ALL.next() is View.CLOSED
    assert View.CLOSED.next() is View.OUTSTANDING


def test_order_outstanding_by_next_stage_then_name_closed_last() -> None:
    rows = [
        platform(1, "招联金融", "ddtttt"),
        platform(2, "花呗", "dddddd"),
        platform(3, "微粒贷"),
        platform(4, "借呗"),
        platform(5, "京东金条", "dtttts"),
        platform(6, "安逸花", "ddddds"),
    ]
    names = [p.name for p in select(rows, View.ALL)]
    assert names == ["借呗", "微粒贷", "京东金条", "招联金融", "安逸花", "花呗"]
    assert [p.name for p in select(rows, View.CLOSED)] == ["安逸花", "花呗"]
    assert [p.name for p in select(rows, View.OUTSTANDING, "金")] == ["京东金条", "招联金融"]


def test_filter_is_case_insensitive_and_blank_matches_all() -> None:
    assert name_matches(platform(1, "MeiTuan 美团借钱"), "  meituan ")
    assert name_matches(platform(1, "MeiTuan 美团借钱"), "借钱")
    assert name_matches(platform(1, "借呗"), "")
    assert not name_matches(platform(1, "借呗"), "花")


@given(st.lists(st.text("tds", min_size=6, max_size=6), max_size=12))
def test_views_split_everything_into_outstanding_and_closed(states: list[str]) -> None:
    rows = [platform(index, f"p{index}", letters) for index, letters in enumerate(states)]
    outstanding = select(rows, View.OUTSTANDING)
    closed = select(rows, View.CLOSED)
    assert len(outstanding) + len(closed) == len(select(rows, View.ALL)) == len(rows)
    assert select(rows, View.ALL) == outstanding + closed


def test_saved_counts_only_agreed_settlements(data_dir: Path, clock: FixedClock) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗", original="12000", settled="8000")
        service.add_platform("微粒贷", original="3000")
        totals = summarise(service.platforms())
    assert totals.saved == Decimal("4000.00")
    assert totals.original == Decimal("15000.00")
    assert totals.settled == Decimal("8000.00")
