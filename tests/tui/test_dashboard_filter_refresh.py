"""The dashboard reuses rows while a filter is typed; it must never show stale ones."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.stages import StageKey
from closure_tui.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, table_names, table_rows


async def test_a_saved_change_shows_while_a_filter_stays(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", *"借")
        assert table_names(app) == ["借呗"]
        app.perform(lambda service: service.add_platform("美团借钱"))
        await pilot.pause()
        assert table_names(app) == ["借呗", "美团借钱"]
        app.perform(lambda service: service.edit_platform(1, name="借呗 蚂蚁"))
        await pilot.pause()
        assert table_names(app) == ["借呗 蚂蚁", "美团借钱"]


async def test_a_tick_moves_a_filtered_row_to_its_new_place(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", *"呗")
        assert table_names(app) == ["借呗"]  # 花呗 is closed: not outstanding
        rows = table_rows(app)
        assert rows[0][2] == "▱▱▱▱▱▱ 0/6"
        app.perform(lambda service: service.tick(1, StageKey.NEGOTIATED))
        await pilot.pause()
        assert table_rows(app)[0][2] == "▰▱▱▱▱▱ 1/6"


async def test_privacy_and_views_apply_to_filtered_rows(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", *"呗", "enter")
        assert table_rows(app)[0][4] == "¥8,000.00"
        await pilot.press("p")
        await pilot.pause()
        assert "8,000" not in table_rows(app)[0][4]
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        screen.show_view(screen.view.next())  # all
        await pilot.pause()
        assert table_names(app) == ["借呗", "花呗"]
        assert all("000" not in row[4] for row in table_rows(app))
        await pilot.press("p")
        await pilot.pause()
        assert [row[4] for row in table_rows(app)] == ["¥8,000.00", "¥6,000.00"]
