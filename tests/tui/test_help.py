"""`?` lists the keys of the screen it came from, the stages and the sort order."""

from __future__ import annotations

from pathlib import Path

from closure_tui.tui.screens.help import HelpScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, screen_text


def help_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HelpScreen)
    rows = [*screen.key_rows(), *screen.stage_rows()]
    return "\n".join(f"{left} {right}" for left, right in rows) + "\n" + screen_text(app)


async def test_help_lists_every_dashboard_binding(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        for description in (
            "Open",
            "Filter by name",
            "Switch view",
            "Quit",
            "Help",
            "Privacy",
            "Add a platform",
            "Command palette",
            "Undo the last change",
            "Redo the change just undone",
        ):
            assert description in text


async def test_help_explains_stages_and_order(make_app: AppFactory, filled: Path) -> None:
    app = make_app(lang="zh")
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        assert "已还款至核实的对公账户" in text
        assert "删除 App 不等于注销" in text
        assert "未完成的平台在前" in text
        assert "▭ 不适用" in text


async def test_escape_closes_help(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Keys on this screen" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
