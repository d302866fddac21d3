"""A data folder that cannot be written, and `doctor` running beside a writer.

Tests run as root, where permission bits do not stop writes, so a read-only mount is
simulated: every call that would create, change or remove something under the data
folder fails with EROFS, as the kernel answers on a read-only file system.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from closure_tui.cli import main
from closure_tui.domain.clock import FixedClock
from closure_tui.services import doctor
from closure_tui.services.doctor import examine
from closure_tui.services.session import closures_session
from closure_tui.store.lock import LOCK_NAME, WriterLock
from closure_tui.store.refusals import StoreUnwritable
from tests.storekit import file_bytes, populate

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC


@pytest.fixture(params=[errno.EROFS, errno.EACCES], ids=["read-only mount", "no permission"])
def read_only_mount(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, request: Any
) -> Iterator[Path]:
    """A filled data folder, then mounted read-only (or its write permission taken away)."""
    code = request.param
    populate(data_dir, clock)
    clock.advance(minutes=1)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("第二次运行")
    inside = str(data_dir)

    def refuse(path: Any) -> None:
        if os.fspath(path).startswith(inside):
            raise OSError(code, os.strerror(code), os.fspath(path))

    def guarded(real: Callable[..., Any], *, flags_at: int | None = None) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if flags_at is None or args[flags_at] & WRITE_FLAGS:
                refuse(args[0])
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(os, "open", guarded(os.open, flags_at=1))
    for name in ("mkdir", "chmod", "replace", "rename", "unlink", "link", "rmdir"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name)))
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: (
            not (mode & os.W_OK and str(path).startswith(inside)) and real_access(path, mode)
        ),
    )
    yield data_dir


def test_a_writer_is_refused_with_the_reason(read_only_mount: Path, clock: FixedClock) -> None:
    before = file_bytes(read_only_mount)
    with (
        pytest.raises(StoreUnwritable) as refused,
        closures_session(read_only_mount, clock, writable=True),
    ):
        pass
    assert refused.value.reason in (os.strerror(errno.EROFS), os.strerror(errno.EACCES))
    with closures_session(read_only_mount, clock, writable=False) as service:
        assert len(service.platforms()) == 4
    assert file_bytes(read_only_mount) == before


def test_the_command_line_says_why(
    read_only_mount: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(read_only_mount), "add", "安逸花"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Cannot write in" in err
    assert os.strerror(errno.EROFS) in err or os.strerror(errno.EACCES) in err


def test_doctor_prints_its_full_report(
    read_only_mount: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(read_only_mount), "doctor"])
    out = capsys.readouterr().out
    assert code == 1
    for expected in ("cannot be written", ": good.", "Permissions: owner only", "Lock: free"):
        assert expected in out
    assert "Backups: 1" in out


def test_doctor_never_takes_the_lock(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer starting while doctor looks at the lock is not refused because of it."""
    populate(data_dir, clock)
    refused: list[Exception] = []
    real_flock = fcntl.flock

    def flock_then_writer_starts(fd: int, operation: int) -> None:
        real_flock(fd, operation)
        if operation & (fcntl.LOCK_EX | fcntl.LOCK_SH):
            writer = WriterLock(data_dir)
            try:
                writer.acquire()
            except Exception as error:
                refused.append(error)
            else:
                writer.release()

    monkeypatch.setattr(fcntl, "flock", flock_then_writer_starts)
    found = examine(data_dir)
    assert refused == []
    assert any(f.key == "doctor.lock_free" for f in found)


def test_doctor_names_a_live_holder(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    holder = WriterLock(data_dir)
    holder.acquire()
    try:
        found = examine(data_dir)
    finally:
        holder.release()
    assert any(f.key == "doctor.lock_held" for f in found)
    (data_dir / LOCK_NAME).write_text("pid 999999999")
    assert any(f.key == "doctor.lock_free" for f in examine(data_dir))


def test_a_backup_pruned_while_doctor_reads_is_not_damage(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    for _ in range(2):
        clock.advance(minutes=1)
        with closures_session(data_dir, clock, writable=True) as service:
            service.add_platform(f"平台{clock.now():%M}")
    real_check = doctor.check_file
    backups = data_dir / "backups"

    def pruned_meanwhile(path: Path) -> list[str]:
        if path.parent.parent == backups and path.parent.exists():
            for entry in path.parent.iterdir():  # the writer prunes this snapshot now
                entry.unlink()
            path.parent.rmdir()
        return real_check(path)

    monkeypatch.setattr(doctor, "check_file", pruned_meanwhile)
    found = examine(data_dir)
    assert [f for f in found if f.attention] == []
