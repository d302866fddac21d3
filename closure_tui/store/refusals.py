"""Refusals at the edges of the data directory: a folder that cannot be written, links
where the program keeps its own files, and a `restore` that names no usable backup."""

from __future__ import annotations

from pathlib import Path

from closure_tui.store.errors import NoBackup, StoreDamaged, StoreError, StoreWriteFailed


class StoreUnwritable(StoreWriteFailed):
    """The data directory cannot be written (read-only mount, no permission): the data
    can still be read, so the app opens read-only and says why."""

    key = "err.store.unwritable"


class LinkRefused(StoreUnwritable):
    """The lock file or `backups/` is a symbolic link: writing there could truncate or
    delete whatever it points at, so nothing is written."""

    key = "err.store.link"

    def __init__(self, path: Path) -> None:
        super().__init__(path, "symbolic link")


class DataFileLinked(StoreDamaged):
    """A data file is a symbolic link. Saves replace the file, which would silently cut
    the link, so the link is refused at open instead of followed only sometimes."""

    key = "err.store.data_link"

    def __init__(self, path: Path, backups: Path) -> None:
        super().__init__(path, [LINK_PROBLEM], backups)


#: How a link is named among a file's problems (`doctor`, `restore`).
LINK_PROBLEM = "symbolic link (closure-tui does not follow links in its data folder)"


class MainFileMissing(StoreDamaged):
    """`closure.json` is gone while the notes or history still hold records: starting
    afresh would give a new platform the ids (and so the notes) of the lost ones."""

    key = "err.store.main_missing"


class BackupNotFound(NoBackup):
    """`restore N` names a number that no backup has."""

    key = "err.store.backup_not_found"

    def __init__(self, name: str, numbers: list[int], backups: Path) -> None:
        super().__init__(backups)
        self.name = name
        self.numbers = numbers

    def params(self) -> dict[str, object]:
        listed = ", ".join(str(number) for number in sorted(self.numbers)) or "-"
        return {"name": self.name, "numbers": listed, "backups": str(self.backups)}


class BackupUnusable(StoreError):
    """`restore N` names a backup whose files are damaged."""

    key = "err.store.backup_damaged"

    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.problems = problems

    def params(self) -> dict[str, object]:
        return {"name": self.name, "problems": "; ".join(self.problems[:3])}
