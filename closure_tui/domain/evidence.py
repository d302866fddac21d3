"""Evidence files (certificate scans, transfer receipts) attached to a stage by path and hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from closure_tui.domain.stages import StageKey

#: The folder of the data directory that holds the kept copies.
EVIDENCE_DIR = "evidence"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file as it was when attached: where it was, its size and SHA-256.

    `stored` is the copy kept in the data directory (relative path), empty when
    the user chose not to copy; then the original path is the one checked.
    """

    stage: StageKey
    path: str
    size: int
    sha256: str
    attached_at: datetime
    stored: str = ""


class FileStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    CHANGED = "changed"


def is_copy_path(stored: str) -> bool:
    """Whether `stored` names a file directly inside `evidence/` (as `copy_into_evidence`
    makes it): never absolute, never `..`, never deeper, so a copy path read from a file
    can only ever point inside the data folder."""
    folder, _, name = stored.partition("/")
    return (
        folder == EVIDENCE_DIR
        and name not in ("", ".", "..")
        and not any(mark in name for mark in ("/", "\\", "\0"))
    )
