"""Privacy mode from the user's side: no amount and no account digit anywhere on screen,
in the history panel, the notes, the summary chart and the toasts."""

from __future__ import annotations

import re
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.platform import PlatformScreen
from tests.storekit import ACCOUNT, fill
from tests.tui.fixtures_platform import build_app
from tests.tui.helpers import notifications, screen_text, settled

#: Every figure of the filled store's amounts and the account's last digits.
FIGURES = re.compile(r"12,?000|8,?000|4,?000|3,?000|7,?777|" + ACCOUNT[-4:] + r"|\d{7,}")


def _prepare(data_dir: Path, clock: FixedClock) -> int:
    with closures_session(data_dir, clock, writable=True) as service:
        fill(service)
        pid = service.platforms()[0].id
        service.add_note(pid, f"转账 7777 到 {ACCOUNT}，尾号 {ACCOUNT[-4:]}")
        service.add_payment(pid, "7777", "2026-11-05")
        return pid


async def test_platform_screen_in_privacy_mode_shows_no_figure(
    data_dir: Path, clock: FixedClock
) -> None:
    pid = _prepare(data_dir, clock)
    app = build_app(data_dir, clock, lang="zh")
    async with app.run_test(size=(120, 50)) as pilot:
        await settled(pilot)
        await pilot.press("p")
        await app.push_screen(PlatformScreen(pid))
        await pilot.pause()
        await pilot.press("ctrl+z")  # the toast names the payment it took back
        await pilot.pause()
        shown = screen_text(app)
        assert "修改记录" in shown and "已还款" in shown
        assert "•••" in shown
        assert FIGURES.search(shown) is None, FIGURES.search(shown)
        toasts = "\n".join(notifications(app))
        assert "已撤销" in toasts
        assert FIGURES.search(toasts) is None, toasts
        await pilot.press("p")
        await pilot.pause()
        assert FIGURES.search(screen_text(app)) is not None, "the figures come back"


async def test_summary_chart_in_privacy_mode_has_bars_but_no_figures(
    data_dir: Path, clock: FixedClock
) -> None:
    _prepare(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await pilot.press("p")
        app.action_summary()
        await pilot.pause()
        shown = screen_text(app)
        assert "█" in shown
        assert FIGURES.search(shown) is None, shown
        assert "•••" not in shown.split("█", 1)[1], "the bars stand alone"


async def test_agenda_in_privacy_mode_hides_figures_in_reminder_texts(
    data_dir: Path, clock: FixedClock
) -> None:
    pid = _prepare(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        Reminders(service).add(pid, "+3d", "转 7777 到尾号 " + ACCOUNT[-4:])
    app = build_app(data_dir, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert FIGURES.search(screen_text(app)) is not None
        await pilot.press("p")
        await pilot.pause()
        assert "转 ••• 到尾号 •••" in screen_text(app)
        assert FIGURES.search(screen_text(app)) is None
