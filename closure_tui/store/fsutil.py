"""Private, atomic file operations: the only place the store touches the file system.

Every byte the store reads or writes of a data file passes through here, so that what
is done to all of them (encryption, say) is done in one place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
TEMP_MARK = ".tmp-"
#: How much of a file is read at a time when it is not read whole.
CHUNK = 1 << 20


def ensure_private_dir(path: Path) -> bool:
    """Create `path` with the leaf at 0700; True when an existing one had to be tightened."""
    if not path.exists():
        path.mkdir(parents=True, mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(path, PRIVATE_DIR)
        return False
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    return tighten(path, PRIVATE_DIR)


def tighten(path: Path, mode: int) -> bool:
    """Remove group/other permissions; return True if anything changed."""
    current = stat.S_IMODE(path.stat().st_mode)
    if current & 0o077:
        os.chmod(path, current & ~0o077 & 0o777 | (mode & 0o700))
        return True
    return False


def tighten_if_possible(path: Path, mode: int) -> bool:
    """`tighten`, but a file this user cannot change (or that vanished) is left as it is."""
    try:
        return tighten(path, mode)
    except OSError:
        return False


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable, as far as the file system allows.

    Errors are ignored, as SQLite does: some file systems cannot fsync a directory,
    and by now the new file is already in place, so reporting the save as failed
    would be false.
    """
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """`os.write` until every byte is written (a write may be short on a full disk)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def _put_in_place(path: Path, data: bytes, *, durable: bool) -> None:
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that `path` always holds either the old or the new bytes.

    Temporary file in the same directory (created 0600), write, flush, fsync,
    `os.replace`, then fsync of the directory so the rename itself survives a crash.
    """
    _put_in_place(path, data, durable=True)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` (0600, it must not exist) with `data`, flushed to disk: for a file in a
    temporary directory that is renamed into place whole (its directory fsynced first)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_quietly(path: Path, data: bytes) -> None:
    """`atomic_write` without the fsyncs: for caches only, whose loss after a crash costs
    time, never data."""
    _put_in_place(path, data, durable=False)


def remove_tree(path: Path) -> None:
    """Delete a directory tree, ignoring errors (a leftover is swept at the next start)."""
    import shutil  # only writers need it; its import (bz2, lzma) costs readers' start-up

    shutil.rmtree(path, ignore_errors=True)


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and TEMP_MARK in name


def sweep_temp_files(directory: Path) -> list[Path]:
    """Remove temporary files and directories left by a writer that died mid-write.

    Call with the writer lock held, so no live writer's temporary is removed.
    """
    removed = []
    if directory.is_dir():
        for entry in directory.iterdir():
            if not is_temp_name(entry.name):
                continue
            if entry.is_dir() and not entry.is_symlink():
                remove_tree(entry)
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()
            removed.append(entry)
    return removed


class FileRead(NamedTuple):
    """A file's bytes and the status of the open file right after reading them (a
    NamedTuple: see `closure_tui.store.store.Notice`)."""

    raw: bytes
    status: os.stat_result
    #: Nothing changed the file while it was read (its status before equals after).
    steady: bool


def read_with_status(path: Path) -> FileRead | None:
    """The file's bytes and the status of the very file read; None when it does not exist.
    A symbolic link is not followed (OSError with errno ELOOP)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        before = os.fstat(fd)
        raw = _read_to_end(fd, before.st_size)
        status = os.fstat(fd)
    finally:
        os.close(fd)
    steady = (before.st_size, before.st_mtime_ns, before.st_ctime_ns) == (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )
    return FileRead(raw, status, steady)


def _read_to_end(fd: int, size: int) -> bytes:
    """The bytes from the file's position to its end (`size` expected): every read of a
    whole data file ends here, in `os.read`."""
    chunks = []
    want = size + 1  # one read for the whole file, one more to see its end
    while chunk := os.read(fd, want):
        chunks.append(chunk)
        want = max(want - len(chunk), CHUNK)
    return b"".join(chunks)


def read_file(path: str | Path) -> bytes:
    """The whole file (raises `FileNotFoundError` when there is none)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return _read_to_end(fd, os.fstat(fd).st_size)
    finally:
        os.close(fd)


def read_ranges(path: Path, ranges: list[tuple[int, int]]) -> list[bytes] | None:
    """The bytes at each (offset, length) of the file, reading nothing else; None when the
    file is gone or is a link (then read it whole, which reports either)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        return [os.pread(fd, length, offset) for offset, length in ranges]
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str | None:
    """The digest of the file's bytes, read in chunks (never the whole file at once)."""
    import hashlib  # only a file whose signature changed is hashed: keep it out of start-up

    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        while chunk := os.read(fd, CHUNK):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest.hexdigest()


def append_durable(path: Path, data: bytes) -> None:
    """Append `data` and fsync it; a file this creates is 0600 and its directory is fsynced
    too, so the new name survives a crash as well. A write or fsync that fails is cut off
    again, so the file keeps its previous bytes (a crash instead leaves a torn tail, which
    readers drop)."""
    created = not path.exists()
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        size = os.fstat(fd).st_size
        try:
            _write_all(fd, data)
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)


def read_last_frame(path: Path) -> bytes | None:
    """The payload of the last frame of a segment, reading only that frame; None when the
    file ends in anything but a whole frame (or is gone)."""
    from closure_tui.store import frames

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        where = frames.last_payload(
            os.pread(fd, frames.TAIL.size, max(size - frames.TAIL.size, 0)), size
        )
        if where is None:
            return None
        offset, length = where
        head = os.pread(fd, frames.HEAD.size, offset - frames.HEAD.size)
        payload = os.pread(fd, length, offset)
    finally:
        os.close(fd)
    return payload if frames.check_last(head, payload) else None


def unlink_quietly(path: Path) -> None:
    """Remove a file that is no longer needed; one already gone is fine."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
