"""Forms at 80x24 in Chinese: the fields scroll and Save / Cancel stay on screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from closure_tui.domain.clock import FixedClock
from tests.tui.fixtures_platform import build_app, open_platform, prepare_dataset
from tests.tui.test_platform_snapshots import _rich_dataset

SMALL = (80, 24)


async def _steady(pilot: Pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor would make the picture flaky
    await pilot.pause()


def test_add_form_at_80x24(snap_compare, data_dir: Path, clock: FixedClock) -> None:
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock, lang="zh")

    async def open_form(pilot: Pilot) -> None:
        await open_platform(pilot, ids["京东金条"])
        await pilot.press("a")
        await pilot.pause()
        await _steady(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=open_form)


def test_paid_form_at_80x24(snap_compare, data_dir: Path, clock: FixedClock) -> None:
    pid = _rich_dataset(data_dir, clock)
    app = build_app(data_dir, clock, lang="zh")

    async def open_form(pilot: Pilot) -> None:
        await open_platform(pilot, pid)
        await pilot.press("e")
        await pilot.pause()
        await _steady(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=open_form)
