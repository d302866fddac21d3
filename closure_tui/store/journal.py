"""The append-only segments that follow a base file (`closure.json`, notes, history).

The data files are base files: written whole (atomically) only when compacted. Every
change after that is one framed record (see `frames`) appended to the newest segment,
`notes.000007.log`: the changed records by id (`null` for a removed one) and the file's
`_meta`, so the newest record always holds the id counters. A segment is sealed (never
written again) once it reaches `SEGMENT_BYTES`; the base's `_meta` names the last
segment folded into it (`through`), and only later segments are replayed over it.

Compaction (`fold`) writes a fresh segment holding only `_meta`, then the new base
atomically, then deletes the folded segments: a crash after any step leaves a base and
segments that replay to the same records, and a newest segment the base does not hold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from closure_tui.store.fsutil import append_durable, atomic_write, read_last_frame, unlink_quietly
from closure_tui.store.schema import META_ID, META_TABLE
from closure_tui.store.storage import dump_strict

SEGMENT_BYTES = 1 << 20
#: The `_meta` key naming the last segment a base file holds.
THROUGH = "through"
_SEGMENT = re.compile(r"(.+)\.(\d{6,})\.log")


def segment_stem(base_name: str) -> str:
    return base_name.removesuffix(".json")


def segment_number(path: Path, base_name: str) -> int | None:
    match = _SEGMENT.fullmatch(path.name)
    if match is None or match.group(1) != segment_stem(base_name):
        return None
    return int(match.group(2))


def segments(directory: Path, base_name: str) -> list[tuple[int, Path]]:
    """Every segment of `base_name` in `directory`, oldest first."""
    found = []
    if directory.is_dir():
        for entry in directory.iterdir():
            number = segment_number(entry, base_name)
            if number is not None:
                found.append((number, entry))
    return sorted(found)


def through(data: dict[str, Any]) -> int:
    """The last segment folded into this base file (0: none)."""
    table = data.get(META_TABLE)
    meta = table.get(META_ID) if isinstance(table, dict) else None
    value = meta.get(THROUGH, 0) if isinstance(meta, dict) else 0
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def replay(data: dict[str, Any], delta: dict[str, Any]) -> None:
    """Apply one record (parsed) to the file's content in place."""
    for name, docs in delta.items():
        if name == META_TABLE:
            data[META_TABLE] = docs
            continue
        table = data.setdefault(name, {})
        for doc_id, doc in docs.items():
            if doc is None:
                table.pop(doc_id, None)
            else:
                table[doc_id] = doc


def replay_where(
    found: dict[str, Any], delta: dict[str, Any], table: str, key: str, value: object
) -> None:
    """Apply one record to `found`, the records of `table` whose `key` is `value`: a record
    that is removed, or changed to another value, leaves it."""
    docs = delta.get(table, {})
    if not isinstance(docs, dict):
        raise TypeError(table)
    for doc_id, doc in docs.items():
        if isinstance(doc, dict) and doc.get(key) == value:
            found[doc_id] = doc
        else:
            found.pop(doc_id, None)


class Journal:
    """The segments of one base file in one directory."""

    def __init__(self, directory: Path, base_name: str) -> None:
        self.directory = directory
        self.base_name = base_name
        #: The segment appends go to; None until known (read, or the tail checked).
        self._active: tuple[int, Path] | None = None

    @property
    def ready(self) -> bool:
        """Whether appends know their segment (the journal was read, or its end checked)."""
        return self._active is not None

    def live(self, base_through: int) -> list[tuple[int, Path]]:
        return [(n, p) for n, p in segments(self.directory, self.base_name) if n > base_through]

    def path(self, number: int) -> Path:
        return self.directory / f"{segment_stem(self.base_name)}.{number:06d}.log"

    def adopt(self, number: int, path: Path, *, torn: bool) -> None:
        """After a read: appends continue in the newest segment, or in a new one after a torn
        tail (a torn segment is never written again, so its good records stay as read)."""
        self._active = (number + 1, self.path(number + 1)) if torn else (number, path)

    def start_after(self, number: int) -> None:
        self._active = (number + 1, self.path(number + 1))

    def tail_meta(self) -> dict[str, Any] | None:
        """The `_meta` of the newest record, read from the end of the newest segment; None
        when there is no segment or its end is not a whole frame (then read in full)."""
        found = segments(self.directory, self.base_name)
        if not found:
            return None
        number, path = found[-1]
        payload = read_last_frame(path)
        if payload is None:
            return None
        meta = json.loads(payload).get(META_TABLE)
        if not isinstance(meta, dict):
            return None
        self._active = (number, path)
        return meta

    def append(self, delta: dict[str, Any]) -> None:
        """One record, durable when this returns; a full segment is sealed first."""
        from closure_tui.store import frames  # with zlib, only once there is a record to write

        assert self._active is not None, "read or check the journal before appending"
        record = frames.frame(dump_strict(delta))
        number, path = self._active
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            size = 0
        if size and size + len(record) > SEGMENT_BYTES:
            number, path = number + 1, self.path(number + 1)
            self._active = (number, path)
        append_durable(path, record)

    def fold(self, data: dict[str, Any], write_base: Callable[[], object]) -> None:
        """Compact: a fresh segment carrying the counters first, then `write_base()` writes
        `data` (every segment replayed) as the new base naming the segments it holds, then
        those go. The fresh segment comes first so that, whatever step a crash stops at,
        the newest segment (where appends go, read unread) is one the base does not hold."""
        from closure_tui.store import frames

        old = segments(self.directory, self.base_name)
        highest = max(self._active[0] if self._active else 0, old[-1][0] if old else 0)
        meta = data.setdefault(META_TABLE, {}).setdefault(META_ID, {})
        meta[THROUGH] = highest
        fresh = self.path(highest + 1)
        atomic_write(fresh, frames.frame(dump_strict({META_TABLE: data[META_TABLE]})))
        self._active = (highest + 1, fresh)
        write_base()
        for _, path in old:
            unlink_quietly(path)

    def size(self) -> int:
        total = 0
        for _, path in segments(self.directory, self.base_name):
            try:
                total += path.stat().st_size
            except OSError:
                continue
        return total
