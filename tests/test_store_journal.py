"""Notes and history: base files written whole only when folded, each change appended."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.services.session import closures_session
from closure_tui.store import journal, storage
from closure_tui.store.backups import list_snapshots
from closure_tui.store.datafiles import check_file, journal_files
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.restore import restore
from closure_tui.store.schema import CURRENT_SCHEMA, schema_version
from closure_tui.store.store import HISTORY_FILE, MAIN_FILE, NOTES_FILE, Store
from tests.cli_helpers import cli
from tests.store_helpers import add_platform, opened, stored, v1_platform, write_json
from tests.storekit import populate


def _segments(data_dir: Path, name: str) -> list[Path]:
    return [path for _, path in journal.segments(data_dir, name)]


def _notes(data_dir: Path) -> list[str]:
    return [doc["text"] for doc in stored(data_dir, NOTES_FILE)["notes"].values()]


def test_a_note_from_the_command_line_is_appended_without_reading_the_files(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    bases = {name: (data_dir / name).read_bytes() for name in (NOTES_FILE, HISTORY_FILE)}
    with opened(data_dir, clock) as store:
        for name in bases:  # any read would fail
            monkeypatch.setattr(store._storages[name], "_load", None)
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "追加的备注"))
    assert {name: (data_dir / name).read_bytes() for name in bases} == bases
    assert "追加的备注" in _notes(data_dir)
    result = cli(data_dir, "note", "借呗", "命令行备注")
    assert result.returncode == 0, result.stderr
    assert {name: (data_dir / name).read_bytes() for name in bases} == bases
    assert _notes(data_dir)[-1] == "命令行备注"
    history = stored(data_dir, HISTORY_FILE)["history"]
    assert history[max(history, key=int)]["action"] == "note.add"


def test_a_torn_tail_is_dropped_and_never_written_after(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    [segment] = _segments(data_dir, NOTES_FILE)
    with segment.open("ab") as handle:
        handle.write(b"\x1eCT\x00\x00\x01\x00")  # a frame's head, its body never written
    torn = segment.read_bytes()
    assert check_file(data_dir / NOTES_FILE) == []
    with opened(data_dir, clock) as store:
        assert len(store.notes) == 2
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "之后的备注"))
    assert segment.read_bytes() == torn
    assert len(_segments(data_dir, NOTES_FILE)) == 2
    assert _notes(data_dir)[-1] == "之后的备注"


def test_bad_bytes_inside_a_segment_are_refused_and_left_alone(
    data_dir: Path, clock: FixedClock
) -> None:
    populate(data_dir, clock)
    with opened(data_dir, clock) as store:
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "第三条"))
    [segment] = _segments(data_dir, NOTES_FILE)
    raw = bytearray(segment.read_bytes())
    raw[20] ^= 0xFF
    segment.write_bytes(bytes(raw))
    with pytest.raises(StoreDamaged) as refused:
        Store.open(data_dir, clock, writable=True).notes.get(1)
    assert refused.value.path == segment
    assert segment.read_bytes() == bytes(raw)
    assert check_file(data_dir / NOTES_FILE) != []
    assert cli(data_dir, "doctor").returncode == 1


def _fold_cut_short(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, module: ModuleType
) -> None:
    """Compact, with the process dying right after `module`'s first `atomic_write`."""
    real = module.atomic_write

    def crash_after(path: Path, data: bytes) -> None:
        real(path, data)
        raise KeyboardInterrupt

    with opened(data_dir, clock) as store:
        monkeypatch.setattr(module, "atomic_write", crash_after)
        with pytest.raises(KeyboardInterrupt):
            store.compact()
        monkeypatch.setattr(module, "atomic_write", real)


