"""English reads as English: one platform is "1 platform", several are "2 platforms"."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, screen_text, static_text


async def test_counts_agree_with_their_number(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        pid = service.add_platform("借呗", settled="8000").value.id
        for key in list(StageKey)[:-1]:
            service.tick(pid, key)
    app = make_app()
    async with running(app) as pilot:
        assert "1 platform, 0 closed  ·  1 step left" in static_text(app, "#summary")
        app.action_summary()
        await pilot.pause()
        assert "1 platform, 0 closed" in screen_text(app)
        await pilot.press("escape")
        app.perform(lambda service: service.add_platform("花呗"))
        await pilot.pause()
        assert "2 platforms, 0 closed  ·  7 steps left" in static_text(app, "#summary")
