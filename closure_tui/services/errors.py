"""Re-exported so the CLI and TUI catch one family of refusals without importing the store."""

from closure_tui.domain.errors import DomainError, Problem
from closure_tui.store.errors import (
    NoBackup,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
    StoreWriteFailed,
)
from closure_tui.store.refusals import StoreUnwritable

__all__ = [
    "DomainError",
    "NoBackup",
    "Problem",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreReadOnly",
    "StoreTooNew",
    "StoreUnwritable",
    "StoreWriteFailed",
]
