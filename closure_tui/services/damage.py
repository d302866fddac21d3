"""The backups the damaged-data screen offers: number, date, how many platforms."""

from __future__ import annotations

from pathlib import Path

from closure_tui.services.snapshots import BackupInfo, list_backups


def restore_points(data_dir: Path) -> list[BackupInfo]:
    """The good backups, newest first (what `closure-tui restore NUMBER` would accept)."""
    return [backup for backup in list_backups(data_dir) if backup.good]
