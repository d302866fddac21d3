"""A data file that is not the app's own is damage, never an empty store: the store refuses
it unwritten, `doctor` names it, and `restore` is the way back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.doctor import examine
from closure_tui.services.session import closures_session
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.lock import LOCK_NAME
from closure_tui.store.restore import restore
from closure_tui.store.store import HISTORY_FILE, MAIN_FILE, NOTES_FILE
from tests.store_helpers import opened, v1_file, v1_platform, write_json
from tests.storekit import populate


def every_file(data_dir: Path) -> dict[str, bytes]:
    """The content of every file but the lock (which records who writes, not data)."""
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME
    }


def attention(data_dir: Path) -> list[str]:
    return [f"{f.key} {f.params}" for f in examine(data_dir) if f.attention]


FOREIGN = {
    "empty_object": {},
    "no_meta_other_json": {"name": "something else", "items": [1, 2]},
    "meta_of_another_file": {"_meta": {"1": {"schema": 1, "file": NOTES_FILE}}, "notes": {}},
    "superscript_id": v1_file({"²": v1_platform()}),
    "ids_equal_after_normalising": v1_file({"1": v1_platform("借呗"), "01": v1_platform("花呗")}),
    "leading_zero_id": v1_file({"007": v1_platform()}),
}


@pytest.mark.parametrize("content", FOREIGN.values(), ids=FOREIGN.keys())
@pytest.mark.parametrize("writable", [True, False])
def test_a_foreign_main_file_is_refused_unwritten(
    data_dir: Path, clock: FixedClock, content: dict, writable: bool
) -> None:
    write_json(data_dir / MAIN_FILE, content)
    before = every_file(data_dir)
    with pytest.raises(StoreDamaged), opened(data_dir, clock, writable=writable):
        pass
    assert every_file(data_dir) == before


@pytest.mark.parametrize("content", FOREIGN.values(), ids=FOREIGN.keys())
def test_doctor_names_a_foreign_file(data_dir: Path, content: dict) -> None:
    write_json(data_dir / MAIN_FILE, content)
    before = every_file(data_dir)
    found = attention(data_dir)
    assert any(line.startswith("doctor.file_damaged") for line in found), found
    assert every_file(data_dir) == before


def test_an_old_file_with_its_tables_is_still_migrated(data_dir: Path, clock: FixedClock) -> None:
    write_json(data_dir / MAIN_FILE, {"platforms": {"3": v1_platform("花呗")}})
    with opened(data_dir, clock) as store:
        assert [p.name for p in store.platforms] == ["花呗"]


def test_an_unknown_table_with_any_keys_is_kept_not_crashed_on(
    data_dir: Path, clock: FixedClock
) -> None:
    write_json(data_dir / MAIN_FILE, {"platforms": {"2": v1_platform()}, "extra": {"²": {}}})
    with opened(data_dir, clock) as store:
        assert store.platforms.next_id() == 3
    saved = json.loads((data_dir / MAIN_FILE).read_text(encoding="utf-8"))
    assert saved["extra"] == {"²": {}}


def test_history_records_with_colliding_ids_are_damage(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    history = json.loads((data_dir / HISTORY_FILE).read_text(encoding="utf-8"))
    event = next(iter(history["history"].values()))
    event["after"]["platforms"] = {"1": None, "01": None}
    write_json(data_dir / HISTORY_FILE, history)
    with pytest.raises(StoreDamaged), opened(data_dir, clock):
        pass


def test_a_lost_main_file_is_not_a_fresh_start(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    clock.advance(minutes=1)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("第二次运行")
    (data_dir / MAIN_FILE).unlink()
    before = every_file(data_dir)
    for writable in (True, False):
        with pytest.raises(StoreDamaged) as refused, opened(data_dir, clock, writable=writable):
            pass
        assert refused.value.key == "err.store.main_missing"
    assert every_file(data_dir) == before
    found = attention(data_dir)
    assert any(line.startswith("doctor.main_missing") for line in found), found
    restore(data_dir, clock)
    with closures_session(data_dir, clock, writable=False) as service:
        notes = [note.text for p in service.platforms() for note in service.notes(p.id)]
    assert "第一次通话\n对方同意分两期" in notes


def test_no_main_file_and_empty_others_is_a_fresh_store(data_dir: Path, clock: FixedClock) -> None:
    write_json(data_dir / NOTES_FILE, {"_meta": {"1": {"schema": 1}}, "notes": {}})
    with closures_session(data_dir, clock, writable=True) as service:
        assert service.add_platform("借呗").value.id == 1
