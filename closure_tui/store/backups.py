"""Rolling backups: a numbered snapshot of every data file, taken before a run's first write.

Snapshots are byte copies, never hard links: a link would share the live file's
inode, so anything that damages the live file in place (a truncating editor, a
sync tool, a disk error) would damage its "backup" too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from closure_tui.store.datafiles import backups_dir
from closure_tui.store.fsutil import (
    TEMP_MARK,
    atomic_write,
    ensure_private_dir,
    fsync_dir,
    remove_tree,
)

KEEP = 10


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One numbered backup directory."""

    path: Path
    number: int

    @property
    def name(self) -> str:
        return self.path.name


def list_snapshots(data_dir: Path) -> list[Snapshot]:
    """Newest first."""
    root = backups_dir(data_dir)
    if not root.is_dir():
        return []
    found = []
    for entry in root.iterdir():
        number, _, _ = entry.name.partition("-")
        if entry.is_dir() and number.isdigit():
            found.append(Snapshot(entry, int(number)))
    return sorted(found, key=lambda snap: snap.number, reverse=True)


def take_snapshot(
    data_dir: Path, files: list[Path], now: datetime, keep: int = KEEP
) -> Path | None:
    """Snapshot the existing `files`; prune to the newest `keep`. None when there is nothing yet."""
    present = [path for path in files if path.exists()]
    if not present:
        return None
    root = backups_dir(data_dir)
    ensure_private_dir(root)
    existing = list_snapshots(data_dir)
    number = existing[0].number + 1 if existing else 1
    target = root / f"{number:06d}-{now:%Y%m%dT%H%M%S}"
    temp = root / f".{target.name}{TEMP_MARK}{os.getpid()}"
    remove_tree(temp)
    ensure_private_dir(temp)
    for path in present:
        atomic_write(temp / path.name, path.read_bytes())
    os.replace(temp, target)
    fsync_dir(root)
    for old in list_snapshots(data_dir)[keep:]:
        _discard(old.path)
    return target


def _discard(path: Path) -> None:
    """Rename first, then delete: a crash mid-delete leaves a temporary (swept at the next
    start), never a half-deleted snapshot that `restore` could mistake for a good one."""
    trash = path.with_name(f".{path.name}{TEMP_MARK}discard")
    os.replace(path, trash)
    remove_tree(trash)


def find_good_snapshot(
    data_dir: Path,
    file_names: list[str],
    is_good: Callable[[Path], bool],
    name: str | None = None,
) -> Snapshot | None:
    """The named snapshot, or the newest one whose data files are there and all pass `is_good`.

    Only `file_names` count: a stray file in a snapshot neither spoils it nor makes it usable.
    """
    for snapshot in list_snapshots(data_dir):
        if name is not None and snapshot.name != name and str(snapshot.number) != name:
            continue
        files = [snapshot.path / file_name for file_name in file_names]
        present = [path for path in files if path.is_file()]
        if present and all(is_good(path) for path in present):
            return snapshot
        if name is not None:
            return None
    return None


def put_back(snapshot: Snapshot, data_dir: Path, files: list[Path], now: datetime) -> list[Path]:
    """Move the current files aside (never deleted) and install the snapshot's copies atomically."""
    moved = []
    stamp = f"{now:%Y%m%dT%H%M%S}"
    for path in files:
        source = snapshot.path / path.name
        if path.exists():
            aside = path.with_name(f"{path.name}.replaced-{stamp}")
            counter = 1
            while aside.exists():
                aside = path.with_name(f"{path.name}.replaced-{stamp}-{counter}")
                counter += 1
            os.link(path, aside)
            moved.append(aside)
        if source.exists():
            atomic_write(path, source.read_bytes())
        elif path.exists():
            path.unlink()
    return moved
