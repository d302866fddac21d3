"""Rolling backups: a numbered snapshot of every data file, taken before a run's first write.

`closure.json` and the segment still being appended to are byte copies: a link would
share the live file's inode, so anything that changes it in place would change its
"backup" too. The notes and history base files and the sealed segments are never
written again (a save replaces a base file by rename), so they are hard links: a
snapshot costs what changed since the last one, not the size of the store.

Only what this program made is ever listed or removed: a real directory (never a
link) named `NNNNNN-YYYYMMDDTHHMMSS` inside a real `backups/` directory. Pruning
also checks the contents: data files and hidden files (`.DS_Store`) only, all
plain files, or the directory is left alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from closure_tui.store.datafiles import DATA_FILES, backups_dir, is_segment
from closure_tui.store.fsutil import (
    TEMP_MARK,
    atomic_write,
    ensure_private_dir,
    fsync_dir,
    read_file,
    remove_tree,
    write_new,
)
from closure_tui.store.refusals import BackupNotFound, BackupUnusable, LinkRefused

#: Retention: the newest `KEEP`, plus the newest of each of the last `DAYS` days and of
#: each of the last `WEEKS` weeks, so a burst of changes never pushes out yesterday.
KEEP = 10
DAYS = 14
WEEKS = 8

_NAME = re.compile(r"(\d{6})-(\d{8}T\d{6})")
_STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One numbered backup directory."""

    path: Path
    number: int
    taken: datetime

    @property
    def name(self) -> str:
        return self.path.name


def _as_snapshot(entry: Path) -> Snapshot | None:
    match = _NAME.fullmatch(entry.name)
    if match is None or entry.is_symlink() or not entry.is_dir():
        return None
    try:
        # ISO 8601's basic form, as `_STAMP` writes it: read without `strptime`, whose
        # first use imports `_strptime` (12 M instructions, 1.4 % of a command's change).
        taken = datetime.fromisoformat(match.group(2))
    except ValueError:
        return None
    return Snapshot(entry, int(match.group(1)), taken)


def list_snapshots(data_dir: Path) -> list[Snapshot]:
    """Newest first. A `backups` that is a link is not looked into."""
    root = backups_dir(data_dir)
    if root.is_symlink() or not root.is_dir():
        return []
    found = [snap for entry in root.iterdir() if (snap := _as_snapshot(entry)) is not None]
    return sorted(found, key=lambda snap: snap.number, reverse=True)


def backups_root(data_dir: Path) -> Path:
    """`backups/`, created private if absent; a link there is refused (`LinkRefused`)."""
    root = backups_dir(data_dir)
    if root.is_symlink():
        raise LinkRefused(root)
    ensure_private_dir(root)
    return root


def take_snapshot(
    data_dir: Path, files: list[Path], now: datetime, linked: frozenset[str] = frozenset()
) -> Path | None:
    """Snapshot the existing `files` (those named in `linked` as hard links), then prune by
    `retained`. None when there is nothing yet."""
    present = [path for path in files if path.exists()]
    if not present:
        return None
    root = backups_root(data_dir)
    existing = list_snapshots(data_dir)
    number = existing[0].number + 1 if existing else 1
    target = root / f"{number:06d}-{now:{_STAMP}}"
    temp = root / f".{target.name}{TEMP_MARK}{os.getpid()}"
    remove_tree(temp)
    ensure_private_dir(temp)
    for path in present:
        if path.name in linked:
            os.link(path, temp / path.name, follow_symlinks=False)
        else:
            write_new(temp / path.name, read_file(path))
    fsync_dir(temp)
    os.replace(temp, target)
    fsync_dir(root)
    snapshots = list_snapshots(data_dir)
    keep = retained(snapshots, now)
    for old in snapshots:
        if old.number not in keep and _only_ours(old.path):
            _discard(old.path)
    return target


def retained(snapshots: Iterable[Snapshot], now: datetime) -> set[int]:
    """The numbers to keep: the newest `KEEP`, and the newest of each day of the last
    `DAYS` days and of each (ISO) week of the last `WEEKS` weeks."""
    newest_first = sorted(snapshots, key=lambda snap: snap.number, reverse=True)
    keep = {snap.number for snap in newest_first[:KEEP]}
    days: set[object] = set()
    weeks: set[object] = set()
    day_limit = now - timedelta(days=DAYS)
    week_limit = now - timedelta(weeks=WEEKS)
    for snap in newest_first:
        day, week = snap.taken.date(), snap.taken.isocalendar()[:2]
        if snap.taken > day_limit and day not in days:
            days.add(day)
            keep.add(snap.number)
        if snap.taken > week_limit and week not in weeks:
            weeks.add(week)
            keep.add(snap.number)
    return keep


def _only_ours(path: Path) -> bool:
    """Whether the directory holds only what a snapshot holds: plain files, each a data
    file or hidden. Anything else (a subfolder, a link, a user's file) and it stays."""
    try:
        entries = list(path.iterdir())
    except OSError:
        return False
    return all(
        not entry.is_symlink()
        and entry.is_file()
        and (entry.name in DATA_FILES or entry.name.startswith(".") or is_segment(entry))
        for entry in entries
    )


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


def refuse_named(data_dir: Path, name: str, check: Callable[[Path], list[str]]) -> None:
    """Raise why the backup `name` cannot be restored: no such number (`BackupNotFound`),
    or the problems `check` finds in its files (`BackupUnusable`)."""
    snapshots = list_snapshots(data_dir)
    for snapshot in snapshots:
        if name in (snapshot.name, str(snapshot.number)):
            files = [snapshot.path / file_name for file_name in DATA_FILES]
            problems = [
                f"{path.name}: {problem}"
                for path in files
                if path.is_file() or path.is_symlink()
                for problem in check(path)
            ]
            raise BackupUnusable(snapshot.name, problems or ["no data files"])
    raise BackupNotFound(name, [snap.number for snap in snapshots], backups_dir(data_dir))


def put_back(snapshot: Snapshot, data_dir: Path, files: list[Path], now: datetime) -> list[Path]:
    """Move the current files aside (never deleted) and install the snapshot's copies atomically."""
    moved = []
    stamp = f"{now:{_STAMP}}"
    for path in files:
        source = snapshot.path / path.name
        if path.exists() or path.is_symlink():
            aside = path.with_name(f"{path.name}.replaced-{stamp}")
            counter = 1
            while aside.exists():
                aside = path.with_name(f"{path.name}.replaced-{stamp}-{counter}")
                counter += 1
            os.link(path, aside, follow_symlinks=False)
            moved.append(aside)
        if source.exists():
            atomic_write(path, read_file(source))
        elif path.exists() or path.is_symlink():
            path.unlink()
    return moved
