"""One writer at a time: an exclusive `flock` the OS releases when the holder dies."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from pathlib import Path

from closure_tui.store.errors import StoreLocked
from closure_tui.store.fsutil import PRIVATE_FILE
from closure_tui.store.refusals import LinkRefused, StoreUnwritable

LOCK_NAME = "closure.lock"
_PID_PREFIX = "pid "


class WriterLock:
    """Held by the TUI for its lifetime and by CLI writers for one command.

    The file is opened with `O_NOFOLLOW`: a `closure.lock` that is a link is refused,
    never truncated through.
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Raises `StoreLocked`, `LinkRefused` or `StoreUnwritable` (read-only folder)."""
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags, PRIVATE_FILE)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise LinkRefused(self.path) from None
            raise StoreUnwritable(self.path.parent, error.strerror or str(error)) from None
        try:
            os.fchmod(fd, PRIVATE_FILE)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise StoreLocked(holder or "?") from None
        except OSError as error:
            os.close(fd)
            raise StoreUnwritable(self.path.parent, error.strerror or str(error)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{_PID_PREFIX}{os.getpid()}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def lock_holder(directory: Path) -> str | None:
    """Who holds the writer lock (`pid N`), or None when nobody does.

    Only reads: the lock is never taken, not even for an instant (a writer starting at
    that instant would be refused), nor the file created (the folder may be read-only).
    A holder writes its pid once it has the lock and clears it on release; a pid left by
    a holder that died is not a holder.
    """
    try:
        fd = os.open(directory / LOCK_NAME, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return None
    finally:
        os.close(fd)
    digits = text.removeprefix(_PID_PREFIX)
    if not (text.startswith(_PID_PREFIX) and digits.isascii() and digits.isdigit()):
        return None
    return text if _alive(int(digits)) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # another user's process
    return True


def is_locked(directory: Path) -> bool:
    """True when some process holds the writer lock (checked without taking it)."""
    return lock_holder(directory) is not None
