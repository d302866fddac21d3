"""Opening a platform reads only its notes and history entries from their base files."""

from __future__ import annotations

import builtins
import io
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session
from closure_tui.store import journaled
from closure_tui.store.datafiles import HISTORY_FILE, NOTES_FILE
from closure_tui.store.index import index_path
from closure_tui.store.verified import RECORD_FILE
from tests.store_helpers import compacted

PLATFORMS = 12
NOTES_EACH = 8
BASES = (NOTES_FILE, HISTORY_FILE)


def _fill(data_dir: Path, clock: FixedClock) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        for number in range(PLATFORMS):
            platform = service.add_platform(f"平台{number}").value
            for line in range(NOTES_EACH):
                service.add_note(platform.id, f"平台{number} 第{line}次通话，对方同意减免利息。")
    compacted(data_dir, clock)  # the bases now hold every record, and their index
    # The record of checked files trusts a file by its status only when it was written
    # before the record; here both share a clock tick, so date the record a moment later.
    later = time.time_ns() + 10**9
    os.utime(data_dir / RECORD_FILE, ns=(later, later))


@contextmanager
def bytes_read(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Bytes read from each base file through the store's file layer (`os.open` and its
    reads); opening a base any other way fails the test."""
    counted: dict[str, int] = dict.fromkeys(BASES, 0)
    names: dict[int, str] = {}
    real_open, real_read, real_pread, real_close = os.open, os.read, os.pread, os.close
    real_io_open = io.open

    def tracking_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        fd = real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(path)).name in BASES:
            names[fd] = Path(str(path)).name
        return fd

    def counting_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        if fd in names:
            counted[names[fd]] += len(data)
        return data

    def counting_pread(fd: int, size: int, offset: int) -> bytes:
        data = real_pread(fd, size, offset)
        if fd in names:
            counted[names[fd]] += len(data)
        return data

    def forgetting_close(fd: int) -> None:
        names.pop(fd, None)
        real_close(fd)

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        assert Path(str(file)).name not in BASES, "a base file read around the file layer"
        return real_io_open(file, *args, **kwargs)  # type: ignore[call-overload]

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", tracking_open)
        patch.setattr(os, "read", counting_read)
        patch.setattr(os, "pread", counting_pread)
        patch.setattr(os, "close", forgetting_close)
        patch.setattr(io, "open", refusing_open)
        patch.setattr(builtins, "open", refusing_open)
        yield counted


def _own_bytes(service: Closures, platform_id: int) -> int:
    """How long the platform's own notes and history entries are, as stored."""
    notes = [service.store.notes.raw(note.id) for note in service.notes(platform_id)]
    events = [service.store.history.raw(event.id) for event in service.history.events(platform_id)]
    return sum(len(repr(doc).encode()) * 2 for doc in notes + events)


def _opened_platform(service: Closures, platform_id: int) -> tuple[list[str], list[int]]:
    notes = [note.text for note in service.notes(platform_id)]
    events = [event.id for event in service.history.events(platform_id)]
    return notes, events


def test_opening_a_platform_reads_only_its_records_of_the_base_files(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir, clock)
    sizes = {name: (data_dir / name).stat().st_size for name in BASES}
    with closures_session(data_dir, clock, writable=False) as service:
        with bytes_read(data_dir, monkeypatch) as counted:
            notes, events = _opened_platform(service, 3)
        assert len(notes) == NOTES_EACH and len(events) == NOTES_EACH + 1
        assert all(text.startswith("平台2 ") for text in notes)
        for name in BASES:
            assert 0 < counted[name] < sizes[name] / (PLATFORMS / 2), name
    with closures_session(data_dir, clock, writable=False) as service:
        assert sum(counted.values()) <= _own_bytes(service, 3)
        assert _opened_platform(service, 3) == (notes, events)  # read whole this time


def test_changes_after_the_base_are_read_with_it(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        first, second = service.notes(3)[:2]
        service.add_note(3, "基底之后的备注")
        service.remove_note(first.id)
        service.edit_note(second.id, "改过的备注")
        service.add_note(4, "别的平台")
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_note(3, "未读时追加的备注")  # appended without reading the files
        with bytes_read(data_dir, monkeypatch) as counted:
            notes, events = _opened_platform(service, 3)
        assert 0 < counted[NOTES_FILE] < (data_dir / NOTES_FILE).stat().st_size / 4
    assert {"基底之后的备注", "改过的备注", "未读时追加的备注"} <= set(notes)
    assert first.text not in notes and "别的平台" not in notes
    for name in BASES:
        index_path(data_dir / name).unlink()  # no index: each base is read whole instead
    with closures_session(data_dir, clock, writable=False) as service:
        assert _opened_platform(service, 3) == (notes, events)


def test_a_base_replaced_behind_the_index_is_read_whole(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir, clock)
    index = index_path(data_dir / NOTES_FILE)
    stale = index.read_bytes()
    with closures_session(data_dir, clock, writable=True) as service:
        service.remove_note(service.notes(1)[0].id)
        service.store.compact()  # new offsets for every later record
    index.write_bytes(stale)
    with closures_session(data_dir, clock, writable=False) as service:
        with bytes_read(data_dir, monkeypatch) as counted:
            notes, _ = _opened_platform(service, 3)
        assert counted[NOTES_FILE] == (data_dir / NOTES_FILE).stat().st_size
    assert len(notes) == NOTES_EACH and all(text.startswith("平台2 ") for text in notes)


def test_a_run_that_read_large_segments_whole_folds_them_for_the_next(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir, clock)
    monkeypatch.setattr(journaled, "WHERE_READS_UP_TO", 2000)
    with closures_session(data_dir, clock, writable=True) as service:
        for line in range(12):
            service.add_note(5, f"之后的第{line}条备注，写在基底之后。")
    with closures_session(data_dir, clock, writable=True) as service:
        with bytes_read(data_dir, monkeypatch) as counted:
            notes, _ = _opened_platform(service, 3)
        assert counted[NOTES_FILE] == (data_dir / NOTES_FILE).stat().st_size  # read whole
    with closures_session(data_dir, clock, writable=False) as service:
        with bytes_read(data_dir, monkeypatch) as counted:
            assert _opened_platform(service, 3)[0] == notes
        assert 0 < counted[NOTES_FILE] < (data_dir / NOTES_FILE).stat().st_size / 4
        assert len(service.notes(5)) == NOTES_EACH + 12
