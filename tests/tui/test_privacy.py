"""A full account number never shows unless revealed; privacy mode hides every amount.

Everything the app draws is read through Pilot (every screen, form and notification),
plus tracebacks with locals, the way Textual prints them after a crash.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.traceback import Traceback
from textual.app import App

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import STAGE_ORDER, StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.platform import PlatformScreen
from tests.storekit import ACCOUNT, fill
from tests.tui.fixtures_platform import SIZE, build_app
from tests.tui.screen_probe import screen_text

MASKED = "****" + ACCOUNT[-4:]
AMOUNTS = ("12,000.50", "8,000.00", "4,000.00", "3,000.00", "4,000.50")


def _platform_ids(data_dir: Path, clock: FixedClock) -> list[int]:
    """The platform with the payee and payments first, then one without."""
    with closures_session(data_dir, clock, writable=True) as service:
        fill(service)
        return [platform.id for platform in service.platforms()[:2]]


async def _every_view(app: App, pilot, platform_ids: list[int]) -> list[str]:
    """The text of every screen, form and notification the user can reach."""
    seen = [screen_text(app)]
    for platform_id in platform_ids:
        screen = PlatformScreen(platform_id)
        await app.push_screen(screen)
        await pilot.pause()
        seen.append(screen_text(app))
        if platform_id != platform_ids[0]:
            await pilot.press("escape")
            continue
        for index in range(len(STAGE_ORDER)):
            screen.query_one("#stages").index = index
            await pilot.pause()
            seen.append(screen_text(app))
        screen.query_one("#stages").index = STAGE_ORDER.index(StageKey.PAID)
        for key in ("e", "E"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_text(app))
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    seen.append(screen_text(app))
    await pilot.press("escape")
    await pilot.pause()
    seen.extend(notification.message for notification in app._notifications)
    return seen


async def test_account_masked_everywhere_and_privacy_hides_amounts(
    data_dir: Path, clock: FixedClock
) -> None:
    ids = _platform_ids(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = await _every_view(app, pilot, ids)
        await pilot.press("p")
        await pilot.pause()
        assert app.privacy
        private = await _every_view(app, pilot, ids)
    assert not [text for text in seen if ACCOUNT in text]
    assert any(MASKED in text for text in seen), "the masked form is what is shown"
    assert any("12,000.50" in text for text in seen)
    for amount in AMOUNTS:
        assert not [text for text in private if amount in text], amount
    assert not [text for text in private if ACCOUNT in text or MASKED in text]


def test_a_traceback_with_locals_never_shows_the_account(data_dir: Path, clock: FixedClock) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        fill(service)

    def crash(service: Closures) -> None:
        platform = service.platforms()[0]
        payee = platform.payee
        raise RuntimeError(f"unexpected state for #{platform.id} ({payee is not None})")

    with closures_session(data_dir, clock, writable=False) as service:
        try:
            crash(service)
        except RuntimeError as error:
            trace = Traceback.from_exception(
                type(error), error, error.__traceback__, show_locals=True
            )
    console = Console(record=True, width=200, file=io.StringIO())
    console.print(trace)
    printed = console.export_text()
    assert "payee" in printed
    assert ACCOUNT not in printed
    assert MASKED in printed
