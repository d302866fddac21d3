"""Why the store refused: each error names what happened and what the user can do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base for every store refusal; `key` is the message catalogue key."""

    key = "err.store"

    def params(self) -> dict[str, object]:
        return {}


class StoreLocked(StoreError):
    """Another closure-tui holds the writer lock."""

    key = "err.store.locked"

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder

    def params(self) -> dict[str, object]:
        return {"holder": self.holder}


class StoreReadOnly(StoreError):
    """This store was opened read-only (another instance is writing)."""

    key = "err.store.read_only"


class StoreDamaged(StoreError):
    """A data file does not parse or does not match the schema; it is never written over."""

    key = "err.store.damaged"

    def __init__(self, path: Path, problems: list[str], backups: Path) -> None:
        super().__init__(f"{path}: {'; '.join(problems)}")
        self.path = path
        self.problems = problems
        self.backups = backups

    def params(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "problems": "; ".join(self.problems[:5]),
            "backups": str(self.backups),
        }


class StoreTooNew(StoreDamaged):
    """The file was written by a newer closure-tui with a schema this one does not know."""

    key = "err.store.too_new"


class StoreWriteFailed(StoreError):
    """The operating system refused a write; the file on disk still holds the previous state."""

    key = "err.store.write_failed"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def params(self) -> dict[str, object]:
        return {"path": str(self.path), "reason": self.reason}


class NoBackup(StoreError):
    """`restore` found no backup that parses."""

    key = "err.store.no_backup"

    def __init__(self, backups: Path) -> None:
        super().__init__(str(backups))
        self.backups = backups

    def params(self) -> dict[str, object]:
        return {"backups": str(self.backups)}
