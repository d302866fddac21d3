"""The platform table as a user sees it: aligned columns, cropped long names, a visible cursor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.textwidth import cell_width
from closure_tui.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import platform_table, running, screen_text

LONG = "中国工商银行牡丹信用卡中心分期付款专项协商结清账户第二号"
MARKS = re.compile("[▰▱▭]")
AMOUNT = re.compile(r"¥[0-9,.]+")


@pytest.fixture
def mixed(data_dir: Path, clock: FixedClock) -> Path:
    """Names mixing Chinese, Latin and a very long one; amounts of different lengths."""
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("MeiTuan 美团借钱", settled="800")
        service.add_platform("分期乐", settled="12345.60")
        service.add_platform(LONG, settled="3000")
        service.add_platform("Ping An 平安普惠 i贷", settled="150000")
    return data_dir


def row_lines(app: object) -> list[str]:
    return [line for line in screen_text(app).splitlines() if MARKS.search(line)]  # type: ignore[arg-type]


def columns(lines: list[str]) -> tuple[set[int], set[int]]:
    """The cell offsets where the progress column starts and where the amounts end."""
    starts = {cell_width(line[: MARKS.search(line).start()]) for line in lines}  # type: ignore[union-attr]
    ends = {cell_width(line[: AMOUNT.search(line).end()]) for line in lines}  # type: ignore[union-attr]
    return starts, ends


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_mixed_names_line_up_and_a_long_one_is_cropped(
    make_app: AppFactory, mixed: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with running(app, size=(80, 20)):
        lines = row_lines(app)
        assert len(lines) == 4
        starts, ends = columns(lines)
        assert len(starts) == 1
        assert len(ends) == 1
        assert all(cell_width(line) <= 80 for line in lines)
        cropped = [line for line in lines if LONG[:4] in line]
        assert len(cropped) == 1
        assert LONG not in cropped[0]
        assert "…" in cropped[0]
        assert "¥150,000.00" in screen_text(app)


async def test_columns_keep_their_places_while_filtering(make_app: AppFactory, mixed: Path) -> None:
    app = make_app()
    async with running(app, size=(80, 20)) as pilot:
        before = columns(row_lines(app))
        await pilot.press("slash", *"分期乐")
        assert len(row_lines(app)) == 1
        assert columns(row_lines(app)) == before


async def test_the_cursor_follows_its_platform_when_a_tick_reorders_the_list(
    make_app: AppFactory, mixed: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await pilot.press("down")
        chosen = screen.table.highlighted
        assert chosen is not None
        app.perform(lambda service: service.tick(chosen, StageKey.NEGOTIATED))
        await pilot.pause()
        assert screen.table.highlighted == chosen
        assert platform_table(app).cursor_row == 3  # a step further: listed last


async def test_the_highlighted_row_stands_out_focused_or_not(
    make_app: AppFactory, mixed: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        table = platform_table(app)

        def backgrounds() -> list[object]:
            """The background of each row's first cell on screen (line 0 is the header)."""
            return [next(iter(table.render_line(y))).style.bgcolor for y in range(1, 5)]

        await pilot.press("down")
        focused = backgrounds()
        assert focused[1] not in (focused[0], focused[2])
        assert focused[0] == focused[2] != focused[3]  # zebra stripes
        await pilot.press("slash")
        assert not table.has_focus
        unfocused = backgrounds()
        assert unfocused[1] not in (unfocused[0], unfocused[2])
        assert unfocused[1] != focused[1]
