"""Files this program saved are read without re-checking; any other file is checked in full."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store import file_reading, verified
from closure_tui.store.backups import list_snapshots
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.store import DATA_FILES, HISTORY_FILE, MAIN_FILE, NOTES_FILE, Store
from closure_tui.store.verified import RECORD_FILE, file_sha256


def _store_with_notes(data_dir: Path, clock: FixedClock) -> int:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        service.add_note(platform.id, "客服确认可以只还本金")
        service.add_note(platform.id, "已转账到对公账户")
    return platform.id


def _sizes_passed_to(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Wrap `module.name` (a function of bytes) to list the size of each call's argument."""
    calls: list[int] = []
    real = getattr(module, name)

    def counting(raw: bytes) -> object:
        calls.append(len(raw))
        return real(raw)

    monkeypatch.setattr(module, name, counting)
    return calls


@pytest.fixture
def strict_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts strict parses: one for each file checked in full."""
    return _sizes_passed_to(monkeypatch, file_reading, "parse_strict")


def test_saving_records_the_digest_of_every_file_saved(data_dir: Path, clock: FixedClock) -> None:
    _store_with_notes(data_dir, clock)
    record = json.loads((data_dir / RECORD_FILE).read_text(encoding="ascii"))
    for name in DATA_FILES:
        assert record["files"][name]["sha256"] == file_sha256(data_dir / name)


@pytest.mark.parametrize("writable", [False, True])
def test_saved_files_are_read_back_without_a_full_check(
    data_dir: Path, clock: FixedClock, writable: bool, strict_parses: list[int]
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    with closures_session(data_dir, clock, writable=writable) as service:
        assert [p.name for p in service.platforms()] == ["借呗"]
        assert [n.text for n in service.notes(platform_id)] == [
            "已转账到对公账户",
            "客服确认可以只还本金",
        ]
        assert len(service.history.events()) == 3
    assert strict_parses == []


def test_a_copied_data_directory_is_recognised_by_its_digest(
    data_dir: Path, tmp_path: Path, clock: FixedClock, strict_parses: list[int]
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)  # new inodes and times: only the digests still match
    with closures_session(copy, clock, writable=False) as service:
        assert len(service.notes(platform_id)) == 2
        assert len(service.history.events()) == 3
    assert strict_parses == []


@pytest.mark.parametrize("writable", [False, True])
@pytest.mark.parametrize(
    ("name", "change"),
    [
        (MAIN_FILE, (b'"name":"', b'"name":7,"was":"')),
        (NOTES_FILE, (b'"text":"', b'"text":7,"was":"')),
        (HISTORY_FILE, (b'"action":"', b'"action":7,"was":"')),
    ],
)
def test_a_file_changed_since_saved_is_checked_at_open(
    data_dir: Path, clock: FixedClock, writable: bool, name: str, change: tuple[bytes, bytes]
) -> None:
    old, new = change
    _store_with_notes(data_dir, clock)
    path = data_dir / name
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    with pytest.raises(StoreDamaged) as caught:
        Store.open(data_dir, clock, writable=writable)
    assert caught.value.path == path


def test_a_file_changed_to_equal_size_is_still_checked(data_dir: Path, clock: FixedClock) -> None:
    _store_with_notes(data_dir, clock)
    path = data_dir / NOTES_FILE
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"platform_id":1', b'"platform_id":"', 1))
    assert path.stat().st_size == len(raw)
    with pytest.raises(StoreDamaged):
        Store.open(data_dir, clock, writable=False)


@pytest.mark.parametrize("name", [NOTES_FILE, HISTORY_FILE])
def test_a_file_replaced_after_open_is_checked_when_first_used(
    data_dir: Path, clock: FixedClock, name: str
) -> None:
    _store_with_notes(data_dir, clock)
    store = Store.open(data_dir, clock, writable=False)
    try:
        (data_dir / name).write_bytes(b'{"_meta":')
        assert [p.name for p in store.platforms] == ["借呗"]
        collection = store.notes if name == NOTES_FILE else store.history
        for _ in range(2):  # refused again on the next use: never taken as empty
            with pytest.raises(StoreDamaged):
                list(collection)
    finally:
        store.close()


@pytest.mark.parametrize("lazy", [False, True])
def test_a_change_is_refused_unwritten_when_the_history_turns_out_damaged(
    data_dir: Path, clock: FixedClock, lazy: bool
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    with closures_session(data_dir, clock, writable=True, lazy=lazy) as service:
        (data_dir / HISTORY_FILE).write_bytes(b'{"history": NaN}')
        before = {name: (data_dir / name).read_bytes() for name in (MAIN_FILE, NOTES_FILE)}
        snapshots = len(list_snapshots(data_dir))
        with pytest.raises(StoreDamaged) as caught:
            service.add_note(platform_id, "第三条")
        assert caught.value.path == data_dir / HISTORY_FILE
        assert {name: (data_dir / name).read_bytes() for name in before} == before
        assert len(list_snapshots(data_dir)) == snapshots


def test_an_unreadable_record_only_means_checking_in_full(
    data_dir: Path, clock: FixedClock, strict_parses: list[int]
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    (data_dir / RECORD_FILE).write_bytes(b"\x00garbage")
    with closures_session(data_dir, clock, writable=False) as service:
        assert len(service.notes(platform_id)) == 2
    assert len(strict_parses) == len(DATA_FILES)


def test_a_lazy_reader_reads_only_the_files_it_uses(
    data_dir: Path, clock: FixedClock, strict_parses: list[int]
) -> None:
    _store_with_notes(data_dir, clock)
    (data_dir / RECORD_FILE).unlink()  # every file read is checked in full: count them
    with closures_session(data_dir, clock, writable=False, lazy=True) as service:
        assert [p.name for p in service.platforms()] == ["借呗"]
    assert strict_parses == [(data_dir / MAIN_FILE).stat().st_size]


def test_removing_a_platform_is_refused_unwritten_when_its_notes_turn_out_damaged(
    data_dir: Path, clock: FixedClock
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        (data_dir / NOTES_FILE).write_bytes(b'{"notes": {"1": []}}')
        main_before = (data_dir / MAIN_FILE).read_bytes()
        with pytest.raises(StoreDamaged):
            service.remove_platform(platform_id)
        assert (data_dir / MAIN_FILE).read_bytes() == main_before
        assert [p.name for p in service.platforms()] == ["借呗"]


@pytest.mark.parametrize("racy", [False, True])
def test_a_file_changed_in_the_clock_tick_of_the_record_is_hashed_not_trusted(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, racy: bool
) -> None:
    """Within one tick of the file system's clock a change can keep size and times; a file
    whose change is not older than the record is known only by its digest."""
    _store_with_notes(data_dir, clock)
    main = data_dir / MAIN_FILE
    changed_ns = main.stat().st_ctime_ns
    record_ns = changed_ns if racy else changed_ns + 10**9
    os.utime(data_dir / RECORD_FILE, ns=(record_ns, record_ns))
    hashed = _sizes_passed_to(monkeypatch, verified, "sha256_hex")
    with closures_session(data_dir, clock, writable=False, lazy=True) as service:
        assert [p.name for p in service.platforms()] == ["借呗"]
    assert hashed == ([main.stat().st_size] if racy else [])


def test_a_writer_records_what_it_checked_so_the_next_open_need_not(
    data_dir: Path, clock: FixedClock, strict_parses: list[int]
) -> None:
    """A run that saves nothing (killed, or only looked) still spares the next start."""
    _store_with_notes(data_dir, clock)
    (data_dir / RECORD_FILE).unlink()
    with closures_session(data_dir, clock, writable=True) as service:
        assert [p.name for p in service.platforms()] == ["借呗"]
    assert len(strict_parses) == len(DATA_FILES)
    strict_parses.clear()
    with closures_session(data_dir, clock, writable=True) as service:
        assert len(service.history.events()) == 3
    assert strict_parses == []


def test_a_reader_checks_in_full_but_records_nothing(
    data_dir: Path, clock: FixedClock, strict_parses: list[int]
) -> None:
    _store_with_notes(data_dir, clock)
    (data_dir / RECORD_FILE).unlink()
    with closures_session(data_dir, clock, writable=False) as service:
        assert len(service.history.events()) == 3
    assert not (data_dir / RECORD_FILE).exists()
