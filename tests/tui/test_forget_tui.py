"""Forgetting a platform from its screen: the palette command, then its name typed back."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from closure_tui.domain.clock import FixedClock
from closure_tui.tui.modals.confirm import TypeNameToForget
from closure_tui.tui.screens.dashboard import DashboardScreen
from tests.tui.fixtures_platform import fill, on_platform
from tests.tui.helpers import notifications


def every_byte(data_dir: Path) -> bytes:
    return b"".join(path.read_bytes() for path in data_dir.rglob("*") if path.is_file())


async def test_forget_from_the_palette_after_typing_the_name(
    data_dir: Path, clock: FixedClock
) -> None:
    name = "招联金融"
    async with on_platform(data_dir, clock, name) as ui:
        await ui.press("ctrl+p")
        assert isinstance(ui.app.screen, CommandPalette)
        await ui.press(*"Forget this")
        await ui.app.screen.workers.wait_for_complete()
        await ui.pilot.pause(0.3)
        await ui.press("enter")
        assert isinstance(ui.app.screen, TypeNameToForget)
        fill(ui.app, {"confirm-name": "招联"})
        await ui.press("enter")
        assert isinstance(ui.app.screen, TypeNameToForget)
        assert name.encode() in every_byte(data_dir)
        fill(ui.app, {"confirm-name": name})
        await ui.press("enter")
        assert isinstance(ui.app.screen, DashboardScreen)
        assert any(f"Forgot {name}" in message for message in notifications(ui.app))
    assert name.encode() not in every_byte(data_dir)
