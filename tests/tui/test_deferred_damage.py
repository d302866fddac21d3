"""A data file read only when first used (it was unchanged at open) and damaged since:
the change that needed it is refused with the damaged-store message, nothing written."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.stages import StageKey
from tests.tui.conftest import AppFactory


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
        messages = [n.message for n in app._notifications]
        assert any("damaged" in m and "history.json" in m for m in messages), messages
        assert (filled / "closure.json").read_bytes() == before
