"""The app under a failing disk and beside other writers: it says so and claims nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey, StageState
from tests.storekit import cli
from tests.tui.fixtures_platform import on_platform, stored


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
async def test_a_failed_save_is_reported_and_not_shown_as_done(
    code: int, data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        key = StageKey.PAID  # its warnings are confirmed with y, then it saves
        assert ui.screen.stage_key is key
        before = (data_dir / "closure.json").read_bytes()

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(code, os.strerror(code))

        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", full_disk)
            await ui.press("space", "y")
        messages = [n.message for n in ui.app._notifications]
        assert any("Saving failed" in m and os.strerror(code) in m for m in messages), messages
        assert ui.screen.platform is not None
        assert ui.screen.platform.stage(key).state is StageState.TODO
        assert "[ ]" in str(ui.screen.query_one(f"#stage-{key.value} .stage-box").render())
        assert (data_dir / "closure.json").read_bytes() == before
        await ui.press("space", "y")  # the disk has room again: the same keys save it
        assert stored(data_dir, clock, ui.platform_id).stage(key).state is (StageState.DONE)


async def test_cli_writer_is_refused_while_the_app_is_open(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗"):
        refused = cli(data_dir, "note", "借呗", "from a script")
        assert refused.returncode == 1
        assert "Another closure-tui is open" in refused.stderr
        assert cli(data_dir, "show", "借呗").returncode == 0
    assert cli(data_dir, "note", "借呗", "from a script").returncode == 0
