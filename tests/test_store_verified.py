"""Notes this program saved are parsed on first use; any other notes file is checked at open."""

from __future__ import annotations

from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.store import NOTES_FILE, Store
from closure_tui.store.verified import VERIFIED_FILE, digest


def _store_with_notes(data_dir: Path, clock: FixedClock) -> int:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        service.add_note(platform.id, "客服确认可以只还本金")
        service.add_note(platform.id, "已转账到对公账户")
    return platform.id


def test_saving_notes_records_the_digest_of_the_saved_file(
    data_dir: Path, clock: FixedClock
) -> None:
    _store_with_notes(data_dir, clock)
    recorded = (data_dir / VERIFIED_FILE).read_text(encoding="ascii")
    assert digest((data_dir / NOTES_FILE).read_bytes()) in recorded


@pytest.mark.parametrize("writable", [False, True])
def test_notes_read_later_are_all_there(data_dir: Path, clock: FixedClock, writable: bool) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    with closures_session(data_dir, clock, writable=writable) as service:
        assert [n.text for n in service.notes(platform_id)] == [
            "已转账到对公账户",
            "客服确认可以只还本金",
        ]


@pytest.mark.parametrize("writable", [False, True])
def test_a_notes_file_changed_since_saved_is_checked_at_open(
    data_dir: Path, clock: FixedClock, writable: bool
) -> None:
    _store_with_notes(data_dir, clock)
    notes = data_dir / NOTES_FILE
    notes.write_bytes(notes.read_bytes().replace(b'"text":"', b'"text":7,"was":"', 1))
    with pytest.raises(StoreDamaged) as caught:
        Store.open(data_dir, clock, writable=writable)
    assert caught.value.path == notes


def test_notes_replaced_after_open_are_checked_when_first_used(
    data_dir: Path, clock: FixedClock
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    store = Store.open(data_dir, clock, writable=False)
    try:
        (data_dir / NOTES_FILE).write_bytes(b'{"_meta":')
        assert [p.name for p in store.platforms] == ["借呗"]
        with pytest.raises(StoreDamaged):
            [n for n in store.notes if n.platform_id == platform_id]
    finally:
        store.close()


def test_an_unreadable_record_only_means_checking_at_open(
    data_dir: Path, clock: FixedClock
) -> None:
    platform_id = _store_with_notes(data_dir, clock)
    (data_dir / VERIFIED_FILE).write_bytes(b"\x00garbage")
    with closures_session(data_dir, clock, writable=False) as service:
        assert len(service.notes(platform_id)) == 2
