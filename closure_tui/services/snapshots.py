"""What `closure-tui backups` shows: each snapshot with its number (the one `restore N`
takes), when it was taken, how many platforms it holds, its size and whether it is good."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from closure_tui.store.backups import list_snapshots
from closure_tui.store.datafiles import (
    DATA_FILES,
    MAIN_FILE,
    backups_dir,
    check_file,
    read_replayed,
)
from closure_tui.store.storage import FileDamaged


@dataclass(frozen=True, slots=True)
class BackupInfo:
    number: int
    name: str
    taken: datetime
    #: Platforms in its `closure.json`; None when that file is absent or damaged.
    platforms: int | None
    size: int
    problems: tuple[str, ...]

    @property
    def good(self) -> bool:
        return not self.problems


def backups_folder(data_dir: Path) -> Path:
    """Where the snapshots of `data_dir` are kept (for messages)."""
    return backups_dir(data_dir)


def _platform_count(path: Path) -> int | None:
    try:
        table = read_replayed(path).get("platforms", {})
    except (OSError, FileDamaged):
        return None
    return len(table) if isinstance(table, dict) else None


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Newest first. A snapshot pruned by a writer while this reads is left out."""
    found = []
    for snapshot in list_snapshots(data_dir):
        files = [snapshot.path / name for name in DATA_FILES]
        present = [path for path in files if path.exists() or path.is_symlink()]
        problems = tuple(
            f"{path.name}: {problem}" for path in present for problem in check_file(path)
        )
        if not snapshot.path.exists():
            continue
        found.append(
            BackupInfo(
                number=snapshot.number,
                name=snapshot.name,
                taken=snapshot.taken,
                platforms=_platform_count(snapshot.path / MAIN_FILE),
                size=sum(_size(path) for path in present),
                problems=problems if present else ("no data files",),
            )
        )
    return found
