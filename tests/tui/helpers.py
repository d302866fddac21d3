"""Reading what the app shows, the way a user sees it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from closure_tui.tui.widgets.platform_table import PlatformTable


def platform_table(app: App) -> PlatformTable:
    return app.screen.query_one("#platforms", PlatformTable)


def table_names(app: App) -> list[str]:
    """The name column of the dashboard table, top to bottom."""
    table = platform_table(app)
    if not table.display:
        return []
    return [str(table.row_cells(index)[0]) for index in range(table.row_count)]


def table_rows(app: App) -> list[list[str]]:
    table = platform_table(app)
    return [[str(cell) for cell in table.row_cells(i)] for i in range(table.row_count)]


def static_text(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def screen_text(app: App) -> str:
    """Every character on screen, row by row (what a screenshot would show as text)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app: App) -> list[str]:
    """The messages of the notifications raised so far (shown as toasts)."""
    return [notification.message for notification in app._notifications]


SIZE = (110, 32)


async def settled(pilot: Pilot) -> None:
    """Wait until the first screen is whole: its Footer, added after the first frame, shows
    its keys a few refreshes later."""
    for _ in range(20):
        await pilot.pause()
        if pilot.app.screen.query("FooterKey"):
            return


@asynccontextmanager
async def running(app: App, size: tuple[int, int] = SIZE) -> AsyncIterator[Pilot]:
    """Run `app` headless at a fixed size, once its first screen is whole."""
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        yield pilot


def footer_keys(app: App) -> list[str]:
    """The keys the current screen's Footer shows, left to right (the palette's included)."""
    return [str(item.key) for item in app.screen.query("FooterKey")]
