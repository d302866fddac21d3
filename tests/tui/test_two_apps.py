"""Two terminal apps on one data directory: the first writes, the second only reads."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running


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
