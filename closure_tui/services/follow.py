"""Following another instance's saves: a read-only app compares the data files' stat
(inode, size, modification time) once a second and reopens the data when any moved.

Every save renames a new file over the old one, so a finished save always changes the
inode; a stat costs microseconds, so polling never reads the files themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

from closure_tui.store.datafiles import data_files

#: Seconds between two looks at the files: no faster than once a second.
FOLLOW_INTERVAL = 1.0
Signature = tuple[tuple[int, int, int] | None, ...]


def signature(data_dir: Path) -> Signature:
    """(inode, size, mtime) of each data file, None for a file that is not there."""
    found: list[tuple[int, int, int] | None] = []
    for path in data_files(data_dir):
        try:
            stat = os.stat(path)
        except OSError:
            found.append(None)
            continue
        found.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


class DataWatch:
    """Says whether the data files changed since it last looked."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.seen = signature(data_dir)

    def changed(self) -> bool:
        now = signature(self.data_dir)
        if now == self.seen:
            return False
        self.seen = now
        return True
