"""Undo and redo refuse, and change nothing, when a record moved on since its event.

A change the log missed (written, then a crash before its event) must never be
silently overwritten, whatever kind of change the event was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.history import Event
from closure_tui.services.backup import import_backup
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.services.reports import export_json, report_input
from closure_tui.store.store import DATA_FILES
from tests.evidence_support import open_service, sample_store

#: The field an unrecorded change alters, per collection, and the value it leaves there.
TAMPERED = {
    "platforms": ("hotline", "00000"),
    "notes": ("text", "改过的笔记"),
    "reminders": ("snoozed_until", "2027-03-01"),
}

Change = Callable[[Closures, Path], None]


def _add(service: Closures, _: Path) -> None:
    service.add_platform("网商贷", hotline="95188")


def _remove(service: Closures, _: Path) -> None:
    service.remove_platform(service.resolve("借呗").id)


def _edit(service: Closures, _: Path) -> None:
    service.edit_platform(service.resolve("借呗").id, hotline="95188-1")


def _note(service: Closures, _: Path) -> None:
    service.add_note(service.resolve("借呗").id, "又打了一次电话")


def _reminder(service: Closures, _: Path) -> None:
    Reminders(service).add(service.resolve("借呗").id, "2026-12-05", "call 贷后")


def _snooze(service: Closures, _: Path) -> None:
    reminders = Reminders(service)
    reminder = reminders.add(service.resolve("借呗").id, "2026-12-05", "call 贷后")
    reminders.snooze(reminder.id, "2026-12-10")


def _merge(service: Closures, backup: Path) -> None:
    import_backup(service, backup, "merge")


CHANGES: dict[str, Change] = {
    "platform.add": _add,
    "platform.remove": _remove,
    "platform.edit": _edit,
    "note.add": _note,
    "reminder.add": _reminder,
    "reminder.snooze": _snooze,
    "import.merge": _merge,
}


@pytest.fixture
def backup(tmp_path: Path, clock: FixedClock) -> Path:
    """A backup of another store whose platforms, notes and reminder a merge would add."""
    other = open_service(tmp_path / "other", clock)
    pid = other.add_platform("度小满", hotline="95055").value.id
    other.add_note(pid, "对方同意减免")
    Reminders(other).add(pid, "2026-12-20", "复查征信")
    path = tmp_path / "backup.json"
    path.write_bytes(export_json(report_input(other, None, reveal=False)))
    other.store.close()
    return path


def _move_on(service: Closures, event: Event) -> None:
    """Change one record of `event` without recording it, to a state neither side holds."""
    collections = {c.name: c for c in service.store.record_collections()}
    name = next(iter(event.after))
    item_id = next(iter(event.after[name]))
    collection = collections[name]
    field, value = TAMPERED[name]
    current = collection.raw(item_id)
    if current is None:
        current = next(
            side[name][item_id]
            for side in (event.before, event.after)
            if side.get(name, {}).get(item_id) is not None
        )
    moved = copy.deepcopy(current)
    moved[field] = value
    collection.set_raw(item_id, moved)


def _files(data_dir: Path) -> dict[str, bytes | None]:
    paths = [data_dir / name for name in DATA_FILES]
    return {path.name: path.read_bytes() if path.exists() else None for path in paths}


def _refused(service: Closures, step: Callable[[], Any], data_dir: Path) -> None:
    files = _files(data_dir)
    states = [(e.id, e.state) for e in service.history.events()]
    with pytest.raises(DomainError) as refused:
        step()
    assert refused.value.key == "err.history.conflict"
    assert _files(data_dir) == files
    assert [(e.id, e.state) for e in service.history.events()] == states


@pytest.mark.parametrize("step", ["undo", "redo"])
@pytest.mark.parametrize("action", CHANGES)
def test_undo_and_redo_refuse_when_the_record_moved_on(
    action: str, step: str, data_dir: Path, clock: FixedClock, backup: Path
) -> None:
    service = open_service(data_dir, clock)
    sample_store(service, clock)
    CHANGES[action](service, backup)
    history = service.history
    event = history.events()[-1] if step == "undo" else history.undo()
    assert event.action == action
    _move_on(service, event)
    _refused(service, getattr(history, step), data_dir)
    service.store.close()
