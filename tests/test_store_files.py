"""How the store touches the disk: atomic write order, private permissions, one writer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.store import fsutil
from closure_tui.store.errors import StoreLocked, StoreReadOnly, StoreWriteFailed
from closure_tui.store.lock import LOCK_NAME, is_locked
from closure_tui.store.store import MAIN_FILE, NOTES_FILE, Store
from tests.store_helpers import add_platform, mode, opened
from tests.storekit import file_bytes


class RecordingOs:
    """Stands in for `os` inside fsutil and records the calls that matter for durability."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self._paths: dict[int, str] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def open(self, path: Any, flags: int, *args: Any) -> int:
        fd = os.open(path, flags, *args)
        self._paths[fd] = Path(path).name
        self.calls.append(("open", Path(path).name))
        return fd

    def fsync(self, fd: int) -> None:
        size = os.fstat(fd).st_size
        self.calls.append(("fsync", (self._paths.get(fd, "?"), size)))
        os.fsync(fd)

    def write(self, fd: int, data: bytes) -> int:
        self.calls.append(("write", len(data)))
        return os.write(fd, data)

    def replace(self, source: Any, target: Any) -> None:
        self.calls.append(("replace", (Path(source).name, Path(target).name)))
        os.replace(source, target)


@pytest.fixture
def recording_os(monkeypatch: pytest.MonkeyPatch) -> RecordingOs:
    recorder = RecordingOs()
    monkeypatch.setattr(fsutil, "os", recorder)
    return recorder


def test_write_order_is_temp_fsync_replace_dir_fsync(
    tmp_path: Path, recording_os: RecordingOs
) -> None:
    target = tmp_path / MAIN_FILE
    data = '{"平台":"借呗"}'.encode()
    fsutil.atomic_write(target, data)
    calls = recording_os.calls
    temp_name = calls[0][1]
    assert temp_name.startswith(f".{MAIN_FILE}{fsutil.TEMP_MARK}")
    assert calls == [
        ("open", temp_name),
        ("write", len(data)),
        ("fsync", (temp_name, len(data))),
        ("replace", (temp_name, MAIN_FILE)),
        ("open", tmp_path.name),
        ("fsync", (tmp_path.name, os.stat(tmp_path).st_size)),
    ]
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [MAIN_FILE]


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / MAIN_FILE
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    recorder = RecordingOs()
    monkeypatch.setattr(recorder, "fsync", broken_fsync)
    monkeypatch.setattr(fsutil, "os", recorder)
    with pytest.raises(OSError):
        fsutil.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [MAIN_FILE]


def test_store_write_failure_is_reported_and_disk_unchanged(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(data_dir, clock) as store:
        add_platform(store, "借呗")
    for refused in ("write", "fsync"):
        before = file_bytes(data_dir)
        with opened(data_dir, clock) as store:
            store.ensure_backup()
            recorder = RecordingOs()
            monkeypatch.setattr(recorder, refused, _refuse)
            monkeypatch.setattr(fsutil, "os", recorder)
            with pytest.raises(StoreWriteFailed):
                add_platform(store, "花呗")
            monkeypatch.setattr(fsutil, "os", os)
            assert [p.name for p in store.platforms] == ["借呗"]
        assert file_bytes(data_dir) == before


def _refuse(*args: object) -> None:
    raise OSError(13, "Permission denied")


def test_directory_0700_and_files_0600_under_umask_022(
    data_dir: Path, clock: FixedClock, umask_022: None
) -> None:
    for round_ in range(2):
        with opened(data_dir, clock) as store:
            platform = add_platform(store, f"平台{round_}")
            store.notes.insert(lambda new_id, p=platform: Note(new_id, p.id, clock.now(), "备注"))
    backups = data_dir / "backups"
    assert mode(data_dir) == 0o700
    assert mode(backups) == 0o700
    for path in (data_dir / MAIN_FILE, data_dir / NOTES_FILE, data_dir / LOCK_NAME):
        assert mode(path) == 0o600, path
    snapshots = list(backups.iterdir())
    assert snapshots
    for snapshot in snapshots:
        assert mode(snapshot) == 0o700
        for file in snapshot.iterdir():
            assert mode(file) == 0o600


def test_loose_permissions_are_tightened_with_a_notice(
    data_dir: Path, clock: FixedClock, umask_022: None
) -> None:
    with opened(data_dir, clock) as store:
        add_platform(store, "借呗")
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / MAIN_FILE, 0o644)
    with opened(data_dir, clock) as store:
        assert {notice.path for notice in store.notices} == {
            str(data_dir),
            str(data_dir / MAIN_FILE),
        }
    assert mode(data_dir) == 0o700
    assert mode(data_dir / MAIN_FILE) == 0o600


def test_second_writer_is_refused_while_readers_work(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock) as writer:
        add_platform(writer, "借呗")
        with pytest.raises(StoreLocked) as caught:
            Store.open(data_dir, clock, writable=True)
        assert f"pid {os.getpid()}" in caught.value.holder
        with opened(data_dir, clock, writable=False) as reader:
            assert [p.name for p in reader.platforms] == ["借呗"]
            with pytest.raises(StoreReadOnly):
                add_platform(reader, "花呗")
        assert is_locked(data_dir)
    assert not is_locked(data_dir)
    with opened(data_dir, clock) as again:
        assert len(again.platforms) == 1


def test_the_lock_is_released_when_its_holder_dies(data_dir: Path, clock: FixedClock) -> None:
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from closure_tui.store.lock import WriterLock
        Path({str(data_dir)!r}).mkdir(mode=0o700)
        WriterLock(Path({str(data_dir)!r})).acquire()
        print("locked", flush=True)
        sys.stdin.read()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked):
            Store.open(data_dir, clock, writable=True)
    finally:
        holder.kill()
        holder.wait()
    with opened(data_dir, clock) as store:
        add_platform(store, "借呗")


def test_temp_files_of_a_dead_writer_are_swept(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(mode=0o700)
    leftover = data_dir / f".{MAIN_FILE}{fsutil.TEMP_MARK}999-deadbeef"
    leftover.write_bytes(b'{"half')
    with opened(data_dir, clock):
        pass
    assert not leftover.exists()