@pytest.mark.parametrize("step", ["base", "fresh segment"])
def test_a_fold_cut_short_after_any_step_reads_the_same(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    populate(data_dir, clock)
    expected = stored(data_dir, NOTES_FILE)["notes"]
    _fold_cut_short(data_dir, clock, monkeypatch, storage if step == "base" else journal)
    assert stored(data_dir, NOTES_FILE)["notes"] == expected
    with opened(data_dir, clock) as store:
        assert {str(note.id) for note in store.notes} == set(expected)
        store.compact()
    assert len(_segments(data_dir, NOTES_FILE)) == 1
    assert json.loads((data_dir / NOTES_FILE).read_bytes())["notes"] == expected


def test_a_full_segment_is_sealed_and_backups_link_only_sealed_ones(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "SEGMENT_BYTES", 600)
    populate(data_dir, clock)
    for round_number in range(3):
        clock.advance(minutes=1)
        with opened(data_dir, clock) as store:
            for index in range(3):
                text = f"第 {round_number}-{index} 条，" * 10
                store.notes.insert(lambda new_id, text=text: Note(new_id, 1, clock.now(), text))
    segments = _segments(data_dir, NOTES_FILE)
    assert len(segments) > 2
    assert all(path.stat().st_size <= 1200 for path in segments)
    newest = list_snapshots(data_dir)[0].path
    copies = [path for path in journal_files(newest) if path.name.startswith("notes.")]
    assert len(copies) > 1
    for copy in copies:
        linked = copy.stat().st_ino == (data_dir / copy.name).stat().st_ino
        assert linked == (copy != copies[-1]), copy.name  # the one then appended to: copied
    assert len(_notes(data_dir)) == 2 + 9


def test_an_older_store_is_migrated_on_first_write_and_refused_by_older_versions(
    data_dir: Path, clock: FixedClock
) -> None:
    v1 = {"_meta": {"1": {"schema": 1}}}
    write_json(data_dir / MAIN_FILE, {**v1, "platforms": {"1": v1_platform("借呗")}})
    note = {"platform_id": 1, "created": "2026-01-02T10:00:00", "text": "旧备注"}
    write_json(data_dir / NOTES_FILE, {**v1, "notes": {"1": note}})
    old = {name: (data_dir / name).read_bytes() for name in (MAIN_FILE, NOTES_FILE)}
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_note(1, "新备注")
    [snapshot] = list_snapshots(data_dir)
    assert {name: (snapshot.path / name).read_bytes() for name in old} == old
    for name in (MAIN_FILE, NOTES_FILE, HISTORY_FILE):
        base = json.loads((data_dir / name).read_bytes())
        assert schema_version(base) == CURRENT_SCHEMA > 1  # what older versions refuse
    assert _notes(data_dir) == ["旧备注", "新备注"]


def test_undone_changes_are_dropped_by_a_change_without_reading_the_history(
    data_dir: Path, clock: FixedClock
) -> None:
    populate(data_dir, clock)
    assert cli(data_dir, "note", "借呗", "撤销这条").returncode == 0
    assert cli(data_dir, "undo").returncode == 0
    assert stored(data_dir, HISTORY_FILE)["_meta"]["1"]["marked_history"] != []
    assert cli(data_dir, "note", "借呗", "新的一条").returncode == 0
    history = stored(data_dir, HISTORY_FILE)
    assert history["_meta"]["1"]["marked_history"] == []
    assert "undone" not in [event["state"] for event in history["history"].values()]
    assert cli(data_dir, "redo").returncode == 1


def test_restore_puts_back_the_segments_of_the_backup(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    clock.advance(minutes=1)
    with opened(data_dir, clock) as store:
        add_platform(store, "花呗")
    before = _notes(data_dir)
    clock.advance(minutes=1)
    with opened(data_dir, clock) as store:
        for _ in range(2):
            store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "恢复后不在"))
        store.compact()
    restore(data_dir, clock)
    assert _notes(data_dir) == before
    with opened(data_dir, clock, writable=False) as store:
        assert sorted(note.text for note in store.notes) == sorted(before)


def test_opening_a_platform_decodes_only_its_notes_and_history(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    with closures_session(data_dir, clock, writable=False) as service:
        decoded: list[int] = []
        for collection in (service.store.notes, service.store.history):
            real = collection._decode

            def counting(item_id: int, doc: dict, real=real) -> object:
                decoded.append(item_id)
                return real(item_id, doc)

            monkeypatch.setattr(collection, "_decode", counting)
        notes = service.notes(2)
        events = service.history.events(2)
        assert [note.text for note in notes] == ["plain note"]
        assert events and all(event.platform_id == 2 for event in events)
        assert len(decoded) == len(notes) + len(events)
        assert len(service.store.history) > len(events)


def test_a_segment_that_is_a_link_is_refused_and_reported(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    populate(data_dir, clock)
    [segment] = _segments(data_dir, NOTES_FILE)
    elsewhere = tmp_path / "elsewhere.log"
    segment.rename(elsewhere)
    segment.symlink_to(elsewhere)
    with pytest.raises(StoreDamaged):
        Store.open(data_dir, clock, writable=True).notes.get(1)
    assert check_file(data_dir / NOTES_FILE) != []
    assert elsewhere.read_bytes() and segment.is_symlink()


def test_a_base_file_damaged_while_open_refuses_a_note_before_anything_is_appended(
    data_dir: Path, clock: FixedClock
) -> None:
    populate(data_dir, clock)
    with opened(data_dir, clock) as store:
        (data_dir / NOTES_FILE).unlink()
        (data_dir / NOTES_FILE).write_bytes(b'{"notes": NaN}')
        before = {path: path.read_bytes() for path in journal_files(data_dir)}
        with pytest.raises(StoreDamaged):
            store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "不该写入"))
        assert {path: path.read_bytes() for path in journal_files(data_dir)} == before


def test_a_note_after_a_fold_cut_short_once_its_base_is_written_is_kept(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    _fold_cut_short(data_dir, clock, monkeypatch, storage)
    with opened(data_dir, clock) as store:  # checks the new base in full, so trusts it next
        assert len(store.notes) == 2
    with opened(data_dir, clock) as store:  # appended unread, after the newest segment's end
        store.notes.insert(lambda new_id: Note(new_id, 1, clock.now(), "折叠之后"))
    assert "折叠之后" in _notes(data_dir)
