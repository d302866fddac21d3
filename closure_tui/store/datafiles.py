"""The data files, and what makes each one valid.

Shared by the store (at open), `restore` and `doctor` (judging a file without
opening the store) and `import` (judging a backup's tables).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from closure_tui.i18n import t
from closure_tui.store.codec import decode_note, decode_platform
from closure_tui.store.codec_reminders import decode_reminder
from closure_tui.store.feature_codecs import deferred
from closure_tui.store.fsutil import read_file
from closure_tui.store.journal import Journal, segment_number, segments
from closure_tui.store.journaled import SegmentDamaged, SegmentsMoved, read_segments
from closure_tui.store.refusals import LINK_PROBLEM, DataFileLinked
from closure_tui.store.schema import (
    CURRENT_SCHEMA,
    META_TABLE,
    check_meta,
    check_tables,
    fresh_meta,
    schema_version,
)
from closure_tui.store.storage import FileDamaged, parse_strict

MAIN_FILE = "closure.json"
NOTES_FILE = "notes.json"
HISTORY_FILE = "history.json"
#: Rolling snapshots of the data files, beside them (`store.backups`).
BACKUP_DIR = "backups"
DATA_FILES: dict[str, tuple[str, ...]] = {
    MAIN_FILE: ("platforms", "reminders", "report_checks", "disputes", "contacts", "complaints"),
    NOTES_FILE: ("notes",),
    HISTORY_FILE: ("history",),
}
#: The files whose changes are appended to segments (`journal`) after a base file.
JOURNALED = (MAIN_FILE, NOTES_FILE, HISTORY_FILE)


#: How each table's records are validated (a table without one only needs objects).
DECODERS: dict[str, Callable[[int, dict[str, Any]], object]] = {
    "platforms": decode_platform,
    "notes": decode_note,
    "reminders": decode_reminder,
    "history": deferred("codec_history", "decode_event"),
    "contacts": deferred("codec_contacts", "decode_contact"),
    "complaints": deferred("codec_contacts", "decode_complaint"),
    "report_checks": deferred("codec_credit", "decode_report_line"),
    "disputes": deferred("codec_credit", "decode_dispute"),
}


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def journal_files(directory: Path) -> list[Path]:
    """The segments of every journaled file in `directory`, oldest first per file."""
    return [path for name in JOURNALED for _, path in segments(directory, name)]


def is_segment(path: Path) -> bool:
    return any(segment_number(path, name) is not None for name in JOURNALED)


def immutable_files(data_dir: Path) -> frozenset[str]:
    """The data files no save writes again: the notes and history base files (replaced by
    rename) and every segment but the newest of each. `closure.json` is replaced by rename
    too, but it is the file a person may edit by hand, in place: a backup copies it."""
    names = set(JOURNALED) - {MAIN_FILE}
    for name in JOURNALED:
        names.update(path.name for _, path in segments(data_dir, name)[:-1])
    return frozenset(names)


def data_files(data_dir: Path) -> list[Path]:
    return [data_dir / name for name in DATA_FILES] + journal_files(data_dir)


def check_file(path: Path) -> list[str]:
    """Problems that make a data file unusable (empty list: it is good). A base file is
    judged with its segments replayed; a segment alone by its frames."""
    from closure_tui.store import frames  # with zlib: not needed to start the app

    if path.is_symlink():
        return [LINK_PROBLEM]
    try:
        if path.name not in DATA_FILES:
            bad_at = frames.scan(read_file(path)).damaged_at
            return [t("err.file.segment_frame", position=bad_at)] if bad_at >= 0 else []
        data = parse_strict(read_file(path))
        head = check_head(path.name, data)
        if head:
            return head
        if path.name in JOURNALED:
            read_segments(Journal(path.parent, path.name), data, backups_dir(path.parent))
    except FileDamaged as error:
        return [str(error)]
    except SegmentDamaged as error:
        return [f"{error.path.name}: {error.problem}"]
    except DataFileLinked as error:
        return [f"{error.path.name}: {LINK_PROBLEM}"]
    except SegmentsMoved:  # a writer folded the journal meanwhile: judge the new files
        return check_file(path)
    except OSError as error:
        return [error.strerror or str(error)]
    return check_data(path.name, data)


def check_head(file_name: str, data: dict[str, Any]) -> list[str]:
    """Problems with the version and `_meta` of parsed `data`: of a base file, judged
    before its segments are replayed (the newest segment's `_meta` replaces its own)."""
    try:
        version = schema_version(data)
    except ValueError as error:
        return [str(error)]
    if version > CURRENT_SCHEMA:
        return [t("err.file.too_new", version=version, current=CURRENT_SCHEMA)]
    tables = DATA_FILES.get(file_name, ())
    if version == 0 and not any(table in data for table in tables):
        # Before versions existed every file held its tables: `{}` or another program's
        # JSON is not an old data file but something else in its place.
        return [t("err.file.foreign", meta=META_TABLE, tables=", ".join(tables))]
    return check_meta(data, file_name)


def check_data(
    file_name: str, data: dict[str, Any], decoded: dict[str, dict[int, Any]] | None = None
) -> list[str]:
    """Problems with parsed `data`; the decoded records are left in `decoded` (by table)."""
    problems = check_head(file_name, data) or check_tables(data, DATA_FILES.get(file_name, ()))
    if problems:
        return problems
    for table in DATA_FILES.get(file_name, ()):
        decode = DECODERS.get(table)
        for doc_id, doc in data.get(table, {}).items():
            if decode is None:
                continue
            try:
                record = decode(int(doc_id), doc)
            except ValueError as error:
                problems.append(f"{table} #{doc_id}: {error}")
            else:
                if decoded is not None:
                    decoded.setdefault(table, {})[int(doc_id)] = record
    return problems


def read_replayed(path: Path) -> dict[str, Any]:
    """A data file's content as the store reads it, its segments replayed, for a reader
    that must work when the store refuses to open (`doctor`, the backups list). Raises
    `OSError`, or `FileDamaged` when the file or a segment cannot be read as data."""
    for _ in range(2):
        with contextlib.suppress(SegmentsMoved):  # a writer folded the journal meanwhile
            return _replayed(path)
    return _replayed(path)


def _replayed(path: Path) -> dict[str, Any]:
    data = parse_strict(read_file(path))
    if path.name in JOURNALED and not too_new(data):
        try:
            read_segments(Journal(path.parent, path.name), data, backups_dir(path.parent))
        except SegmentDamaged as error:
            raise FileDamaged(f"{error.path.name}: {error.problem}") from None
        except DataFileLinked as error:
            raise FileDamaged(f"{error.path.name}: {LINK_PROBLEM}") from None
    return data


def files_with_records(data_dir: Path) -> list[str]:
    """The data files other than `closure.json` that hold records (or cannot be read,
    so may): when `closure.json` is missing, these show it was lost, not never made."""
    holders = []
    for name in DATA_FILES:
        if name == MAIN_FILE:
            continue
        try:
            data = parse_strict(read_file(data_dir / name))
        except FileNotFoundError:
            continue
        except (OSError, FileDamaged):
            holders.append(name)
            continue
        tables = [table for key, table in data.items() if key != META_TABLE]
        if any(isinstance(table, dict) and table for table in tables):
            holders.append(name)
    return holders


def empty_file(name: str) -> dict[str, Any]:
    """What a data file holds before its first save."""
    return {META_TABLE: fresh_meta(name)}


def too_new(data: dict[str, Any]) -> bool:
    try:
        return schema_version(data) > CURRENT_SCHEMA
    except ValueError:
        return False


def parse_recorded(raw: bytes) -> dict[str, Any] | None:
    """Bytes this program wrote (strict JSON of validated records, of this schema or an
    older one migrated on use): the C parser alone; None if they are somehow not that, so
    the strict path runs."""
    try:
        data = json.loads(raw)
        return data if schema_version(data) <= CURRENT_SCHEMA else None
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
