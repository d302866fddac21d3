"""Long lists: rows past the first screenful all arrive, and a filter never shows stale rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.dashboard import FIRST_ROWS, MORE_ROWS, DashboardScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, table_names

COUNT = FIRST_ROWS + MORE_ROWS + 30


@pytest.fixture
def names(data_dir: Path, clock: FixedClock) -> list[str]:
    """More platforms than the first batch and one chunk of rows, by name."""
    created = [f"P{number:04d}" for number in range(1, COUNT + 1)]
    with closures_session(data_dir, clock, writable=True) as service, service.store.transaction():
        for name in created:
            service.add_platform(name)
    return created


async def _settle(pilot: Pilot) -> None:
    """Let every pending chunk of rows arrive."""
    for _ in range(COUNT // MORE_ROWS + 3):
        await pilot.pause()


async def test_every_platform_is_listed_past_the_first_screenful(
    make_app: AppFactory, names: list[str]
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await _settle(pilot)
        assert table_names(app) == names


async def test_a_filter_typed_while_rows_arrive_shows_only_matches(
    make_app: AppFactory, names: list[str]
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        screen.reload()  # the whole list again: its later rows are still to come ...
        screen.filter_input.value = "P03"
        screen.reload()  # ... when the filter changes
        await _settle(pilot)
        assert table_names(app) == [name for name in names if "P03" in name]
