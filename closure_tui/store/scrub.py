"""Erasing one platform from stored documents and from every copy of the data files.

Works on the documents as stored (`{table: {id: document}}`), so the same rules clean the
live files, every backup and the files a `restore` kept aside. A platform's own records
are: its platform record, the notes and reminders pointing at it, and, in the history,
the events about it and its records inside any other event (an import's, say).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from closure_tui.store import frames
from closure_tui.store.fsutil import atomic_write, read_file
from closure_tui.store.storage import FileDamaged, dump_strict, parse_strict

#: Tables whose records belong to a platform through their `platform_id`.
OWNED_BY_ID = ("notes", "reminders", "report_checks", "disputes", "contacts", "complaints")


@dataclass(frozen=True, slots=True)
class Owned:
    """Which platform to erase: its id and every name it had (casefolded), so that a
    backup's record with the same id but another name (a platform made after a restore)
    is left alone."""

    platform_id: int
    names: frozenset[str]

    def is_platform(self, doc: Any) -> bool:
        name = doc.get("name") if isinstance(doc, dict) else None
        return not isinstance(name, str) or name.casefold() in self.names


def _belongs(owned: Owned, doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("platform_id") == owned.platform_id


def _sides(event: Any) -> list[dict[str, Any]]:
    if not isinstance(event, dict):
        return []
    return [side for side in (event.get("before"), event.get("after")) if isinstance(side, dict)]


def _records(side: dict[str, Any]) -> Iterable[tuple[str, str, Any]]:
    for table, docs in side.items():
        if isinstance(docs, dict):
            for key, doc in docs.items():
                yield table, key, doc


def _owned_records(owned: Owned, events: Iterable[Any]) -> set[tuple[str, str]]:
    """Every (table, id) of the platform's records named in `events`: a record stored as
    a patch (without its `platform_id`) is recognised by an event that holds it whole."""
    found = set()
    for event in events:
        for side in _sides(event):
            for table, key, doc in _records(side):
                if table == "platforms":
                    mine = key == str(owned.platform_id) and owned.is_platform(doc)
                else:
                    mine = table in OWNED_BY_ID and _belongs(owned, doc)
                if mine:
                    found.add((table, key))
    return found


def _strip_records(event: Any, doomed: set[tuple[str, str]]) -> bool:
    """Remove the `doomed` records from both sides of `event`; whether any went."""
    stripped = False
    for side in _sides(event):
        for table, key in doomed:
            docs = side.get(table)
            if isinstance(docs, dict) and key in docs:
                del docs[key]
                stripped = True
        for table in [name for name, docs in side.items() if docs == {}]:
            del side[table]
    return stripped


def _is_about(owned: Owned, event: Any) -> bool:
    if not isinstance(event, dict) or event.get("platform_id") != owned.platform_id:
        return False
    name = event.get("platform")
    return not isinstance(name, str) or not name or name.casefold() in owned.names


def scrub_tables(
    tables: dict[str, Any], owned: Owned, context: Iterable[Any] = ()
) -> dict[str, int]:
    """Remove the platform's records from one data file's tables, in place; how many went
    from each table (history: events removed or trimmed). `context`: more events that may
    show which records are the platform's (the other records of a segment)."""
    removed: dict[str, int] = {}
    key = str(owned.platform_id)
    platforms = tables.get("platforms")
    if isinstance(platforms, dict) and key in platforms and owned.is_platform(platforms[key]):
        del platforms[key]
        removed["platforms"] = 1
    for table in OWNED_BY_ID:
        docs = tables.get(table)
        if isinstance(docs, dict):
            gone = [doc_id for doc_id, doc in docs.items() if _belongs(owned, doc)]
            for doc_id in gone:
                del docs[doc_id]
            removed[table] = len(gone)
    history = tables.get("history")
    if isinstance(history, dict):
        count = 0
        doomed = _owned_records(owned, [*history.values(), *context])
        for doc_id in list(history):
            event = history[doc_id]
            if _is_about(owned, event):
                del history[doc_id]
                count += 1
            elif _strip_records(event, doomed):
                count += 1
                if not event.get("before") and not event.get("after"):
                    del history[doc_id]
        removed["history"] = count
    return removed


@dataclass(frozen=True, slots=True)
class FileScrub:
    """How many copies of data files were cleaned of the platform."""

    cleaned: int
    #: Damaged copies that held the platform's text and could not be cleaned: deleted.
    deleted: int


def scrub_files(paths: Iterable[Path], owned: Owned, needles: list[bytes]) -> FileScrub:
    """Clean each file (a copy of a data file) and write it back atomically; a copy that
    does not parse but holds one of `needles` is deleted, as it cannot be cleaned."""
    cleaned = deleted = 0
    for path in paths:
        if path.is_symlink() or not path.is_file():
            continue
        raw = read_file(path)
        if raw.startswith(frames.MARK):
            kept = _scrub_segment(raw, owned)
            if kept is None and any(needle in raw for needle in needles):
                os.unlink(path)
                deleted += 1
            elif kept is not None and kept != raw:
                atomic_write(path, kept)
                cleaned += 1
            continue
        try:
            data = parse_strict(raw)
        except FileDamaged:
            if any(needle in raw for needle in needles):
                os.unlink(path)
                deleted += 1
            continue
        if any(scrub_tables(data, owned).values()):
            atomic_write(path, dump_strict(data))
            cleaned += 1
    return FileScrub(cleaned, deleted)


def _scrub_segment(raw: bytes, owned: Owned) -> bytes | None:
    """A segment (see `frames`) with the platform taken out of every record, its torn tail
    dropped; None when it is damaged and cannot be cleaned."""
    scanned = frames.scan(raw)
    if scanned.damaged_at >= 0:
        return None
    try:
        deltas = [parse_strict(payload) for payload in scanned.payloads]
    except FileDamaged:
        return None
    events = [
        event
        for delta in deltas
        if isinstance(delta.get("history"), dict)
        for event in delta["history"].values()
    ]
    out = []
    for delta in deltas:
        removed = {
            name: [key for key, doc in docs.items() if doc is None]
            for name, docs in delta.items()
            if isinstance(docs, dict)
        }
        scrub_tables(delta, owned, events)
        for name, keys in removed.items():
            delta.setdefault(name, {}).update(dict.fromkeys(keys))
        out.append(frames.frame(dump_strict(delta)))
    return b"".join(out)
