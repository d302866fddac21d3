"""Where each platform's records lie in a notes or history base file, so that opening one
platform reads only its own records, not everyone's.

Written beside the base (`.notes.index.json`) each time the base is written, it names
the base by its size, modification time and the checksum of its head (everything before
the first record: its `_meta`, whose `through` grows with every fold): a base replaced
by anything else (an older version, `restore`, `forget`) no longer matches, and the
index is not used, while a copy made with its times (`cp -a`) still matches. Like
`.verified.json` it is only a cache: written without fsync; lost, stale or unreadable,
it costs one full read, never data. Each record read through it is checked to be the
one named (its id, and the key the index was built on), else the file is read whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any

from closure_tui.store.fsutil import read_ranges, replace_quietly


def index_path(base: Path) -> Path:
    return base.with_name(f".{base.stem}.index.json")


class Spans:
    """The (id, offset, length) of each record of `table`, by the value of its `key`
    (whole numbers only: the ids it points to), gathered while the base is encoded."""

    def __init__(self, table: str, key: str) -> None:
        self.table = table
        self.key = key
        self.by_value: dict[str, list[int]] = {}
        #: Where the first record begins: the head before it names the base.
        self.first = -1

    def add(self, doc_id: str, doc: Any, offset: int, length: int) -> None:
        if self.first < 0:
            self.first = offset
        value = doc.get(self.key) if isinstance(doc, dict) else None
        if isinstance(value, int) and not isinstance(value, bool):
            self.by_value.setdefault(str(value), []).extend((int(doc_id), offset, length))


def _status(base: Path) -> list[int] | None:
    try:
        status = os.stat(base, follow_symlinks=False)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


#: The index starts with the length of its header, in this many digits and a newline.
LENGTH = struct.Struct("10sc")


def write(base: Path, spans: Spans, through: int) -> None:
    """Record where the records of the base just written lie (a failure only costs
    the next opening of a platform a full read). A header (what the index is of, and
    where each value's list lies) comes first, so a reader reads one value's list."""
    status = _status(base)
    if status is None:
        return
    head = status[0] if spans.first < 0 else spans.first
    [raw] = read_ranges(base, [(0, head)]) or [b""]
    lists = [_dump(flat) for flat in spans.by_value.values()]
    at, places = 0, {}
    for value, text in zip(spans.by_value, lists, strict=True):
        places[value] = [at, len(text)]
        at += len(text)
    header = _dump(
        {
            "base": [*status, head, zlib.crc32(raw)],
            "through": through,
            "table": spans.table,
            "key": spans.key,
            "places": places,
        }
    )
    prefix = LENGTH.pack(b"%010d" % len(header), b"\n")
    with contextlib.suppress(OSError):
        replace_quietly(index_path(base), b"".join([prefix, header, *lists]))


def _dump(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def _load(base: Path, table: str, key: str) -> dict[str, Any] | None:
    """The header of the index of `base` if it was made for the base as it is now, for
    `table` by `key` (still to be checked: the base's head, read with the records)."""
    path = index_path(base)
    try:
        [prefix] = read_ranges(path, [(0, LENGTH.size)]) or [b""]
        digits, _ = LENGTH.unpack(prefix)
        [raw] = read_ranges(path, [(LENGTH.size, int(digits))]) or [b""]
        index = json.loads(raw)
    except (OSError, ValueError, struct.error):
        return None
    if (
        not isinstance(index, dict)
        or (index.get("table"), index.get("key")) != (table, key)
        or not isinstance(index.get("base"), list)
        or index["base"][:2] != _status(base)
        or len(index["base"]) != 4
        or not isinstance(index.get("through"), int)
        or not isinstance(index.get("places"), dict)
    ):
        return None
    index["path"], index["lists_at"] = path, LENGTH.size + len(raw)
    return index


def _spans(index: dict[str, Any], value: int) -> list[list[int]] | None:
    """(id, offset, length) of each record whose key is `value`, read from the index."""
    place = index["places"].get(str(value))
    if place is None:
        return []
    if not (isinstance(place, list) and len(place) == 2 and all(type(n) is int for n in place)):
        return None
    [raw] = read_ranges(index["path"], [(index["lists_at"] + place[0], place[1])]) or [b""]
    try:
        flat = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(flat, list) or len(flat) % 3 or not all(type(n) is int for n in flat):
        return None
    return [flat[at : at + 3] for at in range(0, len(flat), 3)]


def _matching(
    base: Path, index: dict[str, Any], ranges: list[tuple[int, int]]
) -> list[bytes] | None:
    """The bytes at `ranges` of the base, if its head is the one the index was made for."""
    _, _, head, crc = index["base"]
    if type(head) is not int or head < 0:
        return None
    chunks = read_ranges(base, [(0, head), *ranges])
    if chunks is None or zlib.crc32(chunks[0]) != crc:
        return None
    return chunks[1:]


def read(base: Path, table: str, key: str, value: int) -> tuple[int, dict[str, Any]] | None:
    """(the last segment the base holds, the records of `table` whose `key` is `value` by
    id), reading only the base's head and those records; None when the index cannot say
    (then read the base)."""
    index = _load(base, table, key)
    if index is None:
        return None
    triples = _spans(index, value)
    if triples is None:
        return None
    chunks = _matching(base, index, [(offset, length) for _, offset, length in triples])
    if chunks is None:
        return None
    docs: dict[str, Any] = {}
    for (doc_id, _, length), chunk in zip(triples, chunks, strict=True):
        try:
            parsed = json.loads(b"{" + chunk + b"}") if len(chunk) == length else None
        except ValueError:
            return None
        doc = parsed.get(str(doc_id)) if isinstance(parsed, dict) and len(parsed) == 1 else None
        if not isinstance(doc, dict) or doc.get(key) != value:
            return None
        docs[str(doc_id)] = doc
    return index["through"], docs


def describes(base: Path, table: str, key: str) -> bool:
    """Whether `base` has an index that matches it."""
    return _load(base, table, key) is not None
