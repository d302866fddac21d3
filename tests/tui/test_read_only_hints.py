"""A read-only app never tells the user to press a key that does nothing there."""

from __future__ import annotations

import re
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.store.lock import WriterLock
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import footer_keys, running, screen_text

HINT = re.compile(r"Press (\w)\b")


def _hinted_keys(app) -> set[str]:
    return set(HINT.findall(screen_text(app).replace("\n", " ")))


async def test_platform_screen_hints_only_keys_that_work(
    make_app: AppFactory, locked: Path
) -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        assert app.read_only
        await app.push_screen(PlatformScreen(4))  # 微粒贷: nothing recorded, no notes
        await pilot.pause()
        app.screen.query_one("#stages").index = 2
        await pilot.pause()
        shown = screen_text(app)
        assert "No notes yet." in shown and "No evidence recorded yet." in shown
        assert _hinted_keys(app) <= set(footer_keys(app)), _hinted_keys(app)
        assert not {"n", "e", "space"} & set(footer_keys(app))


async def test_platform_screen_hints_its_keys_when_writable(
    make_app: AppFactory, filled: Path
) -> None:
    app = make_app()
    async with running(app, (120, 40)) as pilot:
        await app.push_screen(PlatformScreen(4))
        await pilot.pause()
        app.screen.query_one("#stages").index = 2
        await pilot.pause()
        assert {"n", "e"} <= _hinted_keys(app)


async def test_an_empty_store_read_only_does_not_offer_to_add(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    holder = WriterLock(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    holder.acquire()
    try:
        app = make_app()
        async with running(app):
            assert app.read_only
            shown = screen_text(app).replace("\n", " ")
            assert "so this one only shows it" in shown
            assert "Press a" not in shown
    finally:
        holder.release()
