"""Long lists: every platform is reachable, a filter shows exactly the matches, paging moves
by a screenful and the cursor stays visible."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.screens.platform import PlatformScreen
from tests.conftest import FIXED_NOW
from tests.tui.conftest import AppFactory
from tests.tui.helpers import platform_table, running, screen_text, table_names

COUNT = 2_100
NAMES = [f"P{number:04d}" for number in range(1, COUNT + 1)]
ROW_NAME = re.compile(r"^\s*(P\d{4})\s", re.MULTILINE)


@pytest.fixture(scope="module")
def many_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 2,100 platforms, built once for this module."""
    built = tmp_path_factory.mktemp("many") / "data"
    with (
        closures_session(built, FixedClock(FIXED_NOW), writable=True) as service,
        service.store.transaction(),
    ):
        for name in NAMES:
            service.add_platform(name)
    return built


@pytest.fixture
def many(many_built: Path, data_dir: Path) -> Path:
    shutil.copytree(many_built, data_dir)
    return data_dir


def names_on_screen(text: str) -> list[str]:
    return ROW_NAME.findall(text)


async def test_every_platform_is_listed_and_the_first_screenful_painted(
    make_app: AppFactory, many: Path
) -> None:
    app = make_app()
    async with running(app):
        assert table_names(app) == NAMES
        shown = names_on_screen(screen_text(app))
        assert shown == NAMES[: len(shown)]
        assert len(shown) > 20


async def test_a_filter_over_thousands_shows_exactly_the_matching_rows(
    make_app: AppFactory, many: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("slash", "2", "0")
        matching = [name for name in NAMES if "20" in name]
        assert table_names(app) == matching
        shown = names_on_screen(screen_text(app))
        assert shown == matching[: len(shown)]
        await pilot.press("9")
        matching = [name for name in NAMES if "209" in name]
        assert len(matching) == 12
        assert table_names(app) == matching
        assert names_on_screen(screen_text(app)) == matching


async def test_page_down_moves_by_a_screenful_and_keeps_the_cursor_on_screen(
    make_app: AppFactory, many: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        table = platform_table(app)
        page = table.size.height - 1  # the lines under the header
        await pilot.press("pagedown")
        assert table.cursor_row == page
        assert NAMES[page] in names_on_screen(screen_text(app))
        await pilot.press("pagedown", "down")
        assert table.cursor_row == 2 * page + 1
        assert NAMES[2 * page + 1] in names_on_screen(screen_text(app))
        await pilot.press("pageup")
        assert table.cursor_row == page + 1
        await pilot.press("end")
        assert names_on_screen(screen_text(app))[-1] == NAMES[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        assert app.screen.platform_id == COUNT


async def test_a_click_after_scrolling_opens_the_row_under_the_pointer(
    make_app: AppFactory, many: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("pagedown", "pagedown")
        third = names_on_screen(screen_text(app))[2]
        await pilot.click("#platforms", offset=(3, 3))
        assert isinstance(app.screen, DashboardScreen)
        await pilot.click("#platforms", offset=(3, 3))
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        assert app.screen.platform_id == NAMES.index(third) + 1


async def test_the_highlighted_platform_stays_through_a_filter_and_its_clearing(
    make_app: AppFactory, many: Path
) -> None:
    app = make_app()
    async with running(app) as pilot:
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        await pilot.press("pagedown", "pagedown", "pagedown")
        chosen = screen.table.highlighted
        assert chosen is not None and chosen > 60
        name = NAMES[chosen - 1]
        await pilot.press("slash", *name[1:3])
        assert screen.table.highlighted == chosen
        await pilot.press("escape")
        assert screen.table.highlighted == chosen
        assert name in names_on_screen(screen_text(app))
