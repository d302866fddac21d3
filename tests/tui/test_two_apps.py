"""Two terminal apps on one data directory: the first writes, the second only reads."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.session import closures_session
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running, screen_text, table_names


async def test_second_app_is_read_only_while_the_first_keeps_writing(
    make_app: AppFactory, filled: Path, clock: FixedClock
) -> None:
    first, second = make_app(), make_app()
    async with running(first) as first_pilot:
        await first_pilot.pause()
        assert not first.read_only
        async with running(second) as second_pilot:
            await second_pilot.pause()
            assert second.read_only
            assert second.perform(lambda service: service.add_platform("安逸花")) is None
            assert first.perform(lambda service: service.add_platform("分期乐")) is not None
    with closures_session(filled, clock, writable=False) as service:
        names = [p.name for p in service.platforms()]
    assert "分期乐" in names
    assert "安逸花" not in names
    third = make_app()
    async with running(third) as third_pilot:
        await third_pilot.pause()
        assert not third.read_only, "the lock went with the first app"


async def _until(pilot, condition, seconds: float = 10.0) -> bool:
    """Let the app run until `condition()` holds; generous, so a slow machine never flakes."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


async def test_the_read_only_app_follows_the_writers_saves(
    make_app: AppFactory, filled: Path, clock: FixedClock
) -> None:
    first, second = make_app(), make_app()
    async with running(first), running(second) as second_pilot:
        assert second.read_only and not first.read_only
        interval = second.follower.timer._interval  # type: ignore[union-attr]
        assert 1.0 <= interval <= 2.0, "looks at the files once a second, no faster"
        assert "分期乐" not in table_names(second)
        first.perform(lambda service: service.add_platform("分期乐"))
        assert await _until(second_pilot, lambda: "分期乐" in table_names(second))
        await second_pilot.press("home")
        pid = first.service.resolve("借呗").id  # type: ignore[union-attr]
        await second_pilot.app.push_screen(PlatformScreen(pid))
        await second_pilot.pause()
        assert "[ ] Negotiated" in screen_text(second)
        first.perform(lambda service: service.tick(pid, StageKey.NEGOTIATED))
        assert await _until(second_pilot, lambda: "[x] Negotiated" in screen_text(second))
        assert second.read_only
