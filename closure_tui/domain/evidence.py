"""Evidence files (certificate scans, transfer receipts) attached to a stage by path and hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from closure_tui.domain.stages import StageKey


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
