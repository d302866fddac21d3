"""A data file read only when first used (it was unchanged at open) and damaged since:
the change that needed it is refused with the damaged-store message, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import notifications


async def test_a_change_needing_a_history_damaged_since_open_is_refused_unwritten(
    filled: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.service is not None
        (filled / "history.json").write_bytes(b'{"history": {"1": "not an event"}}')
        before = (filled / "closure.json").read_bytes()
        platform = app.service.resolve("借呗")

        result = app.perform(lambda service: service.tick(platform.id, StageKey.NEGOTIATED))

        assert result is None
        await pilot.pause()
        messages = notifications(app)
        assert any("damaged" in m and "history.json" in m for m in messages), messages
        assert (filled / "closure.json").read_bytes() == before


@pytest.mark.parametrize("name", ["notes.json", "history.json"])
async def test_a_platform_whose_notes_or_history_were_damaged_since_open_still_opens(
    filled: Path, make_app: AppFactory, clock: FixedClock, name: str
) -> None:
    """The screen opens without those panels' content and says which file is damaged."""
    with closures_session(filled, clock, writable=True) as service:
        service.add_note(service.resolve("借呗").id, "客服确认可以只还本金")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.service is not None
        platform = app.service.resolve("借呗")
        (filled / name).write_bytes(b"{not json")

        await app.push_screen(PlatformScreen(platform.id))
        await pilot.pause()

        assert isinstance(app.screen, PlatformScreen)
        assert "借呗" in str(app.screen.query_one("#platform-title", Static).render())
        messages = notifications(app)
        assert any("damaged" in m and name in m for m in messages), messages
        assert (filled / name).read_bytes() == b"{not json"


async def test_an_export_needing_notes_damaged_since_open_says_so_and_writes_nothing(
    filled: Path, make_app: AppFactory, clock: FixedClock
) -> None:
    """Damage found while exporting is told as everywhere else, naming the file."""
    from closure_tui.locations import documents_dir

    with closures_session(filled, clock, writable=True) as service:
        service.add_note(service.resolve("借呗").id, "客服确认可以只还本金")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        (filled / "notes.json").write_bytes(b"{not json")

        assert app.exports.report("json") is None

        await pilot.pause()
        messages = notifications(app)
        assert any("damaged" in m and "notes.json" in m for m in messages), messages
        assert not list(documents_dir().glob("closure-tui-*.json"))
