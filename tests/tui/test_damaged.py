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
from tests.tui.helpers import footer_keys, notifications, running, screen_text, table_names


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
        assert "press r or Enter to restore it" in text
        assert "#1  " in text and "1 platform" in text


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
        assert "Restore backup #1 (2026-11-29 09:30, 1 platform)?" in screen_text(app).replace(
            "\n", ""
        )
        await pilot.press("escape")
        await pilot.pause()
        assert "Restore backup #1" not in screen_text(app)
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
        assert "没有可以恢复的完好备份" in screen_text(app)
        assert "r" not in footer_keys(app)
        await pilot.press("r", "enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)


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


def _three_backups(data_dir: Path, clock: FixedClock) -> None:
    """Backups #1 (one platform), #2 (two) and #3 (three; then damaged), closure.json damaged."""
    for name in ("借呗", "花呗", "微粒贷", "京东金条"):
        with closures_session(data_dir, clock, writable=True) as service:
            service.add_platform(name)
        clock.advance(days=1)
    snapshots = sorted((data_dir / "backups").iterdir())
    (snapshots[-1] / "closure.json").write_text("{", encoding="utf-8")
    (data_dir / "closure.json").write_bytes(b'{\n  "platforms": {"1" {}}\n}')


async def test_lists_good_backups_and_restores_the_chosen_one(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    _three_backups(data_dir, clock)
    app = make_app()
    async with running(app, (80, 24)) as pilot:
        text = screen_text(app)
        assert "#2  2026-12-01 09:30  2 platforms" in text
        assert "#1  2026-11-30 09:30  1 platform" in text
        assert "#3" not in text, "a damaged backup is not offered"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Restore backup #1 (2026-11-30 09:30, 1 platform)?" in screen_text(app).replace(
            "\n", ""
        )
        assert footer_keys(app)[:2] == ["y", "escape"]
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert table_names(app) == ["借呗"]


async def test_the_parsers_complaint_reads_in_chinese_with_its_line(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    _three_backups(data_dir, clock)
    app = make_app(lang="zh")
    async with running(app, (80, 24)):
        text = screen_text(app)
        assert "问题：不是有效的 JSON（第 2 行第 21 列）" in text
        assert "Expecting" not in text


async def test_footer_shows_only_the_keys_that_work_here(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    _three_backups(data_dir, clock)
    app = make_app()
    async with running(app, (80, 24)) as pilot:
        assert footer_keys(app) == ["r", "q", "question_mark", "ctrl+p"]
        for key in ("p", "g", "a", "ctrl+z"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, DamagedScreen), key


async def test_a_trusted_file_whose_records_no_longer_decode_opens_the_explanation(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    main = newer_version_wrote(data_dir, clock)
    app = make_app()
    async with running(app):
        assert isinstance(app.screen, DamagedScreen)
        assert str(main) in screen_text(app).replace("\n", "")
