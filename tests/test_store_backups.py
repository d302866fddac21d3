"""Rolling backups: one per writing run, the newest ten kept, and restore of the newest good one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.store.backups import KEEP, list_snapshots
from closure_tui.store.errors import NoBackup, StoreDamaged, StoreLocked
from closure_tui.store.lock import WriterLock
from closure_tui.store.restore import restore
from closure_tui.store.store import MAIN_FILE, NOTES_FILE
from tests.store_helpers import add_platform, opened, stored


def names_in(data_dir: Path, clock: FixedClock) -> list[str]:
    with opened(data_dir, clock, writable=False) as store:
        return sorted(p.name for p in store.platforms)


def run_that_adds(data_dir: Path, clock: FixedClock, *names: str) -> None:
    with opened(data_dir, clock) as store:
        for name in names:
            add_platform(store, name)
    clock.advance(minutes=1)


def test_one_snapshot_per_writing_run_of_the_files_before_it(
    data_dir: Path, clock: FixedClock
) -> None:
    run_that_adds(data_dir, clock, "借呗")
    assert list_snapshots(data_dir) == []
    before = (data_dir / MAIN_FILE).read_bytes()
    run_that_adds(data_dir, clock, "花呗", "白条", "金条")
    [snapshot] = list_snapshots(data_dir)
    assert (snapshot.path / MAIN_FILE).read_bytes() == before
    with opened(data_dir, clock, writable=False):
        pass
    with opened(data_dir, clock):
        pass
    assert len(list_snapshots(data_dir)) == 1


def test_at_most_ten_are_kept_newest_first(data_dir: Path, clock: FixedClock) -> None:
    for index in range(KEEP + 3):
        run_that_adds(data_dir, clock, f"平台{index:02d}")
    snapshots = list_snapshots(data_dir)
    assert KEEP == 10
    assert len(snapshots) == KEEP
    assert [s.number for s in snapshots] == list(range(KEEP + 2, 2, -1))
    assert len(list((data_dir / "backups").iterdir())) == KEEP


def test_a_snapshot_does_not_change_when_the_data_does(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    run_that_adds(data_dir, clock, "花呗")
    [snapshot] = list_snapshots(data_dir)
    kept = (snapshot.path / MAIN_FILE).read_bytes()
    with opened(data_dir, clock) as store:
        store.platforms.remove([1, 2])
    assert (snapshot.path / MAIN_FILE).read_bytes() == kept


def damage(data_dir: Path, raw: bytes = b'{"platforms": tru') -> bytes:
    (data_dir / MAIN_FILE).write_bytes(raw)
    return raw


def test_restore_brings_back_the_newest_good_backup(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    run_that_adds(data_dir, clock, "花呗")
    run_that_adds(data_dir, clock, "白条")
    raw = damage(data_dir)
    with pytest.raises(StoreDamaged):
        names_in(data_dir, clock)
    restored, moved = restore(data_dir, clock)
    assert restored == list_snapshots(data_dir)[0].name
    assert names_in(data_dir, clock) == ["借呗", "花呗"]
    aside = [path for path in moved if path.name.startswith(f"{MAIN_FILE}.replaced-")]
    assert len(aside) == 1 and aside[0].read_bytes() == raw
    assert oct(os.stat(data_dir / MAIN_FILE).st_mode & 0o777) == "0o600"


def test_restore_skips_damaged_backups(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    run_that_adds(data_dir, clock, "花呗")
    run_that_adds(data_dir, clock, "白条")
    newest = list_snapshots(data_dir)[0]
    (newest.path / MAIN_FILE).unlink()
    (newest.path / MAIN_FILE).write_bytes(b"")
    damage(data_dir)
    restored, _ = restore(data_dir, clock)
    assert restored == list_snapshots(data_dir)[1].name
    assert names_in(data_dir, clock) == ["借呗"]


def test_stray_files_in_a_backup_are_ignored(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    run_that_adds(data_dir, clock, "花呗")
    run_that_adds(data_dir, clock, "白条")
    newest, older = list_snapshots(data_dir)[:2]
    (newest.path / ".DS_Store").write_bytes(b"\x00\x01")
    stray_only = data_dir / "backups" / "000099-20261129T000000"
    stray_only.mkdir()
    (stray_only / "notes.txt").write_text("not a data file")
    damage(data_dir)
    restored, _ = restore(data_dir, clock)
    assert restored == newest.name != older.name
    assert names_in(data_dir, clock) == ["借呗", "花呗"]


def test_restore_by_name_or_number(data_dir: Path, clock: FixedClock) -> None:
    for name in ("借呗", "花呗", "白条"):
        run_that_adds(data_dir, clock, name)
    oldest = list_snapshots(data_dir)[-1]
    restore(data_dir, clock, str(oldest.number))
    assert names_in(data_dir, clock) == ["借呗"]
    restore(data_dir, clock, list_snapshots(data_dir)[0].name)
    assert names_in(data_dir, clock) == ["借呗", "花呗"]
    with pytest.raises(NoBackup):
        restore(data_dir, clock, "999")


def test_a_backup_survives_the_live_file_being_damaged_in_place(
    data_dir: Path, clock: FixedClock
) -> None:
    """The run below writes only notes.json, so closure.json is never replaced after the
    snapshot; truncating it in place must not truncate its backup too."""
    run_that_adds(data_dir, clock, "借呗")
    with opened(data_dir, clock) as store:
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "备注"))
    damage(data_dir, b"")
    restore(data_dir, clock)
    assert names_in(data_dir, clock) == ["借呗"]


def test_restore_never_deletes_the_current_files(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    with opened(data_dir, clock) as store:
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "录音编号 123"))
    notes_before = (data_dir / NOTES_FILE).read_bytes()
    damage(data_dir)
    _, moved = restore(data_dir, clock)
    kept = {path.name.split(".replaced-")[0]: path.read_bytes() for path in moved}
    assert kept[NOTES_FILE] == notes_before


def test_restore_without_any_backup_says_so(data_dir: Path, clock: FixedClock) -> None:
    run_that_adds(data_dir, clock, "借呗")
    raw = damage(data_dir)
    with pytest.raises(NoBackup):
        restore(data_dir, clock)
    assert (data_dir / MAIN_FILE).read_bytes() == raw


def test_restore_waits_for_no_one_but_refuses_while_a_writer_is_open(
    data_dir: Path, clock: FixedClock
) -> None:
    run_that_adds(data_dir, clock, "借呗")
    run_that_adds(data_dir, clock, "花呗")
    lock = WriterLock(data_dir)
    lock.acquire()
    try:
        with pytest.raises(StoreLocked):
            restore(data_dir, clock)
    finally:
        lock.release()
    assert stored(data_dir, MAIN_FILE)["platforms"].keys() == {"1", "2"}
