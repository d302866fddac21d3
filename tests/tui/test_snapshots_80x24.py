"""Snapshots at 80x24, the smallest common terminal: the dashboard keeps the saved amount
and each platform's count, the platform screen in Chinese, both with a Footer that fits.

Update after an intended change with `pytest tests/tui/test_snapshots_80x24.py
--snapshot-update` and review the SVGs in tests/tui/__snapshots__.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from closure_tui.domain.clock import FixedClock
from tests.tui.conftest import AppFactory
from tests.tui.fixtures_platform import build_app, open_platform, prepare_dataset
from tests.tui.helpers import settled

SIZE = (80, 24)


def test_dashboard_80x24(snap_compare: object, make_app: AppFactory, filled: Path) -> None:
    assert snap_compare(make_app(lang="zh"), terminal_size=SIZE, run_before=settled)  # type: ignore[operator]


def test_platform_screen_80x24_zh(snap_compare: object, data_dir: Path, clock: FixedClock) -> None:
    pid = prepare_dataset(data_dir, clock)["借呗"]

    async def open_it(pilot: Pilot) -> None:
        await open_platform(pilot, pid)

    app = build_app(data_dir, clock, lang="zh")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)  # type: ignore[operator]
