"""Reading one data file at open: parsed, replayed over its segments, and checked in full
unless it holds exactly what this program last wrote or checked (`verified`)."""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path
from typing import Any

from closure_tui.collector import collector_paused
from closure_tui.i18n import t
from closure_tui.store import verified
from closure_tui.store.datafiles import (
    MAIN_FILE,
    check_data,
    check_head,
    parse_recorded,
    too_new,
)
from closure_tui.store.errors import StoreDamaged, StoreTooNew
from closure_tui.store.fsutil import read_with_status
from closure_tui.store.journaled import JournalStorage, SegmentDamaged, SegmentsMoved, read_segments
from closure_tui.store.refusals import DataFileLinked, MainFileMissing
from closure_tui.store.storage import AtomicJSONStorage, FileDamaged, parse_strict

#: How often a reader reads a journaled file again when a writer folded it meanwhile.
READ_ATTEMPTS = 3

Loaded = tuple[dict[str, Any] | None, dict[str, dict[int, Any]] | None, dict[str, dict[str, Any]]]


def load_checked(
    storage: AtomicJSONStorage,
    name: str,
    record: verified.Record,
    backups_path: Path,
    *,
    record_checked: bool,
) -> Loaded:
    """(content or None when absent, its records decoded by table, or None when they are
    left to be decoded on use; then each table's documents as the base file held them
    before its segments were replayed: the record vouches for those alone, and a document
    a segment replaced is another object). Raises `StoreDamaged`/`StoreTooNew`.

    A writer (`record_checked`) records a file it checked in full, so the next open trusts
    those bytes even if this run ends without saving; readers change nothing.
    """
    with collector_paused():
        for _ in range(READ_ATTEMPTS - 1):
            with contextlib.suppress(SegmentsMoved):
                return _read_and_check(storage, name, record, backups_path, record_checked)
        return _read_and_check(storage, name, record, backups_path, record_checked)


def _read_and_check(
    storage: AtomicJSONStorage,
    name: str,
    record: verified.Record,
    backups_path: Path,
    record_checked: bool,
) -> Loaded:
    """Content this program wrote and recorded is parsed by the plain C parser and not
    checked again; anything else gets the strict parse and every record decoded."""
    try:
        read = read_with_status(storage.path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DataFileLinked(storage.path, backups_path) from None
        raise
    if read is None:
        _refuse_lost_base(storage, backups_path)
        return None, None, {}
    if record.holds(storage.path, read.raw, read.status):
        data = parse_recorded(read.raw)
        if data is not None:
            base = {table: dict(docs) for table, docs in data.items() if isinstance(docs, dict)}
            _replay(storage, data, backups_path)
            return data, None, base
    try:
        data = parse_strict(read.raw)
    except FileDamaged as error:
        raise StoreDamaged(storage.path, [str(error)], backups_path) from None
    _refuse_if(check_head(name, data), storage, data, backups_path)  # before segments' `_meta`
    _replay(storage, data, backups_path)
    decoded: dict[str, dict[int, Any]] = {}
    _refuse_if(check_data(name, data, decoded), storage, data, backups_path)
    if record_checked and read.steady:
        record.checked(storage.path, read.raw, read.status)
    return data, decoded, {}


def _refuse_if(
    problems: list[str], storage: AtomicJSONStorage, data: dict[str, Any], backups_path: Path
) -> None:
    if problems:
        error_type = StoreTooNew if too_new(data) else StoreDamaged
        raise error_type(storage.path, problems, backups_path)


def _replay(storage: AtomicJSONStorage, data: dict[str, Any], backups_path: Path) -> None:
    """Bring a base file's content up to date with its segments (none for the others)."""
    if isinstance(storage, JournalStorage) and not too_new(data):
        try:
            read_segments(storage.journal, data, backups_path)
        except SegmentDamaged as error:
            raise StoreDamaged(error.path, [error.problem], backups_path) from None


def _refuse_lost_base(storage: AtomicJSONStorage, backups_path: Path) -> None:
    """Segments without their base file: the base was lost, the store is not new."""
    if isinstance(storage, JournalStorage) and storage.journal.live(0):
        problem = t("err.file.segments_without_base")
        lost = MainFileMissing if storage.path.name == MAIN_FILE else StoreDamaged
        raise lost(storage.path, [problem], backups_path)
