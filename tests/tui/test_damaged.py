"""A damaged data file opens an explanation and a confirmed restore, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store.schema import CURRENT_SCHEMA
from closure_tui.tui.screens.damaged import DamagedScreen
from closure_tui.tui.screens.dashboard import DashboardScreen
from tests.test_store_verified_damage import newer_version_wrote
from tests.tui.conftest import AppFactory
from tests.tui.helpers import notifications, running, screen_text, table_names


def damage(data_dir: Path, clock: FixedClock, *, with_backup: bool = True) -> Path:
    """Two sessions (so the second one snapshots the first), then garbage in closure.json."""
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗")
    if with_backup:
        with closures_session(data_dir, clock, writable=True) as service:
            service.add_platform("花呗")
    main = data_dir / "closure.json"
    main.write_text('{"platforms": {"1": ', encoding="utf-8")
    return main


async def test_damaged_store_explains_where_things_are(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    main = damage(data_dir, clock)
    app = make_app()
    async with running(app):
        assert isinstance(app.screen, DamagedScreen)
        text = screen_text(app).replace("\n", "")
        assert "cannot open your data" in text
        assert str(main) in text
        assert str(data_dir / "backups") in text
        assert "Press r to restore the newest good backup" in text


async def test_restore_needs_a_confirmation_then_reopens(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    main = damage(data_dir, clock)
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, DamagedScreen)
        assert main.read_text(encoding="utf-8").startswith('{"platforms"')
        await pilot.press("r")
        await pilot.pause()
        assert "Restore the newest good backup?" in screen_text(app).replace("\n", "")
        await pilot.press("escape")
        await pilot.pause()
        assert "Restore the newest good backup?" not in screen_text(app)
        await pilot.press("r", "y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert table_names(app) == ["借呗"]
        assert any(message.startswith("Restored from backup") for message in notifications(app))
        assert not app.read_only
    kept = list(data_dir.glob("closure.json.replaced-*"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == '{"platforms": {"1": '


async def test_no_backup_says_so_and_stays(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    damage(data_dir, clock, with_backup=False)
    app = make_app(lang="zh")
    async with running(app) as pilot:
        assert "数据文件已损坏" in screen_text(app)
        await pilot.press("r", "y")
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert any("没有找到完好的备份" in message for message in notifications(app))


async def test_newer_data_is_not_offered_an_old_backup(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    damage(data_dir, clock)
    newer = {"_meta": {"1": {"schema": CURRENT_SCHEMA + 1}}}
    (data_dir / "closure.json").write_text(json.dumps(newer), encoding="utf-8")
    app = make_app()
    async with running(app) as pilot:
        text = screen_text(app).replace("\n", "")
        assert "Upgrade closure-tui" in text
        assert "Press r" not in text
        await pilot.press("r", "y")
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
    assert json.loads((data_dir / "closure.json").read_text(encoding="utf-8")) == newer


async def test_a_trusted_file_whose_records_no_longer_decode_opens_the_explanation(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    main = newer_version_wrote(data_dir, clock)
    app = make_app()
    async with running(app):
        assert isinstance(app.screen, DamagedScreen)
        assert str(main) in screen_text(app).replace("\n", "")
