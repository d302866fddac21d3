"""One writer at a time: an exclusive `flock` the OS releases when the holder dies."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from closure_tui.store.errors import StoreLocked
from closure_tui.store.fsutil import PRIVATE_FILE

LOCK_NAME = "closure.lock"


class WriterLock:
    """Held by the TUI for its lifetime and by CLI writers for one command."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        os.fchmod(fd, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise StoreLocked(holder or "?") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def lock_holder(directory: Path) -> str | None:
    """Who holds the writer lock (`pid N`), or None when nobody does; never waits."""
    probe = WriterLock(directory)
    if not probe.path.exists():
        return None
    try:
        probe.acquire()
    except StoreLocked as error:
        return error.holder
    probe.release()
    return None


def is_locked(directory: Path) -> bool:
    """True when some process holds the writer lock (checked without taking it for long)."""
    return lock_holder(directory) is not None
