"""Backups you can count on: kept by time as well as count, listed with the numbers that
`restore N` takes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from closure_tui.cli import main
from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store.backups import DAYS, KEEP, WEEKS, list_snapshots
from closure_tui.store.store import MAIN_FILE
from tests.storekit import populate


def change(data_dir: Path, clock: FixedClock, name: str) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform(name)


def test_a_burst_of_changes_never_pushes_out_yesterday(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    for day in range(70):
        clock.advance(days=1)
        change(data_dir, clock, f"日{day:02d}")
    yesterday = clock.now().date()
    clock.advance(days=1)
    for burst in range(KEEP + 5):
        clock.advance(minutes=1)
        change(data_dir, clock, f"今天{burst:02d}")
    now = clock.now()
    taken = [snap.taken for snap in list_snapshots(data_dir)]
    assert yesterday in {moment.date() for moment in taken}
    days = {moment.date() for moment in taken if now - moment < timedelta(days=DAYS)}
    assert len(days) == DAYS
    weeks = {moment.isocalendar()[:2] for moment in taken if now - moment < timedelta(weeks=WEEKS)}
    assert len(weeks) >= WEEKS
    assert all(now - moment < timedelta(weeks=WEEKS) for moment in taken[KEEP:])
    assert len(taken) <= KEEP + DAYS + WEEKS


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_backups_lists_the_numbers_restore_takes(
    data_dir: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(data_dir, clock)
    for index in range(KEEP + 4):
        clock.advance(minutes=1)
        change(data_dir, clock, f"平台{index:02d}")
    damaged = list_snapshots(data_dir)[0]
    (damaged.path / MAIN_FILE).write_bytes(b"{")
    code, out = run(data_dir, capsys, "backups")
    assert code == 0
    lines = [line.split() for line in out.splitlines() if line[:1].isdigit()]
    assert [int(line[0]) for line in lines] == [snap.number for snap in list_snapshots(data_dir)]
    assert lines[0][-2:] != ["good"] and "damaged:" in lines[0]
    oldest = lines[-1]
    assert oldest[3] == "7" and oldest[-1] == "good"
    code, out = run(data_dir, capsys, "restore", oldest[0])
    assert code == 0, out
    with closures_session(data_dir, clock, writable=False) as service:
        assert len(service.platforms()) == 7
    code, out = run(data_dir, capsys, "restore", "1")
    assert code == 1
    assert "There is no backup numbered 1" in out and oldest[0] in out
    code, out = run(data_dir, capsys, "restore", lines[0][0])
    assert code == 1
    assert f"Backup {damaged.name} is damaged" in out


def test_no_backups_yet(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(data_dir, capsys, "--lang", "zh", "backups")
    assert code == 0
    assert "还没有备份" in out
