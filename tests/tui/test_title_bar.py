"""The title line: the screen's title as plain text, following it, and the palette icon."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.platform import PlatformScreen
from closure_tui.tui.widgets.title_bar import TitleBar
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, screen_text


def title_line(app: object) -> str:
    return screen_text(app).splitlines()[0]  # type: ignore[arg-type]


async def test_the_title_follows_the_view_and_the_platform(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗 [USD] [/] [@click=app.quit]").value
    app = make_app()
    async with running(app) as pilot:
        assert "closure-tui — Outstanding platforms (1)" in title_line(app)
        await pilot.press("o")
        assert "closure-tui — All platforms (1)" in title_line(app)
        app.push_screen(PlatformScreen(platform.id))
        await pilot.pause()
        assert "借呗 [USD] [/] [@click=app.quit]" in title_line(app)
        assert app.is_running


async def test_clicking_the_icon_opens_the_command_palette(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        assert title_line(app).startswith(" ⭘")
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
