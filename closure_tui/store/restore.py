"""Putting a backup back, and preparing the data folder for a writer."""

from __future__ import annotations

import errno
from pathlib import Path

from closure_tui.domain.clock import Clock
from closure_tui.store.datafiles import (
    DATA_FILES,
    backups_dir,
    check_file,
    data_files,
    journal_files,
)
from closure_tui.store.errors import NoBackup
from closure_tui.store.fsutil import ensure_private_dir, sweep_temp_files
from closure_tui.store.lock import WriterLock
from closure_tui.store.refusals import StoreUnwritable


def prepare_dir(data_dir: Path) -> bool:
    """`ensure_private_dir` for a writer; a folder that cannot be written is
    `StoreUnwritable` (the caller may still read it)."""
    try:
        return ensure_private_dir(data_dir)
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreUnwritable(data_dir, error.strerror or str(error)) from None
        raise


def restore(data_dir: Path, clock: Clock, name: str | None = None) -> tuple[str, list[Path]]:
    """Put back the named (or newest good) snapshot; the current files are moved aside."""
    from closure_tui.store import backups

    lock = WriterLock(data_dir)
    ensure_private_dir(data_dir)
    lock.acquire()
    try:
        sweep_temp_files(data_dir)
        snapshot = backups.find_good_snapshot(
            data_dir, list(DATA_FILES), lambda path: not check_file(path), name
        )
        if snapshot is None and name is not None:
            backups.refuse_named(data_dir, name, check_file)
        if snapshot is None:
            raise NoBackup(backups_dir(data_dir))
        kept = [data_dir / path.name for path in journal_files(snapshot.path)]
        files = data_files(data_dir) + [path for path in kept if not path.exists()]
        moved = backups.put_back(snapshot, data_dir, files, clock.now())
        return snapshot.name, moved
    finally:
        lock.release()
