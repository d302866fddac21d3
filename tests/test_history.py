"""Every change is recorded; undo and redo step through them without losing anything."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from closure_tui.domain.errors import DomainError
from closure_tui.domain.history import EventState
from closure_tui.domain.platform import Stage
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.store import Store
from tests.cli_helpers import cli
from tests.evidence_support import listing, open_service, sample_store
from tests.store_helpers import compacted, stored


def test_each_change_is_one_event_with_time_platform_and_records(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗", original="100").value.id
    clock.advance(minutes=5)
    service.tick(pid, StageKey.NEGOTIATED)
    events = service.history.events()
    assert [e.action for e in events] == ["platform.add", "stage.tick"]
    tick = events[1]
    assert (tick.at, tick.platform_id, tick.platform_name) == (clock.now(), pid, "借呗")
    assert tick.before["platforms"][pid]["stages"]["negotiated"]["state"] == "todo"
    assert tick.after["platforms"][pid]["stages"]["negotiated"]["state"] == "done"
    service.store.close()


def test_history_lives_in_its_own_file_and_a_note_does_not_rewrite_platforms(
    data_dir, clock
) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    main_before = (data_dir / "closure.json").read_bytes()
    service.add_note(pid, "called the hotline")
    assert (data_dir / "closure.json").read_bytes() == main_before
    history = stored(data_dir, "history.json")
    assert [doc["action"] for doc in history["history"].values()] == ["platform.add", "note.add"]
    service.store.close()


def test_undo_of_a_removal_brings_back_the_platform_and_its_notes(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    before = listing(service)
    jiebei = service.resolve("借呗")
    notes = service.notes(jiebei.id)
    service.remove_platform(jiebei.id)
    assert service.notes(jiebei.id) == []
    undone = service.history.undo()
    assert undone.action == "platform.remove"
    assert listing(service) == before
    assert service.notes(jiebei.id) == notes
    service.history.redo()
    assert [p.name for p in service.platforms()] == ["招商银行信用卡"]
    service.store.close()


def test_a_new_change_after_undo_clears_the_redo_stack(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    service.tick(pid, StageKey.NEGOTIATED)
    service.history.undo()
    service.add_note(pid, "new change")
    assert [e.state for e in service.history.events()] == [
        EventState.APPLIED,
        EventState.DROPPED,
        EventState.APPLIED,
    ]
    with pytest.raises(DomainError) as refused:
        service.history.redo()
    assert refused.value.key == "err.history.nothing_to_redo"
    assert service.get(pid).stage(StageKey.NEGOTIATED).state is StageState.TODO
    service.store.close()


def test_undo_refuses_rather_than_overwrite_a_change_the_log_missed(data_dir, clock) -> None:
    """The crash case: data written, event not. Undo must not silently drop that change."""
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    service.tick(pid, StageKey.NEGOTIATED, "2026-11-20")
    platform = service.get(pid)
    redated = replace(platform.stage(StageKey.NEGOTIATED), done_on=date(2026, 11, 21))
    service.store.platforms.put(platform.with_stage(redated))  # not recorded
    with pytest.raises(DomainError) as refused:
        service.history.undo()
    assert refused.value.key == "err.history.conflict"
    assert service.get(pid).stage(StageKey.NEGOTIATED).done_on == date(2026, 11, 21)
    assert service.history.events()[-1].state is EventState.APPLIED
    service.store.close()


def test_undo_keeps_an_unrecorded_change_to_other_fields(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    service.tick(pid, StageKey.NEGOTIATED)
    platform = service.get(pid)
    paid = Stage(StageKey.PAID, StageState.DONE, clock.now().date())
    service.store.platforms.put(platform.with_stage(paid))  # not recorded
    service.history.undo()
    after = service.get(pid)
    assert after.stage(StageKey.NEGOTIATED).state is StageState.TODO
    assert after.stage(StageKey.PAID).state is StageState.DONE
    service.store.close()


def test_an_event_keeps_only_the_fields_that_changed(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗", hotline="95188").value.id
    service.edit_platform(pid, hotline="95188-1")
    event = service.history.events()[-1]
    assert event.patch
    assert event.before == {"platforms": {pid: {"hotline": "95188"}}}
    assert event.after == {"platforms": {pid: {"hotline": "95188-1"}}}
    service.store.close()


def test_an_undo_interrupted_between_files_completes_when_repeated(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    service.add_note(pid, "keep me")
    service.remove_platform(pid)
    event = service.history.events()[-1]
    # Only the notes file was put back when the "crash" happened.
    for note_id, doc in event.before["notes"].items():
        service.store.notes.set_raw(note_id, dict(doc))
    service.history.undo()
    assert service.get(pid).name == "借呗"
    assert [n.text for n in service.notes(pid)] == ["keep me"]
    service.store.close()


def test_damaged_history_file_is_refused_on_open(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    service.add_platform("借呗")
    service.store.close()
    path = data_dir / "history.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["history"]["1"]["at"] = 12
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreDamaged) as damaged:
        Store.open(data_dir, clock, writable=False)
    assert "history #1" in "; ".join(damaged.value.problems)


def test_cli_history_undo_redo(data_dir: Path) -> None:
    assert cli(data_dir, "add", "借呗").returncode == 0
    cli(
        data_dir,
        "payee",
        "借呗",
        "--name",
        "蚂蚁",
        "--bank",
        "招行",
        "--account",
        "6222021234567890123",
        "--verified-via",
        "客服热线",
    )
    cli(data_dir, "note", "借呗", "call recorded")
    assert cli(data_dir, "remove", "借呗", "--yes").returncode == 0

    shown = cli(data_dir, "history", "借呗")
    assert shown.returncode == 0
    assert "platform removed" in shown.stdout
    assert "****0123" in shown.stdout
    assert "6222021234567890123" not in shown.stdout

    undo = cli(data_dir, "undo")
    assert undo.returncode == 0 and "platform removed" in undo.stdout
    shown = cli(data_dir, "show", "借呗")
    assert "call recorded" in shown.stdout

    assert cli(data_dir, "redo").returncode == 0
    assert cli(data_dir, "redo").returncode == 1
    events = json.loads(cli(data_dir, "history", "--json").stdout)
    assert [e["action"] for e in events] == [
        "platform.add",
        "payee.set",
        "note.add",
        "platform.remove",
    ]
    assert events[1]["after"]["platforms"]["1"]["stages"]["paid"]["payee"]["account"] == "****0123"


def test_cli_undo_with_nothing_to_undo_is_refused(data_dir: Path) -> None:
    result = cli(data_dir, "undo", lang="zh")
    assert result.returncode == 1
    assert "没有可以撤销的修改" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_event_with_unusable_records_is_refused_before_anything_is_written(
    data_dir, clock
) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    service.add_note(pid, "kept")
    service.remove_platform(pid)
    service.store.close()
    compacted(data_dir, clock)
    path = data_dir / "history.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["history"]["3"]["before"]["platforms"][str(pid)]["original"] = "12,000"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    files = {name: (data_dir / name).read_bytes() for name in ("closure.json", "notes.json")}

    result = cli(data_dir, "undo")
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr
    assert {name: (data_dir / name).read_bytes() for name in files} == files


def test_reminder_changes_are_recorded_and_come_back_with_their_platform(data_dir, clock) -> None:
    from closure_tui.services.reminders import Reminders

    service = open_service(data_dir, clock)
    reminders = Reminders(service).plug_in()
    pid = service.add_platform("借呗").value.id
    reminder = reminders.add(pid, "2026-12-05", "call the hotline")
    assert service.history.events()[-1].action == "reminder.add"
    reminders.snooze(reminder.id, "2026-12-10")
    service.history.undo()
    assert reminders.get(reminder.id).snoozed_until is None

    service.remove_platform(pid)
    assert reminders.find(pid) == []
    service.history.undo()
    assert [r.text for r in reminders.find(pid)] == ["call the hotline"]
    service.store.close()


def test_cli_history_names_fields_in_the_users_language(data_dir: Path) -> None:
    cli(data_dir, "add", "借呗")
    cli(data_dir, "tick", "借呗", "negotiated", "--on", "2026-11-20")
    shown = cli(data_dir, "history", "借呗", lang="zh").stdout
    assert "已协商：状态 待办 → 完成" in shown
    assert "已协商：完成日期 — → 2026-11-20" in shown


def test_changes_in_a_failed_transaction_leave_no_history(data_dir, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    with pytest.raises(DomainError), service.store.transaction():
        service.tick(pid, StageKey.NEGOTIATED)
        service.tick(pid, StageKey.PAID, "not a date")
    assert [e.action for e in service.history.events()] == ["platform.add"]
    with service.store.transaction():
        service.tick(pid, StageKey.NEGOTIATED)
        service.tick(pid, StageKey.PAID)
    assert [e.action for e in service.history.events()][1:] == ["stage.tick", "stage.tick"]
    service.store.close()
