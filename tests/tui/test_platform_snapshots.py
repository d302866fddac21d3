"""Snapshots of the platform screen (zh and en) and the add form, at a fixed size and time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from tests.tui.fixtures_platform import SIZE, build_app, open_platform, prepare_dataset


def _rich_dataset(data_dir: Path, clock: FixedClock) -> int:
    ids = prepare_dataset(data_dir, clock)
    pid = ids["借呗"]
    with closures_session(data_dir, clock, writable=True) as service:
        service.set_payee(
            pid,
            name="重庆某消费金融有限公司",
            bank="招商银行",
            account="6214830000120123",
            verified_via="官方App在线客服",
            verified_on="2026-11-21",
        )
        service.add_payment(pid, "26000", "2026-11-22", "转账 [0001]")
        service.skip(pid, service.resolve("借呗").stages[4].key, "征信上没有单独的授信")
        service.add_note(pid, "客服确认对公账户无误 [/] [link=https://e]pay[/]")
    return pid


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_platform_screen(snap_compare, data_dir: Path, clock: FixedClock, lang: str) -> None:
    pid = _rich_dataset(data_dir, clock)
    app = build_app(data_dir, clock, lang=lang)

    async def open_it(pilot: Pilot) -> None:
        await open_platform(pilot, pid)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)


def test_add_form(snap_compare, data_dir: Path, clock: FixedClock) -> None:
    """Opened over the platform screen, so the picture does not follow dashboard changes."""
    ids = prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock, lang="zh")

    async def open_form(pilot: Pilot) -> None:
        await open_platform(pilot, ids["京东金条"])
        await pilot.press("a")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture flaky
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)
