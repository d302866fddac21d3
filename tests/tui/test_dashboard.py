"""The dashboard: what it lists, in which order, the views, the filter and opening a platform."""

from __future__ import annotations

import re
from pathlib import Path

from textual import events
from textual.widgets import Input

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.textwidth import cell_width
from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    platform_table,
    running,
    screen_text,
    static_text,
    table_names,
    table_rows,
)


async def test_outstanding_platforms_by_next_stage_then_name(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app):
        assert isinstance(app.screen, DashboardScreen)
        # 花呗 is closed; 借呗 and 微粒贷 negotiating, 京东金条 paying, 招联金融 certificate
        assert table_names(app) == ["借呗", "微粒贷", "京东金条", "招联金融"]


async def test_rows_show_kind_progress_next_step_and_amount(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app):
        rows = {row[0]: row for row in table_rows(app)}
        assert rows["京东金条"][1:5] == [
            "Online loan",
            "▰▱▱▱▱▭ 1/5",
            "Paid to verified account",
            "¥3,000.00",
        ]
        assert rows["招联金融"][1:5] == [
            "Credit card",
            "▰▰▱▱▱▱ 2/6",
            "Settlement certificate",
            "¥15,000.50",
        ]
        assert rows["微粒贷"][4] == "—"
        assert rows["借呗"][5] == ""


async def test_skipped_stages_look_different_from_todo(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app):
        progress = platform_table(app).row_cells(2)[2]  # 京东金条, third
        styles = {progress.plain[span.start]: str(span.style) for span in progress.spans}
        assert styles["▭"] != styles["▱"]


async def test_summary_counts_steps_and_money(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app, size=(140, 36)):  # wide enough for every part of the summary
        summary = static_text(app, "#summary")
        assert "5 platforms, 1 closed" in summary
        assert "20 steps left" in summary
        assert "owed ¥48,000.00 → settled ¥32,000.50, saved ¥12,999.50" in summary.replace(
            "\n", " "
        )


async def test_o_cycles_outstanding_all_closed(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        assert "花呗" not in table_names(app)
        await pilot.press("o")
        assert len(table_names(app)) == 5
        assert table_names(app)[-1] == "花呗"
        assert "All platforms (5)" in screen_text(app)
        await pilot.press("o")
        assert table_names(app) == ["花呗"]
        await pilot.press("o")
        assert len(table_names(app)) == 4


async def test_filter_by_chinese_name_then_enter_moves_to_table(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash")
        filter_input = app.screen.query_one("#filter", Input)
        assert filter_input.has_focus
        await pilot.press(*"京东")
        assert filter_input.value == "京东"
        assert table_names(app) == ["京东金条"]
        await pilot.press("enter")
        assert platform_table(app).has_focus
        assert table_names(app) == ["京东金条"]


async def test_keys_typed_quickly_after_slash_go_to_the_filter(
    make_app: AppFactory, filled: Path
) -> None:
    """As a paste or an input method delivers them: all queued before `/` is handled."""
    app = make_app()
    async with running(app) as pilot:
        for key, character in [("slash", "/"), ("京", "京"), ("o", "o"), ("slash", "/")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "京o/"
        assert "Outstanding" in screen_text(app)


async def test_filter_matches_any_part_and_ignores_case(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("MeiTuan 美团借钱")
        service.add_platform("分期乐")
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", *"meitu")
        assert table_names(app) == ["MeiTuan 美团借钱"]
        app.screen.query_one("#filter", Input).value = "借钱"
        await pilot.pause()
        assert table_names(app) == ["MeiTuan 美团借钱"]


async def test_escape_clears_the_filter(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", "x", "y", "z")
        assert table_names(app) == []
        assert "No platform in this view has “xyz” in its name" in screen_text(app)
        await pilot.press("escape")
        filter_input = app.screen.query_one("#filter", Input)
        assert filter_input.value == ""
        assert not filter_input.display
        assert len(table_names(app)) == 4
        assert "No platform in this view" not in screen_text(app)


async def test_enter_opens_the_highlighted_platform(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        assert app.screen.platform_id == 4  # 微粒贷, second in the list


async def test_click_highlights_and_a_click_on_the_highlighted_row_opens_it(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await pilot.click("#platforms", offset=(3, 3))  # below the header: the third platform
        await pilot.pause()
        assert screen.table.highlighted == 2  # 京东金条
        assert app.screen is screen
        await pilot.click("#platforms", offset=(3, 3))
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        assert app.screen.platform_id == 2


async def test_refreshes_after_a_saved_change(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        app.perform(lambda service: service.add_platform("安逸花"))
        await pilot.pause()
        assert "安逸花" in table_names(app)
        assert "6 platforms" in static_text(app, "#summary")


async def test_keeps_the_highlighted_platform_after_a_refresh(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("down", "down")
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert screen.table.highlighted == 2
        app.perform(lambda service: service.add_platform("安逸花"))
        await pilot.pause()
        assert screen.table.highlighted == 2


async def test_welcome_on_an_empty_store(make_app: AppFactory) -> None:
    app = make_app()
    async with running(app):
        text = screen_text(app)
        assert "Welcome to closure-tui" in text
        assert "Press a to add your first platform" in text
        assert not app.screen.query_one("#platforms").display


async def test_all_closed_says_so(make_app: AppFactory, data_dir: Path, clock: FixedClock) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("花呗").value
        for key in platform.stages:
            service.tick(platform.id, key.key)
    app = make_app()
    async with running(app):
        assert "Nothing outstanding" in screen_text(app)


async def test_cjk_columns_line_up(make_app: AppFactory, filled: Path) -> None:
    app = make_app(lang="zh")
    async with running(app):
        lines = [line for line in screen_text(app).splitlines() if "¥" in line and "/" in line]
        assert len(lines) == 3  # 微粒贷 has no settled amount
        progress_at = {cell_width(line[: re.search("[▰▱▭]", line).start()]) for line in lines}
        amount_ends = {cell_width(line[: re.search(r"¥[0-9,.]+", line).end()]) for line in lines}
        assert len(progress_at) == 1
        assert len(amount_ends) == 1
