"""Remembering which `notes.json` this program last wrote, so opening need not re-parse it.

Validating 10,000 notes (strict parse, then decoding every record) is most of
the time a command such as `list` takes, yet it never shows a note. After each
save of the notes file the store records the SHA-256 of the bytes it wrote (it
made them from validated records). An open that finds the file's digest equal
to the recorded one knows the content is exactly what was validated, and parses
it only when notes are first used. Any other byte (damage, another program, an
older version's save, a restored backup) changes the digest: full validation.
The record is only a cache: missing or unreadable, it is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from closure_tui.store.fsutil import atomic_write
from closure_tui.store.schema import CURRENT_SCHEMA

VERIFIED_FILE = ".notes-verified.json"


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def recorded_digest(data_dir: Path) -> str | None:
    """The digest of the notes file as last written at this schema, if recorded."""
    try:
        record = json.loads((data_dir / VERIFIED_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("schema") != CURRENT_SCHEMA:
        return None
    value = record.get("sha256")
    return value if isinstance(value, str) else None


def record_written(data_dir: Path, raw: bytes) -> None:
    """After the notes file was saved with `raw`; a failure only costs the next open time."""
    record = {"schema": CURRENT_SCHEMA, "sha256": digest(raw)}
    with contextlib.suppress(OSError):
        atomic_write(data_dir / VERIFIED_FILE, json.dumps(record).encode("ascii"))


def unchanged_since_written(data_dir: Path, path: Path) -> bool:
    recorded = recorded_digest(data_dir)
    return recorded is not None and file_digest(path) == recorded
