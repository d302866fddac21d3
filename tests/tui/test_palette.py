"""Command palette: open a platform by name, add, switch view, language and theme."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.command import CommandPalette

from closure_tui import i18n
from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.platform_form import PlatformForm
from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.screens.help import HelpScreen
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, screen_text, table_names


async def run_command(pilot: object, query: str) -> None:
    """Open the palette, type `query`, wait for the hits, run the highlighted one."""
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    app = pilot.app  # type: ignore[attr-defined]
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)  # type: ignore[attr-defined]
    await app.screen.workers.wait_for_complete()
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_open_platform_by_chinese_name(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await run_command(pilot, "京东")
        assert isinstance(app.screen, PlatformScreen)
        assert app.screen.platform_id == 2


async def test_palette_shows_names_literally(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("[b]USD[/b] 借呗")
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("ctrl+p", *"USD")
        await app.screen.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert "[b]USD[/b] 借呗" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)


async def test_switch_view_from_palette(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await run_command(pilot, "View: closed")
        assert isinstance(app.screen, DashboardScreen)
        assert table_names(app) == ["花呗"]


async def test_switch_language_from_palette(
    make_app: AppFactory, filled: Path, config_path: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await run_command(pilot, "Switch language")
        assert i18n.current_language() == "zh"
        assert "下一步" in screen_text(app)
    assert tomllib.loads(config_path.read_text(encoding="utf-8"))["language"] == "zh"


async def test_add_platform_from_palette(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await run_command(pilot, "Add platform")
        assert isinstance(app.screen, PlatformForm)


async def test_theme_is_remembered(make_app: AppFactory, filled: Path, config_path: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await run_command(pilot, "Theme")
        await pilot.press(*"nord")
        await app.screen.workers.wait_for_complete()
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert tomllib.loads(config_path.read_text(encoding="utf-8"))["theme"] == "nord"
    again = make_app()
    async with running(again):
        assert again.theme == "nord"


async def test_in_chinese_the_palettes_own_entries_are_chinese(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app(lang="zh")
    async with running(app, (100, 40)) as pilot:
        await pilot.press("ctrl+p")
        await app.screen.workers.wait_for_complete()
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "搜索命令" in shown and "主题" in shown and "截图" in shown
        for english in ("Theme", "Quit", "Keys", "Screenshot", "Maximize", "Search for"):
            assert english not in shown, english
        await pilot.press("escape")
        await run_command(pilot, "按键")
        assert isinstance(app.screen, HelpScreen)


async def test_json_export_says_it_holds_full_account_numbers(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await pilot.press("ctrl+p", *"JSON")
        await app.screen.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert "full account numbers" in screen_text(app)
